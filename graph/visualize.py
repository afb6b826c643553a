"""One self-contained, offline HTML page (pyvis / vis-network) drawing a SubGraph.

What the page guarantees, and why:
- Names and quotes come from news text and may hold markup (`<script>`, `<img onerror>`). They reach
  the page only as JSON in a non-executing `application/json` block (with `<`, `>`, `&` escaped so it
  cannot close the block), are drawn on the canvas as text, and tooltips are DOM elements filled with
  `textContent`: vis-network would render a string `title` as HTML in some versions, so none is used.
  A Content-Security-Policy admits only this page's own two scripts (by hash), so even a slip in the
  escaping could not run injected code, and nothing is fetched from the network.
- vis-network's JS and CSS, shipped inside the pyvis package, are inlined: the file works offline.
- Physics lays the graph out during a bounded stabilisation and is then switched off, so a few hundred
  nodes settle and stay still; above `HTML_MAX_NODES` the nearest nodes are drawn and a note says so.
- Arabic labels use fonts with Arabic glyphs and their own line, so they shape and read right to left.
"""

from __future__ import annotations

import base64
import hashlib
import json
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from jinja2 import Environment
from pyvis.network import Network

from core.event_types import event_types
from core.taxonomy import ACTOR_KINDS, EVENT_TYPES, STATEMENT_KINDS
from graph.subgraph import SubGraph

HTML_MAX_NODES = 300
FONT_STACK = "'Noto Sans Arabic', 'Noto Naskh Arabic', 'Segoe UI', Tahoma, 'DejaVu Sans', Arial, sans-serif"

ACTOR_COLOURS: dict[str, str] = {
    "state": "#1f77b4",
    "government": "#2ca02c",
    "military": "#d62728",
    "diplomatic_mission": "#9467bd",
    "armed_group": "#ff7f0e",
    "political_party": "#8c564b",
    "person": "#e377c2",
    "media": "#7f7f7f",
    "international_org": "#17becf",
    "coalition": "#bcbd22",
}
EVENT_COLOURS: dict[str, str] = {t: spec.colour for t, spec in event_types().items()}
STATEMENT_COLOURS: dict[str, str] = {
    "claim_responsibility": "#e7298a",
    "deny_responsibility": "#66a61e",
    "accuse": "#d95f02",
    "condemn": "#a6761d",
    "call": "#7570b3",
    "threaten": "#333333",
    "pledge": "#1b9e77",
    "statement": "#969696",
}
PLACE_COLOUR = "#e6ab02"
ARTICLE_COLOUR = "#bdbdbd"
OTHER_COLOUR = "#97c2fc"

#: vis-network shape and the legend glyph that looks like it, per label.
SHAPES: dict[str, tuple[str, str]] = {
    "Actor": ("dot", "\u25cf"),
    "Place": ("triangle", "\u25b2"),
    "Event": ("diamond", "\u25c6"),
    "Statement": ("star", "\u2605"),
    "Article": ("square", "\u25a0"),
}
SIZES = {"Actor": 18, "Place": 16, "Event": 16, "Statement": 14, "Article": 10}
_LABEL_ORDER = ("Actor", "Place", "Event", "Statement", "Article")
_SINGLE_ENTRY = {"Place": "place (country, city, base, ...)", "Article": "source article"}


def node_colour(node: dict[str, Any]) -> str:
    label = node.get("label")
    if label == "Actor":
        return ACTOR_COLOURS.get(node.get("kind", ""), OTHER_COLOUR)
    if label == "Event":
        return EVENT_COLOURS.get(node.get("type", ""), OTHER_COLOUR)
    if label == "Statement":
        return STATEMENT_COLOURS.get(node.get("kind", ""), OTHER_COLOUR)
    if label == "Place":
        return PLACE_COLOUR
    if label == "Article":
        return ARTICLE_COLOUR
    return OTHER_COLOUR


def _words(value: str) -> str:
    return value.replace("_", " ")


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def node_label(node: dict[str, Any]) -> str:
    """The text drawn under a node: names in English and Arabic on separate lines, or type and date."""
    label = node.get("label")
    if label in ("Actor", "Place"):
        lines = [node.get("name") or node["id"]]
        if node.get("name_ar") and node.get("name_ar") != lines[0]:
            lines.append(node["name_ar"])
    elif label == "Event":
        lines = [_words(node.get("type", "event")), node.get("date") or "undated"]
    elif label == "Statement":
        lines = [_words(node.get("kind", "statement")), node.get("date") or "undated"]
    elif label == "Article":
        lines = [node.get("outlet") or "article", node.get("published") or ""]
    else:
        lines = [node["id"]]
    return "\n".join(_short(line) for line in lines if line)


