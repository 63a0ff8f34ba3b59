// sitroom's web UI: map, timeline, filters, actor network, event panel, article view and figure series,
// over the read-only API of `sitroom serve`. Everything it loads comes from the same server; the filters,
// the brushed range and the selected event live in the URL, so a view can be shared.
"use strict";

const TYPE_COLOURS = {
  "Battles": "#c13b00",
  "Explosions/Remote violence": "#0b5cad",
  "Violence against civilians": "#a3307e",
  "Protests": "#00795a",
  "Riots": "#b37400",
  "Strategic developments": "#5e6b78",
};
const FILTERS = ["type", "actor", "country", "q"];
const PAGE = 1000;
const MAX_EVENTS = 20000;
const LIST_LIMIT = 300;
const CLUSTER_MAX_ZOOM = 7;  // beyond it every event has a marker of its own
const LABEL_MIN_ZOOM = 5;    // from here the towns of the events are named on the map
const TIME_PRECISION = { 1: "day", 2: "week", 3: "month or coarser" };
const GEO_PRECISION = { 1: "town or village", 2: "near a town, or part of a region", 3: "region or country" };
const day = d3.utcDay;
const parseDay = d3.utcParse("%Y-%m-%d");
const formatDay = d3.utcFormat("%Y-%m-%d");
const number = d3.format(",");

const state = { type: "", actor: "", country: "", q: "", since: "", until: "", event: "", article: "", kind: "" };
let events = [];      // GeoJSON features matching the server-side filters
let figures = [];     // every figure no event owns
let map, markers, labels, basemap, admin1Layer;
let clusters = null;  // supercluster index over the events in range
let brush, timelineX;

const $ = (id) => document.getElementById(id);
const colour = (type) => TYPE_COLOURS[type] || "#5e6b78";

// ---- URL state -----------------------------------------------------------------------------------------

function readUrl() {
  const params = new URLSearchParams(location.search);
  for (const key of Object.keys(state)) state[key] = params.get(key) || "";
}

function writeUrl() {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(state)) if (value) params.set(key, value);
  const query = params.toString();
  history.replaceState(null, "", query ? `?${query}` : location.pathname);
}

// ---- data ------------------------------------------------------------------------------------------------

async function getJson(url) {
  const response = await fetch(url);
  if (!response.ok) {
    let detail = response.statusText;
    try { detail = JSON.stringify((await response.json()).detail); } catch (_) { /* not JSON */ }
    throw new Error(`${url}: ${response.status} ${detail}`);
  }
  return response.json();
}

// The JSON at ``url``, or null with the failure told in the status line ("Could not load event X: ...").
async function getJsonOrSay(url, what) {
  try {
    return await getJson(url);
  } catch (error) {
    $("status").textContent = `Could not ${what}: ${error.message}`;
    return null;
  }
}

async function loadEvents() {
  const params = new URLSearchParams({ format: "geojson", limit: String(PAGE) });
  for (const key of FILTERS) if (state[key]) params.set(key, state[key]);
  const loaded = [];
  let total = 0;
  for (let offset = 0; offset < MAX_EVENTS; offset += PAGE) {
    params.set("offset", String(offset));
    const page = await getJson(`/api/events?${params}`);
    total = page.total;
    loaded.push(...page.features);
    if (loaded.length >= total || page.features.length === 0) break;
  }
  events = loaded.map((feature) => {
    const p = feature.properties;
    p.id = feature.id;
    p.day = p.event_date ? parseDay(p.event_date) : null;
    p.killed = Number(p.fatalities) || 0;
    return feature;
  });
  return total;
}

function inRange(feature) {
  const d = feature.properties.day;
  if (!state.since && !state.until) return true;
  if (!d) return false;
  return (!state.since || formatDay(d) >= state.since) && (!state.until || formatDay(d) <= state.until);
}

// ---- rendering -------------------------------------------------------------------------------------------

function render() {
  const shown = events.filter(inRange);
  renderMap(shown);
  renderList(shown);
  renderNetwork(shown);
  renderFigures();
  const range = state.since || state.until ? ` from ${state.since || "the start"} to ${state.until || "the end"}` : "";
  $("status").textContent = `${number(shown.length)} of ${number(events.length)} events${range}`;
  $("t-since").value = state.since;
  $("t-until").value = state.until;
}

function renderAll() {
  renderTimeline();
  render();
}

