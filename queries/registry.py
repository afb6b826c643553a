"""The one registry of named Cypher queries.

Each `.cypher` file under this folder holds one or more queries, each introduced by a header:

    // name: claims_by_actor
    // Claims made by an actor, newest first.
    // params: actor, since=null, limit=100
    MATCH ...

`params` declares every `$parameter` the text uses; `name=value` gives a default (a JSON literal),
so callers may leave it out. A `// part of: graph.analyst.claims` line marks a building block that
only makes sense inside the named composition: it runs like any query but `kg query` and the
public list leave it out, so users see the questions, not the pieces. A file in `neo4j/` or
`ladybug/` overrides the common query of the same name for that backend only, where the dialects
really differ. Mistakes fail at load time with file and line: an empty query, a duplicate name, a
parameter used but not declared (or declared but never used).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from core.errors import QueryError

QUERIES_DIR = Path(__file__).resolve().parent
BACKENDS = ("ladybug", "neo4j")

_HEADER = re.compile(r"^//\s*name:\s*(?P<name>[A-Za-z_][A-Za-z0-9_.]*)\s*$")
_PARAMS = re.compile(r"^//\s*params:\s*(?P<params>.*)$")
_PART_OF = re.compile(r"^//\s*part of:\s*(?P<owner>\S.*)$")
_PARAM_USE = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")
_STRING_LITERAL = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"")
_NO_DEFAULT = object()


@dataclass(frozen=True)
class NamedQuery:
    name: str
    text: str
    params: dict[str, Any]  # name -> default, or _NO_DEFAULT when required
    description: str
    source: str  # "path:line" of the header, for error messages
    statements: tuple[str, ...] = field(default=())
    part_of: str | None = None  # the composition a building block belongs to; None for a public query

    @property
    def required(self) -> list[str]:
        return [p for p, d in self.params.items() if d is _NO_DEFAULT]

    def bind(self, given: dict[str, Any] | None) -> dict[str, Any]:
        """Check the caller's parameters against the declaration and fill in defaults."""
        given = dict(given or {})
        unknown = sorted(set(given) - set(self.params))
        if unknown:
            raise QueryError(
                f"query {self.name!r} has no parameter {', '.join(unknown)}; "
                f"it takes: {', '.join(self.params) or 'none'}"
            )
        missing = [p for p in self.required if given.get(p) is None]
        if missing:
            raise QueryError(f"query {self.name!r} needs parameter {', '.join(missing)}")
        return {p: given[p] if p in given else d for p, d in self.params.items()}

    def describe(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "description": self.description,
            "params": {p: (None if d is _NO_DEFAULT else d) for p, d in self.params.items()},
            "required": self.required,
        }


def _parse_params(spec: str, where: str) -> dict[str, Any]:
    spec = spec.strip()
    if spec in ("", "none", "-"):
        return {}
    params: dict[str, Any] = {}
    for part in (p.strip() for p in spec.split(",")):
        name, _, default = part.partition("=")
        name = name.strip()
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
            raise QueryError(f"{where}: bad parameter name {name!r} in params line")
        if name in params:
            raise QueryError(f"{where}: parameter {name!r} declared twice")
        if default:
            try:
                params[name] = json.loads(default.strip())
            except json.JSONDecodeError as exc:
                raise QueryError(f"{where}: default of {name!r} is not a JSON literal: {default.strip()!r}") from exc
        else:
            params[name] = _NO_DEFAULT
    return params


def _split_statements(text: str) -> tuple[str, ...]:
    """Split on `;` at line ends: schema files hold several DDL statements under one name."""
    parts = [p.strip() for p in re.split(r";\s*(?:\n|$)", text)]
    return tuple(p for p in parts if p)


