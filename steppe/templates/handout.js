/* Steppe Atlas handout: draws each slide's map with the Leaflet inlined above, from the JSON in
 * <script id="atlas-data" type="application/json">. No tiles, no request: the basemap is the inlined GeoJSON.
 * Tooltip texts were escaped when the file was made; place names are set as text (textContent). */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("atlas-data").textContent);
  var regionsById = {};
  data.regions.features.forEach(function (f) { regionsById[f.properties.region_id] = f; });

  function tip(feature, layer) {
    if (feature.properties && feature.properties.tip) { layer.bindTooltip(feature.properties.tip, {sticky: true}); }
  }

  function label(spec) {
    var span = document.createElement("span");
    span.className = "slide-label " + spec.side + (spec.main ? " main" : "") + (spec.approximate ? " approximate" : "");
    span.textContent = spec.text;
    return L.marker([spec.lat, spec.lon], {
      icon: L.divIcon({html: span, className: "slide-label-icon", iconSize: [0, 0]}),
      interactive: false, keyboard: false
    });
  }

  function draw(element, spec) {
    var map = L.map(element, {zoomSnap: 0.25, attributionControl: false, scrollWheelZoom: false});
    L.geoJSON(data.countries, {style: function () { return data.styles.country; }, onEachFeature: tip}).addTo(map);
    var regions = spec.regions.map(function (id) { return regionsById[id]; }).filter(Boolean);
    L.geoJSON({type: "FeatureCollection", features: regions},
              {style: function () { return data.styles.region; }, onEachFeature: tip}).addTo(map);
    L.geoJSON(spec.routes, {style: function (f) { return f.properties.style; }, onEachFeature: tip,
      pointToLayer: function (f, latlng) { return L.circleMarker(latlng, f.properties.style); }}).addTo(map);
    L.geoJSON(spec.markers, {
      pointToLayer: function (f, latlng) { return L.circleMarker(latlng, f.properties.style); },
      onEachFeature: tip
    }).addTo(map);
    spec.labels.forEach(function (one) { label(one).addTo(map); });
    L.control.scale().addTo(map);
    map.fitBounds(spec.bounds, {paddingTopLeft: data.padding[0], paddingBottomRight: data.padding[1]});
    window.steppeDeclutter(map);
    element.setAttribute("data-drawn", "true");
  }

  var maps = document.querySelectorAll(".map[data-slide]");
  for (var i = 0; i < maps.length; i++) {
    draw(maps[i], data.slides[maps[i].getAttribute("data-slide")]);
  }
})();