// Map: Natural Earth countries and admin-1 areas from the package's own files, events clustered.
function setupMap() {
  map = L.map("map", { worldCopyJump: true, minZoom: 2, maxZoom: 12, zoomSnap: 0.5, attributionControl: true });
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Boundaries: Natural Earth");
  map.setView([33, 42], 4);
  map.createPane("labels").style.zIndex = 640;  // above the markers, below popups; never takes a click
  map.getPane("labels").style.pointerEvents = "none";
  labels = L.layerGroup().addTo(map);
  markers = L.layerGroup().addTo(map);
  map.on("zoomend", () => { showAdmin1(); showLabels(); });
  map.on("moveend", drawClusters);
  return getJson("/static/basemap/countries.json").then((countries) => {
    basemap = L.geoJSON(countries, {
      interactive: false, renderer: L.canvas({ padding: 0.5 }),
      style: { color: "#7b8794", weight: 0.8, fillColor: "#f4f1ea", fillOpacity: 1 },
    }).addTo(map);
  }).catch((error) => { $("unmapped").textContent = `The basemap could not be loaded: ${error.message}`; });
}

function showAdmin1() {
  const wanted = map.getZoom() >= 5;
  if (wanted && !admin1Layer) {
    admin1Layer = "loading";
    getJson("/static/basemap/admin1.json").then((areas) => {
      admin1Layer = L.geoJSON(areas, {
        interactive: false, renderer: L.canvas({ padding: 0.5 }), style: { color: "#9aa5b1", weight: 0.6, dashArray: "3 3", fill: false },
      });
      showAdmin1();
    });
  } else if (admin1Layer && admin1Layer !== "loading") {
    if (wanted && !map.hasLayer(admin1Layer)) admin1Layer.addTo(map);
    if (!wanted && map.hasLayer(admin1Layer)) map.removeLayer(admin1Layer);
  }
}

function radius(killed) {
  return Math.min(28, 6 + 3 * Math.sqrt(killed));
}

function renderMap(shown) {
  const points = shown.filter((f) => f.geometry && f.geometry.type === "Point");
  clusters = new Supercluster({ radius: 40, maxZoom: CLUSTER_MAX_ZOOM }).load(points);
  drawClusters();
  labels.clearLayers();
  const towns = d3.group(points.filter((f) => f.properties.geo_precision <= 2), (f) => f.properties.location);
  for (const [name, group] of towns) {
    const [lon, lat] = group[0].geometry.coordinates;
    const icon = L.divIcon({ className: "town-label", html: `<span>${escapeHtml(name)}</span>`, iconSize: null, iconAnchor: [-14, 8] });
    labels.addLayer(L.marker([lat, lon], { icon, interactive: false, keyboard: false, pane: "labels" }));
  }
  showLabels();
  const unmapped = shown.length - points.length;
  $("unmapped").textContent = unmapped
    ? `${unmapped} event${unmapped === 1 ? " is" : "s are"} placed at country level only and not drawn (see the list).`
    : "";
  const legend = $("legend");
  legend.replaceChildren(...Object.entries(TYPE_COLOURS).map(([type, c]) => {
    const item = document.createElement("span");
    item.style.setProperty("--swatch", c);
    item.textContent = type;
    return item;
  }));
}

function drawClusters() {
  if (!clusters) return;
  markers.clearLayers();
  const b = map.getBounds();
  const box = [Math.max(-180, b.getWest()), Math.max(-85, b.getSouth()), Math.min(180, b.getEast()), Math.min(85, b.getNorth())];
  const items = clusters.getClusters(box, Math.round(map.getZoom()));
  const sharing = d3.group(items.filter((i) => !i.properties.cluster), (i) => i.geometry.coordinates.join(","));
  for (const item of items) {
    let [lon, lat] = item.geometry.coordinates;
    const p = item.properties;
    const together = p.cluster ? null : sharing.get(item.geometry.coordinates.join(","));
    if (together && together.length > 1) [lat, lon] = spread([lat, lon], together.indexOf(item), together.length);
    if (p.cluster) {
      const size = Math.min(48, 22 + 4 * Math.sqrt(p.point_count));
      const icon = L.divIcon({
        className: "", iconSize: [size, size],
        html: `<span class="cluster-marker" style="width:${size}px;height:${size}px">${p.point_count}</span>`,
      });
      const marker = L.marker([lat, lon], { icon, title: `${p.point_count} events here: zoom in`, keyboard: true });
      marker.on("click", () => map.flyTo([lat, lon], Math.min(clusters.getClusterExpansionZoom(p.cluster_id), 12)));
      markers.addLayer(marker);
    } else {
      const r = radius(p.killed);
      const selected = p.id === state.event ? " selected" : "";
      const icon = L.divIcon({
        className: "", iconSize: [2 * r, 2 * r],
        html: `<span class="event-marker${selected}" data-event-id="${p.id}" style="width:${2 * r}px;height:${2 * r}px;background:${colour(p.event_type)}"></span>`,
      });
      const label = `${p.sub_event_type}, ${p.location}, ${p.event_date || "undated"}${p.killed ? `, ${p.killed} killed` : ""}`;
      const marker = L.marker([lat, lon], { icon, title: label, alt: label, keyboard: true, riseOnHover: true });
      marker.on("click", () => selectEvent(p.id));
      markers.addLayer(marker);
    }
  }
}