def node_tooltip(node: dict[str, Any]) -> list[list[str]]:
    """Rows of (field, value) the page turns into a text-only tooltip."""
    label = node.get("label", "")
    rows: list[list[str]] = []
    if label in ("Actor", "Place"):
        rows.append([label, _words(node.get("kind", ""))])
        for key, title in (("name", "name"), ("name_ar", "Arabic name")):
            if node.get(key):
                rows.append([title, node[key]])
        if node.get("aliases"):
            rows.append(["aliases", ", ".join(node["aliases"])])
        if node.get("lat") is not None and node.get("lon") is not None:
            rows.append(["location", f"{node['lat']:.4f}, {node['lon']:.4f}"])
        if node.get("wikidata"):
            rows.append(["Wikidata", node["wikidata"]])
    elif label == "Event":
        rows.append(["Event", _words(node.get("type", ""))])
        rows.append(["date", node.get("date") or "unknown"])
        for key, title in (("cameo", "CAMEO"), ("acled", "ACLED")):
            if node.get(key):
                rows.append([title, ", ".join(node[key])])
        if node.get("summary"):
            rows.append(["summary", node["summary"]])
    elif label == "Statement":
        rows.append(["Statement", _words(node.get("kind", ""))])
        rows.append(["said on", node.get("date") or "unknown"])
        if node.get("quote"):
            rows.append(["quote", _short(node["quote"], 300)])
    elif label == "Article":
        rows.append(["Article", node.get("title") or ""])
        for key in ("outlet", "published", "url"):
            if node.get(key):
                rows.append([key, node[key]])
    rows.append(["id", node["id"]])
    return rows


def edge_tooltip(edge: dict[str, Any]) -> list[list[str]]:
    rows = [["relationship", edge["type"]]]
    rows.extend([key, str(value)] for key, value in sorted(edge.get("props", {}).items()))
    return rows


def capped(sub: SubGraph, max_nodes: int = HTML_MAX_NODES) -> SubGraph:
    """The nearest `max_nodes` nodes (nodes come ordered by distance) and the edges among them."""
    if len(sub.nodes) <= max_nodes:
        return sub
    nodes = sub.nodes[:max_nodes]
    keep = {n["key"] for n in nodes}
    edges = [e for e in sub.edges if e["source"] in keep and e["target"] in keep]
    if sub.truncated:
        note = (
            f"This page draws the nearest {max_nodes} of {len(sub.nodes)} nodes fetched, and the neighbourhood "
            "holds even more. Use fewer hops or a date range (since/until) to see all of a smaller one."
        )
    else:
        note = (
            f"This page draws the nearest {max_nodes} of {len(sub.nodes)} nodes; more would not stay readable. "
            "Use fewer hops or a date range (since/until), or take every node from graph.json."
        )
    return SubGraph(nodes=nodes, edges=edges, truncated=True, note=note, center=sub.center)


def build_network(sub: SubGraph) -> Network:
    """The pyvis Network: nodes styled by label and kind, edges labelled by type."""
    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line")
    for node in sub.nodes:
        shape = SHAPES.get(node.get("label", ""), ("dot", ""))[0]
        centre = node["key"] == sub.center
        net.add_node(
            node["key"],
            label=node_label(node),
            shape=shape,
            color={
                "background": node_colour(node),
                "border": "#222222" if centre else "#555555",
                "highlight": {"background": node_colour(node), "border": "#000000"},
                "hover": {"background": node_colour(node), "border": "#000000"},
            },
            size=SIZES.get(node.get("label", ""), 14) + (10 if centre else 0),
            borderWidth=4 if centre else 1,
            tip=node_tooltip(node),
            kg_label=node.get("label"),
        )
    for edge in sub.edges:
        net.add_edge(
            edge["source"],
            edge["target"],
            label=_words(edge["type"]).lower(),
            tip=edge_tooltip(edge),
            kg_type=edge["type"],
        )
    return net


