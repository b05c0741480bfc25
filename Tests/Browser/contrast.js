// Measures the WCAG 2 contrast ratio of every piece of visible text on the page, in
// the browser, so it sees exactly the colours the stylesheet produced. Run through
// Selenium's execute_script; returns the text that falls below the minimum.
//
// HTML text: its computed colour against the nearest non-transparent background of
// an ancestor (semi-transparent layers are composited over white).
// SVG text: its fill against the shape drawn under its centre (a bar, a heat-map
// cell, the chart's background).
var minimum = arguments[0];

function parse(color) {
  var match = /rgba?\(([^)]*)\)/.exec(color || "");
  if (!match) return null;
  var parts = match[1].split(/[\s,\/]+/).filter(Boolean).map(parseFloat);
  return { r: parts[0], g: parts[1], b: parts[2], a: parts.length > 3 ? parts[3] : 1 };
}

function over(top, bottom) {
  var a = top.a;
  return { r: top.r * a + bottom.r * (1 - a), g: top.g * a + bottom.g * (1 - a), b: top.b * a + bottom.b * (1 - a), a: 1 };
}

function luminance(c) {
  function channel(v) {
    v /= 255;
    return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
  }
  return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
}

function ratio(a, b) {
  var x = luminance(a), y = luminance(b);
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}

var white = { r: 255, g: 255, b: 255, a: 1 };

function htmlBackground(element) {
  var layers = [];
  for (var e = element; e && e.nodeType === 1; e = e.parentElement) {
    var color = parse(getComputedStyle(e).backgroundColor);
    if (color && color.a > 0) {
      layers.push(color);
      if (color.a >= 1) break;
    }
  }
  var result = white;
  for (var i = layers.length - 1; i >= 0; i--) result = over(layers[i], result);
  return result;
}

var shapes = { rect: 1, circle: 1, ellipse: 1, path: 1, polygon: 1 };

function svgBackground(text) {
  text.scrollIntoView({ block: "center", inline: "center" });
  var box = text.getBoundingClientRect();
  var stack = document.elementsFromPoint(box.left + box.width / 2, box.top + box.height / 2);
  for (var i = 0; i < stack.length; i++) {
    var e = stack[i];
    if (e === text || text.contains(e) || e.contains(text)) continue;
    if (shapes[e.localName] && e instanceof SVGElement) {
      var fill = parse(getComputedStyle(e).fill);
      if (fill && fill.a > 0) return over(fill, htmlBackground(e.ownerSVGElement || e));
      continue;
    }
    break;
  }
  return htmlBackground(text.ownerSVGElement || text.parentElement);
}

function isShown(element) {
  if (!element.getClientRects().length) return false;
  if (element.closest("[aria-hidden='true'], [hidden]")) return false;
  var style = getComputedStyle(element);
  return style.visibility === "visible" && parseFloat(style.opacity) > 0;
}

function ownText(element) {
  var text = "";
  for (var n = element.firstChild; n; n = n.nextSibling) if (n.nodeType === 3) text += n.nodeValue;
  return text.trim();
}

function describe(element) {
  var name = element.localName;
  if (element.id) name += "#" + element.id;
  if (element.getAttribute("class")) name += "." + element.getAttribute("class").trim().split(/\s+/).join(".");
  return name;
}

var failures = [];
var checked = 0;

function check(element, text, foreground, background) {
  if (!foreground) return;
  checked += 1;
  var value = ratio(over(foreground, background), background);
  if (value + 1e-9 < minimum) {
    failures.push({
      element: describe(element),
      text: text.slice(0, 60),
      ratio: Math.round(value * 100) / 100,
      foreground: "rgb(" + [foreground.r, foreground.g, foreground.b].join(", ") + (foreground.a < 1 ? " / " + foreground.a : "") + ")",
      background: "rgb(" + [background.r, background.g, background.b].map(Math.round).join(", ") + ")",
    });
  }
}

var all = document.body.querySelectorAll("*");
for (var i = 0; i < all.length; i++) {
  var element = all[i];
  if (element.localName === "script" || element.localName === "style" || element.localName === "title") continue;
  var isSVG = element instanceof SVGElement;
  var text = isSVG ? (element.localName === "text" || element.localName === "tspan" ? ownText(element) : "") : ownText(element);
  var isControl = /^(input|select|textarea|button)$/.test(element.localName);
  if (!text && !isControl) continue;
  if (!isShown(element)) continue;
  if (isSVG) {
    check(element, text, parse(getComputedStyle(element).fill), svgBackground(element));
  } else {
    var background = htmlBackground(element);
    check(element, text || element.value || "", parse(getComputedStyle(element).color), background);
    if (element.placeholder) {
      check(element, "placeholder: " + element.placeholder, parse(getComputedStyle(element, "::placeholder").color), background);
    }
  }
}
window.scrollTo(0, 0);
return { checked: checked, failures: failures };
