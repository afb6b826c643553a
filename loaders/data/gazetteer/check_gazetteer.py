#!/usr/bin/env python3
"""Validate gazetteer JSONL files (the kinds and the Arabic folding are the project's own, from `core`).

Usage:
    python check_gazetteer.py [DIR_OR_FILE ...]

With no argument it checks actors.jsonl and places.jsonl next to this script. A directory is
scanned for `actors*.jsonl` / `places*.jsonl`; any other `*.jsonl` is classified by its first
record (a record with `located_in` is a place, otherwise an actor). Later files override earlier
records with the same id, exactly as the loader does.

Errors (exit status 1): unreadable JSON, missing or mistyped fields, unknown kinds, malformed ids,
duplicate ids within one file, unresolved member_of / located_in references, coordinates out of
range, malformed dates.

Warnings (exit status 0): an id that is not the slug of the English name, an Arabic surface form
(name_ar or ar_variants, normalised) shared by two different entities, an Arabic form that starts
with a clitic (و/ب/ل/ف/ك + ال), a place whose located_in chain has a cycle.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

from core.taxonomy import ACTOR_KINDS, PLACE_KINDS
from core.text import ARABIC_LETTER, normalise

HERE = Path(__file__).resolve().parent

ACTOR_FIELDS = {
    "id": str,
    "name": str,
    "name_ar": str,
    "kind": str,
    "ar_variants": list,
    "aliases": list,
    "member_of": list,
}
ACTOR_OPTIONAL = {
    "wikidata": (str, type(None)),
    "country": (str, type(None)),
    "valid_from": (str, type(None)),
    "valid_to": (str, type(None)),
    "title_ar": (str, type(None)),
    "domains": (list,),  # media only: the web domains the outlet publishes on
    "bylines": (list,),  # media only: names an article's header or byline may use, never matched in the body
}
PLACE_FIELDS = {
    "id": str,
    "name": str,
    "name_ar": str,
    "kind": str,
    "ar_variants": list,
    "aliases": list,
    "located_in": list,
}
PLACE_OPTIONAL = {
    "lat": (int, float, type(None)),
    "lon": (int, float, type(None)),
    "wikidata": (str, type(None)),
    "ar_homographs": (list,),
}

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
QID_RE = re.compile(r"^Q[1-9][0-9]*$")
DATE_RE = re.compile(r"^\d{4}(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$")
CLITIC_RE = re.compile("^(?:وال|بال|لل)")
DOMAIN_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*(?:\.[a-z0-9]+(?:-[a-z0-9]+)*)+$")


def slug(text: str) -> str:
    text = text.replace("\u2013", "-").replace("\u2014", "-")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    text = text.lower().replace("'", "").replace("\u2019", "")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


class Report:
    def __init__(self):
        self.errors: list[str] = []
        self.warnings: list[str] = []

    def error(self, where: str, msg: str):
        self.errors.append(f"ERROR {where}: {msg}")

    def warn(self, where: str, msg: str):
        self.warnings.append(f"WARN  {where}: {msg}")


def classify(path: Path) -> str | None:
    name = path.name
    if name.startswith("actors"):
        return "actor"
    if name.startswith("places"):
        return "place"
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if line:
                try:
                    rec = json.loads(line)
                except json.JSONDecodeError:
                    return None
                return "place" if "located_in" in rec else "actor"
    return None


def check_record(rec, where: str, kind: str, rep: Report) -> bool:
    if not isinstance(rec, dict):
        rep.error(where, "record is not a JSON object")
        return False
    fields, optional, kinds = (
        (ACTOR_FIELDS, ACTOR_OPTIONAL, ACTOR_KINDS) if kind == "actor" else (PLACE_FIELDS, PLACE_OPTIONAL, PLACE_KINDS)
    )
    ok = True
    for field, typ in fields.items():
        if field not in rec:
            rep.error(where, f"missing field {field!r}")
            ok = False
        elif not isinstance(rec[field], typ):
            rep.error(where, f"field {field!r} should be {typ.__name__}")
            ok = False
    for field, types in optional.items():
        if field in rec and not isinstance(rec[field], types):
            rep.error(where, f"field {field!r} has type {type(rec[field]).__name__}")
            ok = False
    if not ok:
        return False
    rid = rec["id"]
    if not SLUG_RE.match(rid):
        rep.error(where, f"id {rid!r} is not a lowercase ASCII slug")
    elif slug(rec["name"]) != rid:
        rep.warn(where, f"id {rid!r} is not the slug of name {rec['name']!r} ({slug(rec['name'])!r})")
    if rec["kind"] not in kinds:
        rep.error(where, f"kind {rec['kind']!r} not in {sorted(kinds)}")
    if not rec["name"].strip():
        rep.error(where, "empty name")
    if not ARABIC_LETTER.search(rec["name_ar"]):
        rep.error(where, "name_ar has no Arabic letters")
    lists = ("ar_variants", "aliases", "member_of") if kind == "actor" else ("ar_variants", "aliases", "located_in")
    for field in lists + (("ar_homographs",) if "ar_homographs" in rec else ()):
        for item in rec[field]:
            if not isinstance(item, str) or not item.strip():
                rep.error(where, f"{field} holds a non-string or empty item: {item!r}")
    for form in [rec["name_ar"], *rec["ar_variants"]]:
        if isinstance(form, str) and CLITIC_RE.match(form):
            rep.warn(where, f"Arabic form {form!r} seems to start with a clitic")
    if rec.get("wikidata") is not None and not QID_RE.match(rec["wikidata"]):
        rep.error(where, f"wikidata {rec['wikidata']!r} is not a Q-id")
    if kind == "actor":
        for field in ("valid_from", "valid_to"):
            value = rec.get(field)
            if value is not None and not DATE_RE.match(value):
                rep.error(where, f"{field} {value!r} is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")
        if rec.get("valid_from") and rec.get("valid_to") and rec["valid_from"] > rec["valid_to"]:
            rep.error(where, "valid_from is after valid_to")
        if rec.get("title_ar") and rec["kind"] != "person":
            rep.warn(where, "title_ar is meant for persons only")
        if (rec.get("domains") or rec.get("bylines")) and rec["kind"] != "media":
            rep.error(where, "domains and bylines are for media actors (outlets) only")
        for domain in rec.get("domains") or []:
            if not isinstance(domain, str) or not DOMAIN_RE.match(domain):
                rep.error(where, f"domain {domain!r} is not a lower-case host name such as 'rudaw.net'")
        for byline in rec.get("bylines") or []:
            if not isinstance(byline, str) or not byline.strip():
                rep.error(where, f"bylines holds a non-string or empty item: {byline!r}")
    else:
        lat, lon = rec.get("lat"), rec.get("lon")
        if (lat is None) != (lon is None):
            rep.error(where, "lat and lon must both be set or both be null")
        if lat is not None and not -90 <= lat <= 90:
            rep.error(where, f"lat {lat} out of range")
        if lon is not None and not -180 <= lon <= 180:
            rep.error(where, f"lon {lon} out of range")
    return True


def load(paths: list[Path], rep: Report):
    merged: dict[str, dict[str, tuple[dict, str]]] = {"actor": {}, "place": {}}
    per_file = []
    for path in paths:
        kind = classify(path)
        if kind is None:
            rep.error(str(path), "cannot tell whether this file holds actors or places")
            continue
        seen: set[str] = set()
        count = 0
        with path.open(encoding="utf-8") as fh:
            for lineno, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                where = f"{path.name}:{lineno}"
                try:
                    rec = json.loads(line)
                except json.JSONDecodeError as exc:
                    rep.error(where, f"invalid JSON ({exc.msg})")
                    continue
                if not check_record(rec, where, kind, rep):
                    continue
                if rec["id"] in seen:
                    rep.error(where, f"duplicate id {rec['id']!r} in this file")
                seen.add(rec["id"])
                merged[kind][rec["id"]] = (rec, where)
                count += 1
        per_file.append((path, kind, count))
    return merged, per_file


def check_graph(merged, rep: Report):
    actors, places = merged["actor"], merged["place"]
    for rid, (rec, where) in actors.items():
        for parent in rec["member_of"]:
            if parent not in actors:
                rep.error(where, f"member_of {parent!r} does not resolve")
            elif parent == rid:
                rep.error(where, "actor is member_of itself")
        if rec.get("country") and rec["country"] not in places:
            rep.warn(where, f"country {rec['country']!r} is not a place id")
    for rid, (rec, where) in places.items():
        for parent in rec["located_in"]:
            if parent not in places:
                rep.error(where, f"located_in {parent!r} does not resolve")
        # cycle check
        stack, seen = list(rec["located_in"]), set()
        while stack:
            cur = stack.pop()
            if cur == rid:
                rep.warn(where, "located_in chain loops back to itself")
                break
            if cur in seen or cur not in places:
                continue
            seen.add(cur)
            stack.extend(places[cur][0]["located_in"])


def check_collisions(merged, rep: Report):
    """Arabic surface forms shared by different entities; outlet names and domains shared by two outlets."""
    outlet_names, domains = defaultdict(set), defaultdict(set)
    for rid, (rec, _) in merged["actor"].items():
        if rec["kind"] == "media":
            for name in [rec["name"], rec["name_ar"], *rec["aliases"], *rec["ar_variants"], *rec.get("bylines", [])]:
                outlet_names[normalise(name)].add(rid)
            for domain in rec.get("domains", []):
                domains[domain].add(rid)
    for name, ids in sorted(outlet_names.items()):
        if len(ids) > 1:
            rep.error("outlets", f"outlet name {name!r} belongs to {sorted(ids)}; an article's outlet must be one")
    for domain, ids in sorted(domains.items()):
        if len(ids) > 1:
            rep.error("outlets", f"domain {domain!r} belongs to {sorted(ids)}")
    for kind in ("actor", "place"):
        owners = defaultdict(set)
        for rid, (rec, _) in merged[kind].items():
            for form in [rec["name_ar"], *rec["ar_variants"]]:
                owners[normalise(form)].add(rid)
        for form, ids in sorted(owners.items()):
            if len(ids) > 1:
                rep.warn(f"{kind}s", f"Arabic form {form!r} shared by {sorted(ids)}")
    # across files: an actor and a place with the same id (a state and its territory, an embassy
    # and its compound) may share forms; anything else is reported.
    place_forms = defaultdict(set)
    for rid, (rec, _) in merged["place"].items():
        for form in [rec["name_ar"], *rec["ar_variants"]]:
            place_forms[normalise(form)].add(rid)
    cross = defaultdict(set)
    for rid, (rec, _) in merged["actor"].items():
        for form in [rec["name_ar"], *rec["ar_variants"]]:
            for pid in place_forms.get(normalise(form), ()):
                if pid != rid:
                    cross[normalise(form)].add((rid, pid))
    for form, pairs in sorted(cross.items()):
        desc = ", ".join(f"actor {a} / place {p}" for a, p in sorted(pairs))
        rep.warn("actors+places", f"Arabic form {form!r} shared by {desc}")


def expand_paths(args: list[str]) -> list[Path]:
    if not args:
        return [HERE / "actors.jsonl", HERE / "places.jsonl"]
    out: list[Path] = []
    for arg in args:
        p = Path(arg)
        if p.is_dir():
            out.extend(sorted(p.glob("*.jsonl")))
        else:
            out.append(p)
    return out


def main(argv: list[str]) -> int:
    rep = Report()
    paths = expand_paths(argv)
    missing = [p for p in paths if not p.exists()]
    for p in missing:
        rep.error(str(p), "file not found")
    merged, per_file = load([p for p in paths if p.exists()], rep)
    check_graph(merged, rep)
    check_collisions(merged, rep)

    for path, kind, count in per_file:
        print(f"{path.name}: {count} {kind} records")
    for kind in ("actor", "place"):
        counts = Counter(rec["kind"] for rec, _ in merged[kind].values())
        total = sum(counts.values())
        forms = sum(1 + len(rec["ar_variants"]) for rec, _ in merged[kind].values())
        print(f"\n{kind}s: {total} entities, {forms} Arabic surface forms")
        for k, n in sorted(counts.items()):
            print(f"  {k:<20} {n}")
    print()
    for line in rep.warnings:
        print(line)
    for line in rep.errors:
        print(line)
    print(f"\n{len(rep.errors)} error(s), {len(rep.warnings)} warning(s)")
    return 1 if rep.errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