function showLabels() {
  const wanted = map.getZoom() >= LABEL_MIN_ZOOM;
  if (wanted && !map.hasLayer(labels)) labels.addTo(map);
  if (!wanted && map.hasLayer(labels)) map.removeLayer(labels);
}

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

// Events at one point (a town's events, beyond the zoom where clusters split) are set around it in a ring.
function spread(latLng, index, count) {
  const centre = map.latLngToLayerPoint(latLng);
  const angle = (2 * Math.PI * index) / count;
  const r = 12 + 4 * count;
  const point = L.point(centre.x + r * Math.cos(angle), centre.y + r * Math.sin(angle));
  const moved = map.layerPointToLatLng(point);
  return [moved.lat, moved.lng];
}

function fitToEvents() {
  const points = events.filter((f) => f.geometry).map((f) => [f.geometry.coordinates[1], f.geometry.coordinates[0]]);
  if (points.length) map.fitBounds(L.latLngBounds(points).pad(0.2), { maxZoom: 7, animate: false });
}

// The list: every event in range, newest first; the keyboard's way to the events.
function renderList(shown) {
  const list = $("event-list");
  const items = shown.slice(0, LIST_LIMIT).map((f) => {
    const p = f.properties;
    const li = document.createElement("li");
    const button = document.createElement("button");
    button.type = "button";
    button.dataset.eventId = p.id;
    button.dataset.eventType = p.event_type;
    button.dataset.eventDate = p.event_date || "";
    const swatch = document.createElement("span");
    swatch.className = "swatch";
    swatch.style.background = colour(p.event_type);
    const title = document.createElement("strong");
    title.textContent = `${p.sub_event_type} · ${p.location}`;
    const meta = document.createElement("span");
    meta.className = "meta";
    const actors = [p.actor1, p.actor2].filter(Boolean).join(" vs ");
    meta.textContent = [p.event_date || "undated", p.killed ? `${p.killed} killed` : "", actors].filter(Boolean).join(" · ");
    button.append(swatch, title, meta);
    button.addEventListener("click", () => selectEvent(p.id));
    li.append(button);
    return li;
  });
  list.replaceChildren(...items);
  $("list-more").textContent = shown.length > LIST_LIMIT ? `and ${shown.length - LIST_LIMIT} more: narrow the filters to see them.` : "";
  $("list-title").textContent = `Events (${number(shown.length)})`;
  if (!shown.length && events.length === 0) $("list-more").textContent = "No events match these filters.";
}

