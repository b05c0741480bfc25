// Sorting and filtering for the leaderboard. The table is complete without this
// script; it only adds sort buttons to the column headers and shows the filter form.
(function () {
  "use strict";
  var table = document.getElementById("leaderboard");
  var form = document.getElementById("leaderboard-controls");
  if (!table || !form || !table.tBodies.length) return;
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var headers = table.tHead.rows[0].cells;
  var search = document.getElementById("filter-search");
  var origin = document.getElementById("filter-origin");
  var tier = document.getElementById("filter-tier");
  var family = document.getElementById("filter-family");
  var status = document.getElementById("leaderboard-status");

  // null for a number cell whose data-value is empty: "no data", which is not 0.
  function cellValue(row, index, type) {
    var cell = row.cells[index];
    var raw = cell.getAttribute("data-value");
    if (raw === null || (raw === "" && type !== "number")) raw = cell.textContent;
    if (type !== "number") return raw.toLowerCase();
    return raw === "" ? null : parseFloat(raw);
  }

  function sortBy(index, type, direction) {
    var sorted = rows.slice().sort(function (a, b) {
      var x = cellValue(a, index, type), y = cellValue(b, index, type);
      // Rows without data go last whichever way the column is sorted.
      if (x === null && y !== null) return 1;
      if (y === null && x !== null) return -1;
      if (x < y) return direction === "ascending" ? -1 : 1;
      if (x > y) return direction === "ascending" ? 1 : -1;
      // Ties keep the leaderboard order, so sorting is stable and predictable.
      return cellValue(a, 0, "number") - cellValue(b, 0, "number");
    });
    sorted.forEach(function (row) { body.appendChild(row); });
    Array.prototype.forEach.call(headers, function (header, i) {
      if (i === index) header.setAttribute("aria-sort", direction);
      else header.removeAttribute("aria-sort");
    });
  }

  Array.prototype.forEach.call(headers, function (header, index) {
    var type = header.getAttribute("data-type") || "text";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "sort";
    button.textContent = header.textContent;
    header.textContent = "";
    header.appendChild(button);
    button.addEventListener("click", function () {
      var current = header.getAttribute("aria-sort");
      // Numbers start from the highest, names from A.
      var first = type === "number" && index !== 0 ? "descending" : "ascending";
      var next = current === first ? (first === "ascending" ? "descending" : "ascending") : first;
      sortBy(index, type, next);
    });
  });

  function applyFilters() {
    var text = search.value.trim().toLowerCase();
    var shown = 0;
    rows.forEach(function (row) {
      var visible = (!origin.value || row.getAttribute("data-origin") === origin.value) &&
        (!tier.value || row.getAttribute("data-tier") === tier.value) &&
        (!family || !family.value || row.getAttribute("data-family") === family.value) &&
        (!text || row.getAttribute("data-search").toLowerCase().indexOf(text) !== -1);
      row.hidden = !visible;
      if (visible) shown += 1;
    });
    status.textContent = "Showing " + shown + " of " + rows.length + " models";
  }

  form.addEventListener("submit", function (event) { event.preventDefault(); });
  [search, origin, tier, family].filter(Boolean).forEach(function (control) {
    control.addEventListener("input", applyFilters);
    control.addEventListener("change", applyFilters);
  });
  form.hidden = false;
  applyFilters();
})();
