/* Steppe Atlas: place names on a slide's map never cover one another. Each label (.slide-label, the slide's own
 * place first) tries its side, the other side, then a line lower or higher, and keeps the first spot that
 * overlaps no label already placed and stays inside the map. Runs after the map is fitted and after each zoom. */
window.steppeDeclutter = window.steppeDeclutter || function (map) {
  "use strict";
  function run() {
    var box = map.getContainer().getBoundingClientRect();
    var spans = Array.prototype.slice.call(map.getContainer().querySelectorAll(".slide-label"));
    spans.sort(function (a, b) { return b.classList.contains("main") - a.classList.contains("main"); });
    var placed = [];
    spans.forEach(function (span) {
      var home = span.getAttribute("data-side") || (span.classList.contains("left") ? "left" : "right");
      span.setAttribute("data-side", home);
      var other = home === "left" ? "right" : "left";
      var tries = [[home, 0], [other, 0], [home, 1.3], [other, 1.3], [home, -1.3], [other, -1.3]];
      var chosen = null;
      for (var i = 0; i !== tries.length && !chosen; i += 1) {
        span.classList.remove("left", "right");
        span.classList.add(tries[i][0]);
        span.style.marginTop = tries[i][1] + "em";
        var r = span.getBoundingClientRect();
        var inside = r.left >= box.left && r.right <= box.right && r.top >= box.top && r.bottom <= box.bottom;
        var free = placed.every(function (p) {
          return r.right + 2 <= p.left || p.right + 2 <= r.left || r.bottom + 1 <= p.top || p.bottom + 1 <= r.top;
        });
        if (inside && free) { chosen = r; }
      }
      if (!chosen) {  // nowhere free: back home, drawn as it is
        span.classList.remove("left", "right");
        span.classList.add(home);
        span.style.marginTop = "0em";
        chosen = span.getBoundingClientRect();
      }
      placed.push(chosen);
    });
  }
  map.whenReady(function () { window.setTimeout(run, 0); });
  map.on("zoomend moveend resize", run);
  return run;
};