// Timeline: stacked bars of events per day by type, with a brush that sets the range for the rest.
function renderTimeline() {
  const svg = d3.select("#timeline");
  svg.selectAll("*").remove();
  const node = svg.node();
  const width = node.clientWidth || 800;
  const height = node.clientHeight || 150;
  const margin = { top: 6, right: 10, bottom: 22, left: 30 };
  const dated = events.filter((f) => f.properties.day);
  if (!dated.length) {
    timelineX = null;
    svg.append("text").attr("x", 10).attr("y", 30).attr("class", "axis").text("No dated events.");
    return;
  }
  const [first, last] = d3.extent(dated, (f) => f.properties.day);
  const start = day.offset(first, -1);
  const end = day.offset(last, 2);
  timelineX = d3.scaleUtc().domain([start, end]).range([margin.left, width - margin.right]);
  const types = Object.keys(TYPE_COLOURS);
  const byDay = d3.rollup(dated, (group) => d3.rollup(group, (g) => g.length, (f) => f.properties.event_type),
    (f) => +f.properties.day);
  const rows = Array.from(byDay, ([t, counts]) => ({ day: new Date(t), ...Object.fromEntries(types.map((k) => [k, counts.get(k) || 0])) }));
  const stacked = d3.stack().keys(types)(rows);
  const y = d3.scaleLinear().domain([0, d3.max(rows, (r) => d3.sum(types, (k) => r[k])) || 1]).nice()
    .range([height - margin.bottom, margin.top]);
  const barWidth = (d) => Math.max(2, timelineX(day.offset(d, 1)) - timelineX(d) - 0.5);
  svg.append("g").selectAll("g").data(stacked).join("g").attr("fill", (s) => colour(s.key))
    .selectAll("rect").data((s) => s.filter((v) => v[1] > v[0])).join("rect")
    .attr("x", (v) => timelineX(v.data.day)).attr("width", (v) => barWidth(v.data.day))
    .attr("y", (v) => y(v[1])).attr("height", (v) => y(v[0]) - y(v[1]))
    .append("title").text((v) => `${formatDay(v.data.day)}: ${v[1] - v[0]}`);
  svg.append("g").attr("class", "axis").attr("transform", `translate(0,${height - margin.bottom})`)
    .call(d3.axisBottom(timelineX).ticks(Math.max(2, Math.floor(width / 110))).tickSizeOuter(0));
  svg.append("g").attr("class", "axis").attr("transform", `translate(${margin.left},0)`)
    .call(d3.axisLeft(y).ticks(3).tickFormat(d3.format("d")));
  brush = d3.brushX().extent([[margin.left, margin.top], [width - margin.right, height - margin.bottom]])
    .on("end", (event) => {
      if (!event.sourceEvent) return;  // moved by code, not by the user
      if (!event.selection) {
        state.since = state.until = "";
      } else {
        const [a, b] = event.selection.map((px) => timelineX.invert(px));
        state.since = formatDay(day.round(a));
        state.until = formatDay(day.offset(day.round(b), -1));
        if (state.until < state.since) state.until = state.since;
      }
      writeUrl();
      render();
    });
  const g = svg.append("g").attr("class", "brush").call(brush);
  if (state.since || state.until) {
    const a = state.since ? parseDay(state.since) : start;
    const b = state.until ? day.offset(parseDay(state.until), 1) : end;
    g.call(brush.move, [timelineX(a), timelineX(b)]);
  }
}

// Actor network: actors as nodes, one edge per pair that met, as wide as their shared events.
function renderNetwork(shown) {
  const svg = d3.select("#network");
  svg.selectAll("*").remove();
  const width = svg.node().clientWidth || 500;
  const height = svg.node().clientHeight || 340;
  const counts = new Map();
  const pairs = new Map();
  for (const f of shown) {
    const { actor1, actor2 } = f.properties;
    for (const name of [actor1, actor2]) if (name) counts.set(name, (counts.get(name) || 0) + 1);
    if (actor1 && actor2 && actor1 !== actor2) {
      const key = [actor1, actor2].sort().join("\u0000");
      pairs.set(key, (pairs.get(key) || 0) + 1);
    }
  }
  const nodes = Array.from(counts, ([name, n]) => ({ id: name, events: n }));
  const links = Array.from(pairs, ([key, n]) => { const [source, target] = key.split("\u0000"); return { source, target, events: n }; });
  const table = $("network-table");
  table.innerHTML = "<thead><tr><th>Actor</th><th>Actor</th><th>Events</th></tr></thead>";
  const body = table.createTBody();
  for (const l of [...links].sort((a, b) => b.events - a.events)) {
    const row = body.insertRow();
    row.insertCell().textContent = l.source;
    row.insertCell().textContent = l.target;
    const cell = row.insertCell();
    cell.className = "num";
    cell.textContent = l.events;
  }
  if (!nodes.length) {
    svg.append("text").attr("x", 10).attr("y", 24).attr("class", "axis").text("No actors in these events.");
    return;
  }
  const simulation = d3.forceSimulation(nodes)
    .force("link", d3.forceLink(links).id((d) => d.id).distance(90))
    .force("charge", d3.forceManyBody().strength(-320))
    .force("x", d3.forceX(width / 2).strength(0.07))
    .force("y", d3.forceY(height / 2).strength(0.12))
    .force("collide", d3.forceCollide((n) => 12 + 1.4 * Math.min(34, n.id.length)).strength(0.8))
    .stop();
  for (let i = 0; i < 300; i += 1) simulation.tick();
  for (const n of nodes) {
    n.x = Math.max(20, Math.min(width - 20, n.x));
    n.y = Math.max(14, Math.min(height - 14, n.y));
  }
  svg.append("g").attr("stroke", "#8a96a3").attr("stroke-opacity", 0.8).selectAll("line").data(links).join("line")
    .attr("x1", (l) => l.source.x).attr("y1", (l) => l.source.y).attr("x2", (l) => l.target.x).attr("y2", (l) => l.target.y)
    .attr("stroke-width", (l) => 1 + 2 * Math.sqrt(l.events))
    .append("title").text((l) => `${l.source.id} – ${l.target.id}: ${l.events} event${l.events === 1 ? "" : "s"}`);
  const node = svg.append("g").selectAll("g").data(nodes).join("g").attr("class", "node")
    .attr("transform", (n) => `translate(${n.x},${n.y})`).attr("tabindex", 0).attr("role", "button")
    .attr("aria-label", (n) => `${n.id}: ${n.events} events; filter by this actor`)
    .on("click", (_, n) => applyFilters({ actor: n.id }))
    .on("keydown", (event, n) => { if (event.key === "Enter" || event.key === " ") { event.preventDefault(); applyFilters({ actor: n.id }); } });
  node.append("circle").attr("r", (n) => 5 + 2.5 * Math.sqrt(n.events)).attr("fill", "#0b5cad").attr("fill-opacity", 0.85)
    .attr("stroke", "#fff").attr("stroke-width", 1.5);
  const labelLeft = (n) => n.x > width * 0.62;  // labels near the right edge go on the left of their node
  node.append("text").attr("y", 4).text((n) => shorten(n.id))
    .attr("x", (n) => (labelLeft(n) ? -1 : 1) * (8 + 2.5 * Math.sqrt(n.events)))
    .attr("text-anchor", (n) => (labelLeft(n) ? "end" : "start"));
  node.append("title").text((n) => `${n.id}: ${n.events} events`);
}

