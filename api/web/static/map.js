// The event map: country outlines from world-atlas (served by this server) as the only basemap,
// a circle per event. Text from the data goes into the page as text nodes, never as HTML.
(function () {
  "use strict";
  const data = JSON.parse(document.getElementById("map-data").textContent);
  const asof = JSON.parse(document.getElementById("map-asof").textContent);
  const map = L.map("map", { worldCopyJump: true, attributionControl: true }).setView([33.3, 44.4], 5);
  map.attributionControl.setPrefix("Leaflet · Natural Earth");
  // each type's colour from core/data/event_types.toml, as the graph pages draw it
  const colour = JSON.parse(document.getElementById("map-colours").textContent);
  const markers = [];

  function popup(e) {
    const box = document.createElement("div");
    const link = document.createElement("a");
    link.href = "/events/" + encodeURIComponent(e.id) + asof;
    link.textContent = e.type + " " + (e.date || "?");
    box.appendChild(link);
    const where = document.createElement("div");
    where.textContent = (e.at.name || e.at.id) + (e.at.name_ar ? " · " + e.at.name_ar : "");
    box.appendChild(where);
    const who = (e.perpetrators || []).map(function (a) { return a.name || a.id; }).join(", ");
    if (who) {
      const line = document.createElement("div");
      line.textContent = who;
      box.appendChild(line);
    }
    return box;
  }

  for (const e of data.items) {
    const marker = L.circleMarker([e.lat, e.lon], {
      radius: 6 + Math.min(6, e.source_count || 0), color: "#222", weight: 1,
      fillColor: colour[e.type] || "#555", fillOpacity: 0.85,
    }).bindPopup(popup(e));
    marker.addTo(map);
    markers.push(marker);
  }
  if (markers.length) {
    map.fitBounds(L.featureGroup(markers).getBounds().pad(0.6), { maxZoom: 7 });
  }
  window.kgMap = { map: map, markers: markers };

  fetch("/static/vendor/world-atlas/countries-50m.json")
    .then(function (r) { return r.json(); })
    .then(function (topology) {
      const countries = topojson.feature(topology, topology.objects.countries);
      const outlines = L.geoJSON(countries, {
        style: { color: "#8a8a8a", weight: 0.8, fillColor: "#f3efe6", fillOpacity: 1 },
        interactive: false,
      }).addTo(map);
      outlines.bringToBack();
      window.kgMap.countries = countries.features.length;
      document.body.setAttribute("data-map-ready", "true");
    })
    .catch(function (err) {
      document.body.setAttribute("data-map-ready", "error: " + err);
    });
})();