def parse_file(path: Path, root: Path = QUERIES_DIR) -> list[NamedQuery]:
    """Parse one .cypher file into its named queries, failing with file:line on mistakes."""
    lines = path.read_text(encoding="utf-8").splitlines()
    rel = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
    blocks: list[tuple[int, str, list[str]]] = []
    for lineno, line in enumerate(lines, start=1):
        m = _HEADER.match(line.strip())
        if m:
            blocks.append((lineno, m.group("name"), []))
        elif blocks:
            blocks[-1][2].append(line)
        elif line.strip() and not line.strip().startswith("//"):
            raise QueryError(f"{rel}:{lineno}: Cypher before the first '// name:' header")
    if not blocks:
        raise QueryError(f"{rel}:1: no '// name: ...' header; every query needs a name")
    out: list[NamedQuery] = []
    for lineno, name, body in blocks:
        where = f"{rel}:{lineno}"
        description: list[str] = []
        params: dict[str, Any] | None = None
        part_of: str | None = None
        code: list[str] = []
        for line in body:
            stripped = line.strip()
            if not code and stripped.startswith("//"):
                pm = _PARAMS.match(stripped)
                owner = _PART_OF.match(stripped)
                if pm:
                    params = _parse_params(pm.group("params"), where)
                elif owner:
                    part_of = owner.group("owner").strip()
                else:
                    description.append(stripped.lstrip("/").strip())
            elif stripped or code:
                code.append(line)
        text = "\n".join(code).strip()
        if not text:
            raise QueryError(f"{where}: query {name!r} is empty")
        if params is None:
            raise QueryError(f"{where}: query {name!r} has no '// params:' line (write '// params: none')")
        cypher = "\n".join(line for line in code if not line.strip().startswith("//"))
        without_strings = _STRING_LITERAL.sub("''", cypher)
        used = set(_PARAM_USE.findall(without_strings))
        undeclared = sorted(used - set(params))
        if undeclared:
            raise QueryError(
                f"{where}: query {name!r} uses ${', $'.join(undeclared)} but does not declare it in '// params:'"
            )
        unused = sorted(set(params) - used)
        if unused:
            raise QueryError(f"{where}: query {name!r} declares {', '.join(unused)} but never uses it")
        out.append(
            NamedQuery(
                name=name,
                text=text,
                params=params,
                description=" ".join(d for d in description if d),
                source=where,
                statements=_split_statements(text),
                part_of=part_of,
            )
        )
    return out


class Registry:
    """Queries by name for each backend: the common ones, overridden per backend where needed."""

    def __init__(self, root: Path = QUERIES_DIR) -> None:
        self.root = root
        common = self._load_layer(sorted(p for p in root.rglob("*.cypher") if not self._backend_dir(p)), root)
        self._by_backend: dict[str, dict[str, NamedQuery]] = {}
        for backend in BACKENDS:
            layer = self._load_layer(sorted((root / backend).rglob("*.cypher")), root)
            self._by_backend[backend] = {**common, **layer}

    def _backend_dir(self, path: Path) -> bool:
        parts = path.relative_to(self.root).parts
        return len(parts) > 1 and parts[0] in BACKENDS

    @staticmethod
    def _load_layer(paths: list[Path], root: Path) -> dict[str, NamedQuery]:
        layer: dict[str, NamedQuery] = {}
        for path in paths:
            for q in parse_file(path, root):
                if q.name in layer:
                    raise QueryError(f"{q.source}: duplicate query name {q.name!r} (first at {layer[q.name].source})")
                layer[q.name] = q
        return layer

    def get(self, name: str, backend: str) -> NamedQuery:
        if backend not in self._by_backend:
            raise QueryError(f"unknown backend {backend!r}; choose one of {', '.join(BACKENDS)}")
        try:
            return self._by_backend[backend][name]
        except KeyError:
            known = ", ".join(q.name for q in self.public(backend))
            raise QueryError(f"no query named {name!r}; known: {known or 'none'}") from None

    def names(self, backend: str) -> list[str]:
        return sorted(self._by_backend[backend])

    def public(self, backend: str) -> list[NamedQuery]:
        """Queries meant for users (`kg query`): not the writer's, the schema's, nor building blocks."""
        return [
            q
            for n, q in sorted(self._by_backend[backend].items())
            if not n.startswith(("write.", "copy.", "schema", "internal.")) and q.part_of is None
        ]


@lru_cache(maxsize=1)
def get_registry() -> Registry:
    return Registry()