function shorten(name) {
  return name.length > 34 ? `${name.slice(0, 32)}…` : name;
}

// Figures: each place's stated counts of one kind as a series; low to high as a bar, best as a point.
function renderFigures() {
  const kinds = Array.from(new Set(figures.map((f) => f.kind))).sort();
  const select = $("fig-kind");
  if (!state.kind || !kinds.includes(state.kind)) state.kind = kinds.includes("displaced") ? "displaced" : kinds[0] || "";
  select.replaceChildren(...kinds.map((k) => new Option(k, k, false, k === state.kind)));
  const inWindow = (f) => (!state.since || (f.date && f.date >= state.since)) && (!state.until || (f.date && f.date <= state.until));
  const shown = figures.filter((f) => f.kind === state.kind && f.date && inWindow(f));
  const svg = d3.select("#figures");
  svg.selectAll("*").remove();
  const width = svg.node().clientWidth || 500;
  const height = svg.node().clientHeight || 260;
  const margin = { top: 10, right: 14, bottom: 24, left: 64 };
  renderFigureTable(shown);
  if (!shown.length) {
    svg.append("text").attr("x", 10).attr("y", 24).attr("class", "axis").text("No dated figures of this kind in range.");
    return;
  }
  const dates = shown.map((f) => parseDay(f.date));
  const [a, b] = d3.extent(dates);
  const x = d3.scaleUtc().domain([day.offset(a, -3), day.offset(b, 3)]).range([margin.left, width - margin.right]);
  const low = d3.min(shown, (f) => f.low || f.best);
  const high = d3.max(shown, (f) => f.high || f.best);
  const logScale = high / Math.max(1, low) > 50;
  const y = (logScale ? d3.scaleLog().domain([Math.max(1, low), high]) : d3.scaleLinear().domain([0, high]))
    .nice().range([height - margin.bottom, margin.top]);
  const places = d3.groups(shown, (f) => (f.place ? f.place.name : "unplaced"));
  const hue = d3.scaleOrdinal(places.map(([p]) => p), d3.schemeTableau10);
  svg.append("g").attr("class", "axis").attr("transform", `translate(0,${height - margin.bottom})`)
    .call(d3.axisBottom(x).ticks(Math.max(2, Math.floor(width / 110))).tickSizeOuter(0));
  svg.append("g").attr("class", "axis").attr("transform", `translate(${margin.left},0)`)
    .call(d3.axisLeft(y).ticks(4, "~s"));
  for (const [place, series] of places) {
    const sorted = [...series].sort((p, q) => d3.ascending(p.date, q.date));
    const g = svg.append("g").attr("fill", hue(place)).attr("stroke", hue(place));
    g.append("path").attr("fill", "none").attr("stroke-width", 1.5)
      .attr("d", d3.line().x((f) => x(parseDay(f.date))).y((f) => y(f.best))(sorted));
    g.selectAll("line").data(sorted).join("line").attr("stroke-width", 3).attr("stroke-opacity", 0.4)
      .attr("x1", (f) => x(parseDay(f.date))).attr("x2", (f) => x(parseDay(f.date)))
      .attr("y1", (f) => y(Math.max(logScale ? 1 : 0, f.low || f.best))).attr("y2", (f) => y(f.high || f.best));
    g.selectAll("circle").data(sorted).join("circle").attr("r", 4)
      .attr("cx", (f) => x(parseDay(f.date))).attr("cy", (f) => y(f.best))
      .append("title").text((f) => `${place}, as of ${f.date}: ${f.qualifier ? `${f.qualifier} ` : ""}${number(f.best)} (${f.provenance.article_id})`);
  }
  svg.append("g").selectAll("text").data(places).join("text").attr("class", "axis")
    .attr("x", margin.left + 6).attr("y", (_, i) => margin.top + 12 + 14 * i).attr("fill", ([p]) => hue(p)).text(([p]) => p);
}