def vis_options(node_count: int) -> dict[str, Any]:
    """Layout that settles for a few hundred nodes: bounded stabilisation, then physics off (in the page)."""
    return {
        "autoResize": True,
        "layout": {"randomSeed": 7, "improvedLayout": node_count <= 150},
        "nodes": {
            "font": {"face": FONT_STACK, "size": 14, "color": "#1a1a1a", "strokeWidth": 3, "strokeColor": "#ffffff"},
        },
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.6}},
            "color": {"color": "#9e9e9e", "highlight": "#424242", "hover": "#616161"},
            "font": {"face": FONT_STACK, "size": 10, "color": "#555555", "strokeWidth": 2, "align": "middle"},
            "smooth": {"enabled": True, "type": "continuous", "roundness": 0.3},
            "width": 1.2,
        },
        "physics": {
            "enabled": True,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {
                "gravitationalConstant": -110,
                "centralGravity": 0.01,
                "springLength": 150,
                "springConstant": 0.06,
                "damping": 0.55,
                "avoidOverlap": 0.8,
            },
            "maxVelocity": 60,
            "minVelocity": 1.0,
            "stabilization": {
                "enabled": True,
                "iterations": 400 if node_count <= 150 else 250,
                "updateInterval": 20,
                "fit": True,
            },
        },
        "interaction": {"hover": True, "tooltipDelay": 120, "navigationButtons": False, "keyboard": True},
    }


def _legend(sub: SubGraph) -> list[dict[str, Any]]:
    """Legend groups for the labels present, each listing the kinds or types present, in a fixed order."""
    present: dict[str, set[str]] = {}
    for node in sub.nodes:
        label = node.get("label", "")
        sub_kind = node.get("type") if label == "Event" else node.get("kind") if label in ("Actor", "Statement") else ""
        present.setdefault(label, set()).add(sub_kind or "")
    order = {"Actor": ACTOR_KINDS, "Event": EVENT_TYPES, "Statement": STATEMENT_KINDS}
    groups = []
    for label in _LABEL_ORDER:
        if label not in present:
            continue
        glyph = SHAPES[label][1]
        if label in order:
            entries = [
                {"glyph": glyph, "colour": node_colour({"label": label, "kind": k, "type": k}), "text": _words(k)}
                for k in order[label]
                if k in present[label]
            ]
        else:
            entries = [{"glyph": glyph, "colour": node_colour({"label": label}), "text": _SINGLE_ENTRY[label]}]
        groups.append({"label": label + "s", "entries": entries})
    return groups


def _json_for_html(value: Any) -> str:
    """JSON that cannot end the <script> block it sits in, whatever the strings in it contain."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return (
        text.replace("&", "\\u0026")
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def _csp_hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii") + "'"


@lru_cache(maxsize=1)
def _vis_assets() -> tuple[str, str]:
    """vis-network's JS and CSS as shipped inside pyvis (the same files its `in_line` mode embeds)."""
    lib = resources.files("pyvis") / "templates" / "lib" / "vis-9.1.2"
    js = (lib / "vis-network.min.js").read_text(encoding="utf-8").replace("</script", "<\\/script")
    css = (lib / "vis-network.css").read_text(encoding="utf-8")
    return js, css


_APP_JS = """
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  function tip(rows) {
    var box = document.createElement("div");
    box.className = "kg-tip";
    rows.forEach(function (row) {
      var line = document.createElement("div");
      var key = document.createElement("span");
      key.className = "kg-tip-key";
      key.textContent = row[0];
      var value = document.createElement("span");
      value.className = "kg-tip-value";
      value.dir = "auto";
      value.textContent = row[1];
      line.appendChild(key);
      line.appendChild(value);
      box.appendChild(line);
    });
    return box;
  }
  [data.nodes, data.edges].forEach(function (items) {
    items.forEach(function (item) {
      if (item.tip) { item.title = tip(item.tip); }
      delete item.tip;
    });
  });
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var container = document.getElementById("kg-network");
  var progress = document.getElementById("kg-progress");
  var network = new vis.Network(container, {nodes: nodes, edges: edges}, data.options);
  network.on("stabilizationProgress", function (p) {
    progress.textContent = "Laying out the graph\\u2026 " + Math.round(100 * p.iterations / p.total) + "%";
  });
  network.once("stabilizationIterationsDone", function () {
    network.setOptions({physics: {enabled: false}});
    progress.hidden = true;
    document.body.setAttribute("data-stabilized", "true");
  });
  window.kgGraph = {network: network, nodes: nodes, edges: edges};
})();
"""

