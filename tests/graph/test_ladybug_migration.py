"""A LadybugDB store made by an earlier release (no confidence columns) opens and takes writes."""

from __future__ import annotations

from pathlib import Path

import ladybug

from graph.settings import Settings
from graph.stores import make_store
from tests.factories import article_graph


def test_a_store_from_before_the_confidence_columns_is_migrated_on_open(tmp_path: Path) -> None:
    path = tmp_path / "old.lbug"
    schema = make_store(Settings(backend="ladybug", db_path=path)).query_def("schema").statements
    # the first release: the same tables without the confidence columns and the reports' own keys
    # (REPORTED_IN.reported_as), and no ALTER statements
    old = [
        s.replace(", confidence DOUBLE", "").replace(", reported_as STRING[]", "")
        for s in schema
        if s.lstrip().startswith("CREATE")
    ]
    assert len(old) == 17 and all("confidence" not in s and "reported_as" not in s for s in old)
    db = ladybug.Database(str(path))
    conn = ladybug.Connection(db)
    for statement in old:
        conn.execute(statement)
    conn.close()
    db.close()

    store = make_store(Settings(backend="ladybug", db_path=path)).open()
    try:
        g = article_graph()
        g = g.model_copy(update={"events": [g.events[0].model_copy(update={"confidence": 0.7})]})
        store.write([g])
        assert [r["confidence"] for r in store.query("event_sources", {"id": g.events[0].id})] == [0.7]
        stored = store.query("internal.stored_reports", {"articles": [g.article.id]})
        assert [r["reported_as"] for r in stored] == [[g.events[0].id]]
    finally:
        store.close()