function renderFigureTable(shown) {
  const table = $("figures-table");
  table.innerHTML = "<thead><tr><th>Place</th><th>As of</th><th>Figure</th><th>Low–high</th><th>Article</th><th>Contradicted by</th></tr></thead>";
  const body = table.createTBody();
  for (const f of shown) {
    const row = body.insertRow();
    row.insertCell().textContent = f.place ? f.place.name : "";
    row.insertCell().textContent = f.date || "";
    row.insertCell().textContent = `${f.qualifier ? `${f.qualifier} ` : ""}${number(f.best)}`;
    row.insertCell().textContent = `${number(f.low)}–${number(f.high)}`;
    const link = document.createElement("a");
    link.href = "#";
    link.textContent = f.provenance.article_id;
    link.addEventListener("click", (event) => { event.preventDefault(); openArticle(f.provenance.article_id, null); });
    row.insertCell().append(link);
    row.insertCell().textContent = f.contradicted_by.map((o) => `${number(o.best)} (${o.provenance.article_id})`).join("; ");
  }
}

// ---- the event panel ---------------------------------------------------------------------------------------

async function selectEvent(id, { focus = true } = {}) {
  state.event = id;
  writeUrl();
  const event = await getJsonOrSay(`/api/events/${encodeURIComponent(id)}`, `load event ${id}`);
  if (event === null) return;
  $("list-section").hidden = true;
  const panel = $("panel");
  panel.hidden = false;
  $("panel-body").replaceChildren(...eventDetails(event));
  if (focus) panel.focus();
  drawClusters();
  if (event.latitude !== "" && event.latitude != null) {
    // Show its own marker: zoom in where it is hidden in a cluster or out of view.
    const target = [Number(event.latitude), Number(event.longitude)];
    const drawn = document.querySelector(`#map .event-marker[data-event-id="${CSS.escape(id)}"]`);
    if (!drawn) map.setView(target, Math.max(map.getZoom(), CLUSTER_MAX_ZOOM + 1));
  }
}

function closePanel() {
  state.event = "";
  writeUrl();
  $("panel").hidden = true;
  $("list-section").hidden = false;
  drawClusters();
  $("event-list").focus();
}