_TEMPLATE = Environment(autoescape=True).from_string("""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{{ csp }}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="kg-news (pyvis {{ pyvis_version }}, vis-network 9.1.2)">
<title>{{ title }}</title>
<style>{{ vis_css|safe }}</style>
<style>
  html, body { margin: 0; height: 100%; font-family: {{ font|safe }}; color: #1a1a1a; background: #ffffff; }
  #kg-network { position: absolute; top: 52px; left: 0; right: 0; bottom: 0; }
  #kg-header { position: absolute; top: 0; left: 0; right: 0; height: 51px; box-sizing: border-box; z-index: 3;
    background: #f7f7f7; border-bottom: 1px solid #ddd; padding: 6px 14px; font-size: 15px; text-align: center;
    white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
  #kg-header .kg-sub { font-size: 12px; color: #555; }
  #kg-note { position: absolute; top: 64px; left: 50%; transform: translateX(-50%); z-index: 3; max-width: 70%;
    background: #fff3cd; border: 1px solid #e0b100; color: #5c4400; padding: 8px 12px; border-radius: 6px;
    font-size: 13px; }
  #kg-legend { position: absolute; top: 60px; left: 8px; z-index: 3; background: rgba(255,255,255,.94);
    border: 1px solid #ccc; border-radius: 6px; padding: 8px 10px; font-size: 12px; line-height: 1.45;
    max-height: calc(100% - 80px); overflow-y: auto; }
  #kg-legend h2 { font-size: 13px; margin: 0 0 4px; }
  #kg-legend h3 { font-size: 12px; margin: 6px 0 1px; }
  #kg-legend ul { list-style: none; margin: 0; padding: 0; }
  #kg-legend .kg-glyph { display: inline-block; width: 1.2em; font-size: 14px; text-align: center; }
  #kg-legend .kg-edges { color: #555; margin-top: 6px; }
  #kg-progress { position: absolute; bottom: 10px; left: 50%; transform: translateX(-50%); z-index: 3;
    background: rgba(255,255,255,.9); padding: 4px 10px; border-radius: 4px; font-size: 12px; }
  div.vis-tooltip { font-family: {{ font|safe }}; font-size: 13px; max-width: 420px; white-space: normal;
    background: #ffffff; border: 1px solid #999; box-shadow: 0 2px 6px rgba(0,0,0,.25); padding: 6px 8px; }
  .kg-tip-key { color: #666; margin-inline-end: 6px; }
  .kg-tip-key::after { content: ":"; }
  .kg-tip-value { unicode-bidi: plaintext; }
</style>
</head>
<body>
<div id="kg-network" role="img" aria-label="{{ title }}"></div>
<div id="kg-header"><div>{{ title }}</div><div class="kg-sub">{{ subtitle }}</div></div>
{% if note %}<div id="kg-note" role="status">{{ note }}</div>{% endif %}
<aside id="kg-legend" aria-label="legend">
  <h2>Legend</h2>
  {% for group in legend %}
  <h3>{{ group.label }}</h3>
  <ul>{% for entry in group.entries %}
    <li><span class="kg-glyph" style="color: {{ entry.colour }}">{{ entry.glyph }}</span>
      {{ entry.text }}</li>{% endfor %}
  </ul>
  {% endfor %}
  <div class="kg-edges">Arrows run from subject to object;<br>edge labels name the relationship.<br>
  The thick outline marks the centre.</div>
</aside>
<div id="kg-progress" role="status">Laying out the graph\u2026</div>
<script type="application/json" id="kg-data">{{ data|safe }}</script>
<script>{{ vis_js|safe }}</script>
<script>{{ app_js|safe }}</script>
</body>
</html>
""")


def render_html(sub: SubGraph, title: str | None = None, max_nodes: int = HTML_MAX_NODES) -> str:
    """The page as a string: everything inline, nothing fetched, user text never interpreted as HTML."""
    import pyvis

    view = capped(sub, max_nodes)
    net = build_network(view)
    centre = view.node(view.center) if view.center else None
    if title is None:
        title = f"Neighbourhood of {node_label(centre).splitlines()[0]}" if centre else "Graph"
    subtitle = f"{len(view.nodes)} nodes, {len(view.edges)} relationships"
    vis_js, vis_css = _vis_assets()
    csp = "; ".join(
        [
            "default-src 'none'",
            f"script-src {_csp_hash(vis_js)} {_csp_hash(_APP_JS)}",
            "style-src 'unsafe-inline'",
            "img-src data: blob:",
            "font-src data:",
        ]
    )
    data = {"nodes": net.nodes, "edges": net.edges, "options": vis_options(len(net.nodes))}
    return _TEMPLATE.render(
        csp=csp,
        title=title,
        subtitle=subtitle,
        note=view.note,
        legend=_legend(view),
        font=FONT_STACK,
        vis_css=vis_css,
        vis_js=vis_js,
        app_js=_APP_JS,
        data=_json_for_html(data),
        pyvis_version=getattr(pyvis, "__version__", "?"),
    )


def write_html(sub: SubGraph, path: str | Path, title: str | None = None, max_nodes: int = HTML_MAX_NODES) -> Path:
    path = Path(path)
    path.write_text(render_html(sub, title=title, max_nodes=max_nodes), encoding="utf-8")
    return path


__all__ = ["HTML_MAX_NODES", "build_network", "capped", "node_colour", "node_label", "render_html", "write_html"]
