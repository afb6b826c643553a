"""The query registry fails loudly, with file and line, on the mistakes people make in .cypher files."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.errors import QueryError
from queries.registry import BACKENDS, QUERIES_DIR, Registry, get_registry, parse_file


def make_root(tmp_path: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return tmp_path


def test_the_shipped_queries_load_for_every_backend() -> None:
    registry = get_registry()
    common = {q.name for path in QUERIES_DIR.glob("*.cypher") for q in parse_file(path)}
    for backend in BACKENDS:
        overrides = [q for path in (QUERIES_DIR / backend).rglob("*.cypher") for q in parse_file(path)]
        # every common query is there, and each backend file is what that backend runs
        assert set(registry.names(backend)) == common | {q.name for q in overrides}
        for q in overrides:
            assert registry.get(q.name, backend).source == q.source
        for other in set(BACKENDS) - {backend}:
            for q in overrides:
                if q.name in registry.names(other):
                    assert registry.get(q.name, other).source != q.source  # never another backend's dialect
    assert {"schema", "write.article", "actor", "claims", "actors_by_name"} <= set(registry.names("neo4j"))


def test_an_empty_query_is_reported_with_file_and_line(tmp_path: Path) -> None:
    root = make_root(
        tmp_path, {"a.cypher": "// name: ok\n// params: none\nRETURN 1\n\n// name: hollow\n// params: none\n\n"}
    )
    with pytest.raises(QueryError, match=r"a\.cypher:5: query 'hollow' is empty"):
        Registry(root)


def test_a_duplicate_name_names_both_places(tmp_path: Path) -> None:
    root = make_root(
        tmp_path,
        {
            "a.cypher": "// name: twice\n// params: none\nRETURN 1\n",
            "b.cypher": "\n// name: twice\n// params: none\nRETURN 2\n",
        },
    )
    with pytest.raises(QueryError, match=r"b\.cypher:2: duplicate query name 'twice' \(first at a\.cypher:1\)"):
        Registry(root)


def test_a_parameter_used_but_not_declared_is_refused(tmp_path: Path) -> None:
    root = make_root(
        tmp_path, {"a.cypher": "// name: q\n// params: id\nMATCH (n {id: $id}) WHERE n.x = $other RETURN n\n"}
    )
    with pytest.raises(QueryError, match=r"a\.cypher:1: query 'q' uses \$other"):
        Registry(root)


def test_a_dollar_inside_a_string_literal_is_not_a_parameter(tmp_path: Path) -> None:
    root = make_root(tmp_path, {"a.cypher": "// name: q\n// params: none\nRETURN 'costs $5' AS price\n"})
    assert Registry(root).get("q", "neo4j").params == {}


def test_a_backend_file_overrides_the_common_query_for_that_backend_only(tmp_path: Path) -> None:
    root = make_root(
        tmp_path,
        {
            "a.cypher": "// name: q\n// params: none\nRETURN 'common' AS v\n",
            "neo4j/a.cypher": "// name: q\n// params: none\nRETURN 'neo4j' AS v\n",
        },
    )
    registry = Registry(root)
    assert "'neo4j'" in registry.get("q", "neo4j").text
    assert "'common'" in registry.get("q", "ladybug").text


def test_defaults_fill_in_and_unknown_or_missing_parameters_fail(tmp_path: Path) -> None:
    root = make_root(
        tmp_path, {"a.cypher": "// name: q\n// params: actor, limit=50\nMATCH (a {id: $actor}) RETURN a LIMIT $limit\n"}
    )
    q = Registry(root).get("q", "ladybug")
    assert q.bind({"actor": "x"}) == {"actor": "x", "limit": 50}
    with pytest.raises(QueryError, match="needs parameter actor"):
        q.bind({})
    with pytest.raises(QueryError, match="has no parameter since"):
        q.bind({"actor": "x", "since": "2023"})


def test_cypher_before_any_header_is_refused(tmp_path: Path) -> None:
    root = make_root(tmp_path, {"a.cypher": "MATCH (n) RETURN n\n"})
    with pytest.raises(QueryError, match=r"a\.cypher:1: Cypher before the first"):
        Registry(root)


def test_building_blocks_run_but_are_not_listed_as_public(tmp_path: Path) -> None:
    root = make_root(
        tmp_path,
        {
            "a.cypher": "// name: answer\n// The answer.\n// params: none\nRETURN 1 AS x\n\n"
            "// name: answer_piece\n// part of: graph.analyst.answer\n// A piece of it.\n"
            "// params: none\nRETURN 2 AS x\n"
        },
    )
    registry = Registry(root)
    assert [q.name for q in registry.public("ladybug")] == ["answer"]
    piece = registry.get("answer_piece", "ladybug")
    assert piece.part_of == "graph.analyst.answer" and piece.description == "A piece of it."


def test_kg_query_lists_the_questions_not_their_pieces() -> None:
    public = {q.name for q in get_registry().public("ladybug")}
    assert {"claims", "timeline", "statements", "search", "actor_profile"} <= public
    assert not public & {"claims_page", "claims_details", "event_sources", "neighbourhood_edges", "graph_node"}


def test_every_kind_list_in_the_cypher_files_is_a_taxonomy_of_core() -> None:
    """Cypher cannot import core.taxonomy, so a `s.kind IN [...]` list in a query file is a copy:
    each must be exactly a set of kinds core defines, so changing the taxonomy fails here."""
    import re

    from core.taxonomy import CLAIM_KINDS, RESPONSIBILITY_KINDS, STATEMENT_KINDS

    named = {frozenset(CLAIM_KINDS), frozenset(RESPONSIBILITY_KINDS)}
    lists = [
        (path.name, frozenset(re.findall(r"'([a-z_]+)'", m.group(1))))
        for path in sorted(QUERIES_DIR.rglob("*.cypher"))
        for m in re.finditer(r"\.kind IN \[([^\]]*)\]", path.read_text(encoding="utf-8"))
    ]
    assert any(kinds == frozenset(CLAIM_KINDS) for _, kinds in lists)  # the claims queries are read
    for name, kinds in lists:
        assert kinds <= set(STATEMENT_KINDS), (name, kinds)
        # a list of claim kinds must be all of them or the responsibility ones, never a stale subset
        if kinds & set(CLAIM_KINDS):
            assert kinds in named, (name, sorted(kinds))