function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function eventDetails(e) {
  const title = element("h2", `${e.sub_event_type} · ${e.location}`);
  title.id = "panel-title";
  const dl = document.createElement("dl");
  const killed = e.fatalities_low !== "" && e.fatalities_low != null && (e.fatalities_low !== e.fatalities || e.fatalities_high !== e.fatalities)
    ? `${e.fatalities} (low ${e.fatalities_low}, high ${e.fatalities_high})` : `${e.fatalities}`;
  const place = [e.location, e.admin1, e.country].filter(Boolean).filter((v, i, all) => all.indexOf(v) === i).join(", ");
  const rows = [
    ["Event type", `${e.event_type} (${e.disorder_type})`],
    ["Date", e.event_date ? `${e.event_date}, precise to the ${TIME_PRECISION[e.time_precision] || e.time_precision}` : "undated"],
    ["Place", `${place}: ${GEO_PRECISION[e.geo_precision] || ""} (geo_precision ${e.geo_precision})`],
    ["Actor 1", [e.actor1, e.assoc_actor_1].filter(Boolean).join("; with ") || "unknown"],
    ["Actor 2", [e.actor2, e.assoc_actor_2].filter(Boolean).join("; with ") || "none named"],
    ["Interaction", e.interaction || "–"],
    ["Fatalities", killed],
    ["Injured", e.injured === "" || e.injured == null ? "not given" : String(e.injured)],
    ["Certainty", e.certainty],
    ["Event id", e.id],
  ];
  for (const [term, value] of rows) dl.append(element("dt", term), element("dd", value));

  const sources = element("ul", null, "sources");
  const articles = new Map();
  for (const ev of e.evidence) if (!articles.has(ev.article_id)) articles.set(ev.article_id, ev);
  for (const [articleId, ev] of articles) {
    const li = document.createElement("li");
    const open = element("button", "Open article", "link-button open-article");
    open.type = "button";
    open.dataset.articleId = articleId;
    open.addEventListener("click", () => openArticle(articleId, e.id));
    li.append(element("strong", ev.outlet || "unknown outlet"), ` · published ${ev.published || "undated"} · `,
      element("code", articleId), " ", open);
    sources.append(li);
  }
  for (const copy of e.copies || []) sources.append(element("li", `copy: ${copy}`));

  const evidence = e.evidence.map((ev) => {
    const quote = document.createElement("blockquote");
    quote.className = "evidence";
    quote.append(...highlighted(ev.sentence, ev.highlights));
    const cite = element("p", `${ev.outlet || ev.article_id}, ${ev.certainty}${ev.source_actor ? `, according to ${ev.source_actor}` : ""}`, "note");
    const box = document.createElement("div");
    box.append(quote, cite);
    return box;
  });
  return [title, dl, element("h3", `Sources (${articles.size})`), sources, element("h3", "Evidence"), ...evidence];
}

// The sentence as text nodes and <mark>s for the event's words (its trigger, its killed and injured figures).
function highlighted(sentence, highlights) {
  const parts = [];
  let at = 0;
  for (const h of [...highlights].sort((a, b) => a.start - b.start)) {
    if (h.start < at) continue;  // overlapping marks: keep the first
    if (h.start > at) parts.push(document.createTextNode(sentence.slice(at, h.start)));
    const mark = element("mark", sentence.slice(h.start, h.end), h.role);
    mark.title = h.role;
    parts.push(mark);
    at = h.end;
  }
  parts.push(document.createTextNode(sentence.slice(at)));
  return parts;
}

// ---- the article view --------------------------------------------------------------------------------------

async function openArticle(articleId, eventId) {
  const article = await getJsonOrSay(`/api/articles/${encodeURIComponent(articleId)}`, `load article ${articleId}`);
  if (article === null) return;
  state.article = articleId;
  writeUrl();
  $("article-title").textContent = article.title || article.id;
  const meta = [article.outlet, article.published ? `published ${article.published}` : "undated", article.id];
  if (article.duplicate_of) meta.push(`a copy of ${article.duplicate_of}`);
  $("article-meta").textContent = meta.filter(Boolean).join(" · ");
  $("article-text").replaceChildren(...articleParts(article, eventId));
  const dialog = $("article");
  if (!dialog.open) dialog.showModal();
  const selected = dialog.querySelector("a.span.selected");
  if (selected) selected.scrollIntoView({ block: "center" });
}

function closeArticle() {
  state.article = "";
  writeUrl();
  if ($("article").open) $("article").close();
}

