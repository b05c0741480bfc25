// Any two to four models side by side, on compare/. The page works without this script
// (the featured comparisons are pages of their own); the script shows the form, reads the
// pick from the address (?models=a,b,c), fetches each model's data/models/<id>.json and
// builds the same table the featured pages have. Text goes in as text, never as HTML.
(function () {
  "use strict";
  var form = document.getElementById("compare-form");
  var result = document.getElementById("compare-result");
  var status = document.getElementById("compare-status");
  if (!form || !result || !status || !window.fetch) return;
  var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
  var root = form.getAttribute("data-root");
  var folder = form.getAttribute("data-folder");
  var max = parseInt(form.getAttribute("data-max"), 10) || 4;
  var axes = form.getAttribute("data-axes").split(" ").map(function (pair) {
    var parts = pair.split(":");
    return { id: parts[0], label: parts[1] };
  });

  // The first list holds every model; the others get copies.
  var known = {};
  Array.prototype.forEach.call(selects[0].options, function (option) {
    if (!option.value) return;
    known[option.value] = option.textContent;
    selects.slice(1).forEach(function (select) { select.appendChild(option.cloneNode(true)); });
  });

  function element(name, attributes, text) {
    var node = document.createElement(name);
    Object.keys(attributes || {}).forEach(function (key) { node.setAttribute(key, attributes[key]); });
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function link(href, text) {
    // Only web addresses become links; anything else stays text.
    return /^https?:\/\//i.test(href || "") ? element("a", { href: href, rel: "nofollow noopener" }, text) : element("span", {}, text);
  }

  function shortLabel(url) {
    var text = url.replace(/^https?:\/\//i, "").replace(/^www\./, "").replace(/\/+$/, "");
    return text.length > 40 ? text.slice(0, 39) + "\u2026" : text;
  }

  function tierLabel(model) {
    var id = /^[a-z0-9-]+$/.test(model.tier || "") ? model.tier : "closed";
    var label = element("span", { class: "tier tier-" + id });
    label.appendChild(element("span", { class: "tier-mark", "aria-hidden": "true" }));
    label.appendChild(document.createTextNode(model.tierLabel));
    return label;
  }

  function row(table, heading, models, fill) {
    var tr = element("tr");
    tr.appendChild(element("th", { scope: "row" }, heading));
    models.forEach(function (model) {
      var td = element("td");
      var content = fill(model, td);
      if (content !== undefined) td.appendChild(typeof content === "string" ? document.createTextNode(content) : content);
      tr.appendChild(td);
    });
    table.tBodies[0].appendChild(tr);
  }

  function render(models) {
    var title = models.map(function (model) { return model.name; }).join(" and ");
    result.textContent = "";
    var heading = element("h2", { id: "custom-title", tabindex: "-1" }, "Your comparison");
    result.appendChild(heading);
    var scroll = element("div", { class: "table-scroll", role: "region", "aria-labelledby": "custom-caption", tabindex: "0" });
    var table = element("table", { class: "comparison" });
    table.appendChild(element("caption", { id: "custom-caption" }, title + ", side by side"));
    var head = element("tr");
    head.appendChild(element("td"));
    models.forEach(function (model) {
      var th = element("th", { scope: "col" });
      th.appendChild(element("a", { href: root + "models/" + encodeURIComponent(model.id) + "/" }, model.name));
      th.appendChild(document.createTextNode(" "));
      th.appendChild(element("span", { class: "developer" }, model.developer));
      head.appendChild(th);
    });
    table.appendChild(element("thead")).appendChild(head);
    table.appendChild(element("tbody"));
    row(table, "Tier", models, function (model) { return tierLabel(model); });
    row(table, "Points", models, function (model, td) { td.className = "points"; return model.points + " of " + model.maxPoints; });
    row(table, "Origin", models, function (model) { return model.originName + " (" + model.origin + ")"; });
    row(table, "Released", models, function (model) { return model.released || "Not stated"; });
    row(table, "Parameters", models, function (model) { return model.parameters || "Not stated"; });
    axes.forEach(function (axis) {
      row(table, axis.label, models, function (model, td) {
        var score = (model.axes || {})[axis.id] || {};
        td.className = "level";
        td.appendChild(element("strong", {}, score.label));
        td.appendChild(document.createTextNode(" "));
        td.appendChild(element("span", { class: "axis-points" }, score.points + "/" + score.maxPoints));
        var evidence = score.evidence || [];
        if (!evidence.length) return element("span", { class: "no-evidence" }, "No evidence cited");
        var list = element("ul", { class: "evidence" });
        evidence.forEach(function (url) { list.appendChild(element("li")).appendChild(link(url, shortLabel(url))); });
        return list;
      });
    });
    row(table, "Weights license", models, function (model) {
      return model.license ? link(model.license.url, model.license.name) : "None: the weights are not distributed";
    });
    row(table, "Assessed", models, function (model) { return model.assessed; });
    scroll.appendChild(table);
    result.appendChild(scroll);

    var noted = models.filter(function (model) { return model.notes; });
    if (noted.length) {
      result.appendChild(element("h3", {}, "Notes"));
      noted.forEach(function (model) {
        result.appendChild(element("h4", {}, model.name));
        // The notes are Markdown; shown as their text, paragraph by paragraph.
        model.notes.split(/\n\s*\n/).forEach(function (paragraph) {
          result.appendChild(element("p", { class: "note-text" }, paragraph.trim()));
        });
      });
    }
    status.textContent = "Showing " + models.length + " models side by side.";
    document.title = title + " \u00b7 " + document.title.split(" \u00b7 ").slice(-1)[0];
    heading.focus();
  }

  function pick(ids) {
    selects.forEach(function (select, index) { select.value = ids[index] || ""; });
  }

  function fromAddress() {
    var match = /[?&]models=([^&#]*)/.exec(window.location.search);
    var text = match ? match[1] : "";
    // A hand-typed address may hold a stray '%': read it as no pick rather than fail.
    try { text = decodeURIComponent(text); } catch (error) { text = ""; }
    var asked = text ? text.split(",") : [];
    var ids = [], unknown = [];
    asked.forEach(function (id) {
      id = id.trim();
      if (!id || ids.indexOf(id) !== -1) return;
      if (known[id]) ids.push(id); else unknown.push(id);
    });
    return { ids: ids.slice(0, max), unknown: unknown };
  }

  function show(ids, unknown) {
    pick(ids);
    var note = unknown && unknown.length ? "No model '" + unknown.join("', '") + "'. " : "";
    if (ids.length < 2) {
      result.textContent = "";
      status.textContent = note + (ids.length ? "Choose at least one more model." : "");
      return;
    }
    status.textContent = note + "Loading\u2026";
    Promise.all(ids.map(function (id) {
      return fetch(folder + encodeURIComponent(id) + ".json").then(function (response) {
        if (!response.ok) throw new Error(id);
        return response.json();
      });
    })).then(render, function (error) {
      status.textContent = "The data for '" + error.message + "' could not be loaded.";
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var ids = [];
    selects.forEach(function (select) { if (select.value && ids.indexOf(select.value) === -1) ids.push(select.value); });
    if (ids.length < 2) {
      status.textContent = "Choose at least two different models.";
      return;
    }
    window.history.pushState({ models: ids }, "", "?models=" + ids.map(encodeURIComponent).join(","));
    show(ids);
  });
  window.addEventListener("popstate", function () {
    var asked = fromAddress();
    show(asked.ids, asked.unknown);
  });

  form.hidden = false;
  var asked = fromAddress();
  show(asked.ids, asked.unknown);
})();
