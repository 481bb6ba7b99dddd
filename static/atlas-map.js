/* Steppe Atlas: the map's own script, served by the app at /app/static (no CDN, no network).
 *
 * SteppeAtlas.setup(map, cfg)           once per map: the attribution, clicks on events in popups.
 * SteppeAtlas.refresh(map, data, groups) for each view: every feature drawn carries the keys of the frames it
 *   belongs to (properties.f, made by steppe/frames.py): "w" is the view's window, "1917".."1936" the years of
 *   Play. One frame is shown at a time: the window at first, then a year a second while Play runs; when Play
 *   stops, the year shown is reported to the app (which puts it in the link and the sidebar).
 * Place labels appear from the zoom steppe/placelabels.py computed for them, so they never cover each other.
 * Reports go through streamlit-folium's return value: {steppe: {kind: "event"|"year", ..., n: <unique>}}.
 * All text arrives escaped from Python, or is set with textContent here. */
(function () {
  "use strict";
  var NARROW_PX = 600;          // narrower maps (phones) start with the layer control folded
  var TILE_PX = 256;
  var state = { map: null, data: null, items: [], frame: null, timer: null, labels: [], labelLayer: null,
                player: null, folded: false, counter: Date.now() };

  function report(message) {
    message.n = ++state.counter;  // each report is new, so the app acts on each exactly once
    var bridge = window.Streamlit;
    if (bridge && typeof bridge.setComponentValue === "function") {
      bridge.setComponentValue({ steppe: message });
    }
  }

  function onPopupClick(event) {
    var button = event.target && event.target.closest ? event.target.closest("button[data-event]") : null;
    if (!button) { return; }
    event.preventDefault();
    event.stopPropagation();
    var list = button.closest("ul");
    if (list) {
      list.querySelectorAll(".is-chosen").forEach(function (b) { b.classList.remove("is-chosen"); });
    }
    button.classList.add("is-chosen");
    report({ kind: "event", event: button.getAttribute("data-event") });
  }

  function setup(map, cfg) {
    SteppeAtlas.maps += 1;
    state.map = map;
    if (map.attributionControl) { map.attributionControl.addAttribution(cfg.attribution); }
    map.getContainer().addEventListener("click", onPopupClick, true);
    map.on("zoomend", updateLabels);
  }

  function walk(group, visit) {
    group.eachLayer(function (child) {
      if (child.feature) { visit(child, group); } else if (child.eachLayer) { walk(child, visit); }
    });
  }

  function collect(groups) {
    var items = [];
    ["regions", "routes", "events"].forEach(function (role) {
      if (!groups[role]) { return; }
      walk(groups[role], function (layer, parent) {
        var p = layer.feature.properties;
        if (p && p.f) { items.push({ layer: layer, parent: parent, frames: p.f, tips: p.tips, styles: p.styles }); }
      });
    });
    return items;
  }

  function buildLabels(data, eventsGroup) {
    if (state.labelLayer && state.labelLayer._group) { state.labelLayer._group.removeLayer(state.labelLayer); }
    var layer = L.layerGroup();
    state.labels = (data.labels || []).map(function (label) {
      var span = document.createElement("span");
      span.className = "atlas-label";
      span.style.height = span.style.lineHeight = data.labelHeight + "px";
      var icon = L.divIcon({ className: "atlas-label-icon", html: span, iconSize: null });
      var marker = L.marker([label.lat, label.lon], { icon: icon, interactive: false, keyboard: false,
                                                     pane: "atlas-labels" });
      return { marker: marker, label: label, span: span };
    });
    layer._group = eventsGroup;
    state.labelLayer = layer;
    if (eventsGroup) { eventsGroup.addLayer(layer); }
  }

  function place(entry, z, zoom) {
    // z = [min zoom, marker radius, ring, position, priority, name] (steppe/frames.py frame_labels)
    var data = state.data, span = entry.span, s = span.style;
    if (span.textContent !== z[5]) { span.textContent = z[5]; }  // the place's name on the frame's date
    var ring = z[2] ? data.ringDeg * TILE_PX * Math.pow(2, zoom) / 360 / Math.cos(entry.label.lat * Math.PI / 180) : 0;
    var offset = z[1] + data.labelGap + ring;
    s.left = s.right = s.top = s.bottom = s.transform = "";
    if (z[3] === "left") { s.right = offset + "px"; s.top = (-data.labelHeight / 2) + "px"; }
    else if (z[3] === "above") { s.left = "0"; s.bottom = offset + "px"; s.transform = "translateX(-50%)"; }
    else if (z[3] === "below") { s.left = "0"; s.top = offset + "px"; s.transform = "translateX(-50%)"; }
    else { s.left = offset + "px"; s.top = (-data.labelHeight / 2) + "px"; }
  }

  function apart(a, b) {
    return a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top;
  }

  function updateLabels() {
    if (!state.map || !state.labelLayer) { return; }
    var zoom = state.map.getZoom();
    var shown = [];
    state.labels.forEach(function (entry) {
      var z = entry.label.z[state.frame];
      var on = Boolean(z) && zoom >= z[0];
      if (on) { shown.push({ entry: entry, z: z }); }
      else if (state.labelLayer.hasLayer(entry.marker)) { state.labelLayer.removeLayer(entry.marker); }
    });
    // busiest first; a label the browser's font made wider than planned never covers a busier one
    shown.sort(function (a, b) { return b.z[4] - a.z[4]; });
    var kept = [];
    shown.forEach(function (item) {
      if (!state.labelLayer.hasLayer(item.entry.marker)) { state.labelLayer.addLayer(item.entry.marker); }
      place(item.entry, item.z, zoom);
      var box = item.entry.span.getBoundingClientRect();
      var clear = box.width === 0 || kept.every(function (other) { return apart(box, other); });
      item.entry.span.style.visibility = clear ? "" : "hidden";
      if (clear && box.width) { kept.push(box); }
    });
  }

  function show(key) {
    state.frame = key;
    var added = false;
    state.items.forEach(function (item) {
      var on = item.frames.indexOf(key) >= 0;
      var present = item.parent.hasLayer(item.layer);
      if (on && item.tips && item.tips[key]) { item.layer.feature.properties.tip = item.tips[key]; }
      if (on && item.styles && item.styles[key] && item.layer.setStyle) { item.layer.setStyle(item.styles[key]); }
      if (on && !present) { item.parent.addLayer(item.layer); added = true; }
      if (!on && present) { item.parent.removeLayer(item.layer); }
    });
    if (added) {  // keep the drawing order: routes under markers, big circles under small ones
      state.items.forEach(function (item) {
        if (item.layer.bringToFront && item.parent.hasLayer(item.layer) && item.layer._map) { item.layer.bringToFront(); }
      });
    }
    updateLabels();
    updateControl();
  }

  function isYear(key) { return /^[0-9]{4}$/.test(key); }

  function stop(send) {
    var wasPlaying = state.timer !== null;
    if (state.timer !== null) { window.clearInterval(state.timer); state.timer = null; }
    updateControl();
    if (send && wasPlaying && isYear(state.frame)) { report({ kind: "year", year: Number(state.frame) }); }
  }

  function step() {
    var next = Number(state.frame) + 1;
    if (next > state.data.last) { stop(true); return; }
    show(String(next));
  }

  function toggle() {
    var data = state.data;
    if (!data) { return; }
    if (state.timer !== null) { stop(true); return; }
    if (!data.playable) { return; }
    var span = data.frames[state.frame] || [data.first, data.first];
    var start = isYear(state.frame) ? span[0] + 1 : Math.max(span[0], data.first);
    if (start > data.last || start < data.first) { start = data.first; }  // at the end: from the beginning
    state.timer = window.setInterval(step, 1000);
    show(String(start));
  }

  function makePlayer(map) {
    var Player = L.Control.extend({
      options: { position: "bottomleft" },
      onAdd: function () {
        var box = L.DomUtil.create("div", "atlas-control atlas-play");
        var button = L.DomUtil.create("button", "atlas-play-button", box);
        button.type = "button";
        L.DomUtil.create("span", "atlas-year", box).setAttribute("aria-live", "polite");
        L.DomUtil.create("span", "atlas-date", box);
        L.DomEvent.disableClickPropagation(box);
        L.DomEvent.on(button, "click", toggle);
        return box;
      }
    });
    return new Player().addTo(map);
  }

  function updateControl() {
    var data = state.data;
    if (!state.player || !data) { return; }
    var box = state.player.getContainer();
    var button = box.querySelector("button");
    var playing = state.timer !== null;
    button.textContent = (playing ? "\u23F8 " + data.text.pause : "\u25B6 " + data.text.play);
    button.setAttribute("aria-pressed", playing ? "true" : "false");
    button.disabled = !data.playable;
    button.title = data.playable ? "" : data.text.noPlay;
    button.style.display = data.player ? "" : "none";
    box.querySelector(".atlas-year").textContent = data.player ? (data.text.years[state.frame] || "") : "";
    box.querySelector(".atlas-date").textContent = data.text.regions[state.frame] || "";
    box.style.display = (data.player || data.text.regions[state.frame]) ? "" : "none";
  }

  function fold(map) {
    if (state.folded || map.getSize().x >= NARROW_PX) { return; }
    state.folded = true;
    var control = map.getContainer().querySelector(".leaflet-control-layers");
    if (control) {
      control.classList.remove("leaflet-control-layers-expanded");
      map.on("click", function () { control.classList.remove("leaflet-control-layers-expanded"); });
    }
  }

  function refresh(map, data, groups) {
    stop(false);  // a new view from the app wins over a running Play
    state.map = map;
    state.data = data;
    state.items = collect(groups);
    buildLabels(data, groups.events);
    if (!state.player) { state.player = makePlayer(map); }
    show(data.window);
    window.setTimeout(function () { fold(map); }, 0);  // the layer control is added after the groups
  }

  window.SteppeAtlas = {
    maps: 0,                       // maps created in this frame: Play never makes a new one (tested)
    setup: setup,
    refresh: refresh,
    frame: function () { return state.frame; },
    toggle: toggle
  };
})();