// The cleaned text cut at every span boundary: the chosen event's sentences shaded, every event's words a link.
function articleParts(article, eventId) {
  const text = article.text || "";
  const spans = article.spans.filter((s) => s.start < s.end);
  const cuts = new Set([0, text.length]);
  for (const s of spans) {
    cuts.add(s.start); cuts.add(s.end);
    if (s.event_id === eventId) { cuts.add(s.sentence_start); cuts.add(s.sentence_end); }
  }
  const points = [...cuts].filter((c) => c >= 0 && c <= text.length).sort((a, b) => a - b);
  const parts = [];
  for (let i = 0; i + 1 < points.length; i += 1) {
    const [from, to] = [points[i], points[i + 1]];
    const piece = text.slice(from, to);
    const inSentence = spans.some((s) => s.event_id === eventId && s.sentence_start <= from && to <= s.sentence_end);
    const trigger = spans.find((s) => s.start <= from && to <= s.end);
    let node;
    if (trigger) {
      node = element("a", piece, `span${trigger.event_id && trigger.event_id === eventId ? " selected" : ""}`);
      node.href = trigger.event_id ? `?event=${encodeURIComponent(trigger.event_id)}` : "#";
      node.title = `${trigger.sub_event_type}${trigger.event_id ? ` (event ${trigger.event_id})` : " (not an event of its own)"}`;
      node.dataset.eventId = trigger.event_id || "";
      node.addEventListener("click", (event) => {
        event.preventDefault();
        if (trigger.event_id) { closeArticle(); selectEvent(trigger.event_id); }
      });
    } else {
      node = document.createTextNode(piece);
    }
    if (inSentence) {
      const wrap = element("span", null, "in-event");
      wrap.append(node);
      node = wrap;
    }
    parts.push(node);
  }
  return parts;
}

// ---- filters -----------------------------------------------------------------------------------------------

async function applyFilters(changes) {
  Object.assign(state, changes);
  for (const key of FILTERS) $(`f-${key}`).value = state[key];
  writeUrl();
  await reload();
}

async function reload() {
  $("status").textContent = "Loading…";
  document.body.dataset.loading = "yes";
  try {
    await loadEvents();
    renderAll();
  } catch (error) {
    $("status").textContent = `Could not load events: ${error.message}`;
  } finally {
    delete document.body.dataset.loading;
  }
}

function setupFilters(facets) {
  const type = $("f-type");
  for (const t of facets.event_types) {
    type.append(new Option(t.name, t.name));
    const group = document.createElement("optgroup");
    group.label = `${t.name}: sub-event types`;
    for (const sub of t.sub_event_types) group.append(new Option(sub, sub));
    type.append(group);
  }
  const country = $("f-country");
  for (const c of facets.countries) country.append(new Option(`${c.name} (${c.events})`, c.name));
  for (const key of FILTERS) $(`f-${key}`).value = state[key];
  $("filters").addEventListener("submit", (event) => {
    event.preventDefault();
    applyFilters(Object.fromEntries(FILTERS.map((key) => [key, $(`f-${key}`).value.trim()])));
  });
  type.addEventListener("change", () => $("filters").requestSubmit());
  country.addEventListener("change", () => $("filters").requestSubmit());
  $("f-clear").addEventListener("click", () => {
    state.since = state.until = "";
    applyFilters(Object.fromEntries(FILTERS.map((key) => [key, ""])));
  });
  $("t-clear").addEventListener("click", () => { state.since = state.until = ""; writeUrl(); renderAll(); });
  for (const [id, key] of [["t-since", "since"], ["t-until", "until"]]) {
    $(id).addEventListener("change", (event) => { state[key] = event.target.value; writeUrl(); renderAll(); });
  }
  $("fig-kind").addEventListener("change", (event) => { state.kind = event.target.value; writeUrl(); renderFigures(); });
  $("panel-back").addEventListener("click", closePanel);
  $("article-close").addEventListener("click", closeArticle);
  $("article").addEventListener("close", () => { if (state.article) { state.article = ""; writeUrl(); } });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && !$("article").open && !$("panel").hidden) closePanel();
  });
}

async function fillActorNames() {
  const actors = await getJson("/api/actors");
  $("actor-names").replaceChildren(...actors.map((a) => new Option(a.name)));
}

// ---- start -------------------------------------------------------------------------------------------------

async function main() {
  readUrl();
  const facets = await getJsonOrSay("/api/facets", "reach the sitroom API");
  if (facets === null) return;
  if (facets.events === 0) {
    $("layout").hidden = true;
    $("empty").hidden = false;
    $("empty-command").textContent = `sitroom ingest examples/mosul-2016 --db ${facets.database}`;
    $("status").textContent = "No events yet.";
    document.body.dataset.ready = "empty";
    return;
  }
  const basemapLoaded = setupMap();
  setupFilters(facets);
  fillActorNames();
  figures = await getJson("/api/figures").catch(() => []);
  await reload();
  fitToEvents();
  let resized;
  window.addEventListener("resize", () => { clearTimeout(resized); resized = setTimeout(renderAll, 150); });
  if (state.event) await selectEvent(state.event, { focus: false });
  if (state.article) await openArticle(state.article, state.event || null);
  await basemapLoaded;
  document.body.dataset.ready = "yes";
}

main();
