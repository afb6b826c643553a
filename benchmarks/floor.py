"""The floor our writer is measured against: the same rows bulk-loaded into an empty store.

`store.write` resolves event identity against the store, checks references, flattens graphs to rows
and MERGEs them batch by batch. The floor skips all of that: it loads the final rows once, as fast
as each store takes rows (LadybugDB: `COPY <table> FROM <DataFrame>`; Neo4j: the project's own
`UNWIND $rows ... MERGE` write queries in big batches with the constraints in place). The ratio
writer time / floor time says how much of the writer's cost is ours rather than the database's.

"The same rows": `RowRecorder` keeps the rows the writer built (`graph.rows.to_rows`, after event
identity was resolved against the store), so the floor's graph is the writer's graph. The runner
checks that by comparing both stores' node and relationship counts.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from graph.model import ArticleGraph
from graph.rows import WRITE_ORDER, GraphRows, to_rows
from queries.registry import Registry, get_registry

BENCH_QUERIES = Path(__file__).resolve().parent / "queries"

#: For each write query: (table, from label, to label); from/to are None for node tables.
TABLES: dict[str, tuple[str, str | None, str | None]] = {
    "write.article": ("Article", None, None),
    "write.actor": ("Actor", None, None),
    "write.place": ("Place", None, None),
    "write.event": ("Event", None, None),
    "write.statement": ("Statement", None, None),
    "write.published_by": ("PUBLISHED_BY", "Article", "Actor"),
    "write.mentions_actor": ("MENTIONS", "Article", "Actor"),
    "write.mentions_place": ("MENTIONS", "Article", "Place"),
    "write.event_reported_in": ("REPORTED_IN", "Event", "Article"),
    "write.statement_reported_in": ("REPORTED_IN", "Statement", "Article"),
    "write.occurred_at": ("OCCURRED_AT", "Event", "Place"),
    "write.located_in": ("LOCATED_IN", "Place", "Place"),
    "write.carried_out": ("CARRIED_OUT", "Actor", "Event"),
    "write.targeted": ("TARGETED", "Event", "Actor"),
    "write.made": ("MADE", "Actor", "Statement"),
    "write.about": ("ABOUT", "Statement", "Event"),
    "write.addressed_to": ("ADDRESSED_TO", "Statement", "Actor"),
    "write.accuses": ("ACCUSES", "Statement", "Actor"),
    "write.member_of": ("MEMBER_OF", "Actor", "Actor"),
}


def bench_registry() -> Registry:
    """The benchmark's own named Cypher (benchmarks/queries), parsed by the project's registry."""
    return Registry(BENCH_QUERIES)


# -- the writer's rows, as it wrote them ----------------------------------------------------------------


class RowRecorder:
    """Keeps the `GraphRows` the writer builds (`graph.rows.to_rows`), so the floor loads the very rows
    the writer wrote, whatever event identity resolution decided.

    While active, every `graph.*` module's `to_rows` name is wrapped; the wrapper only appends the
    result to a list, and `drain()` merges them into one deduplicated `GraphRows` outside the timing.
    """

    def __init__(self) -> None:
        self.captured: list[GraphRows] = []
        self.rows = GraphRows()
        self._patched: list[Any] = []

    def __enter__(self) -> RowRecorder:
        import sys

        original = to_rows

        def recording(graphs: Iterable[ArticleGraph], *args: Any, **kwargs: Any) -> GraphRows:
            out = original(graphs, *args, **kwargs)
            self.captured.append(out)
            return out

        for name, module in list(sys.modules.items()):
            if (name == "graph" or name.startswith("graph.")) and getattr(module, "to_rows", None) is original:
                module.to_rows = recording  # type: ignore[attr-defined]
                self._patched.append(module)
        return self

    def __exit__(self, *exc: object) -> None:
        for module in self._patched:
            module.to_rows = to_rows  # type: ignore[attr-defined]
        self._patched.clear()

    def drain(self) -> None:
        """Merge what was captured since the last call; the last row for a key wins, as MERGE ... SET does."""
        for rows in self.captured:
            for name, values in rows.rows.items():
                self.rows.rows[name].update(values)
        self.captured.clear()


# -- LadybugDB: COPY FROM DataFrame ---------------------------------------------------------------------

_TABLE_DDL = re.compile(r"CREATE\s+(NODE|REL)\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?(\w+)\s*\((.*)\)\s*$", re.S | re.I)


def ladybug_columns(registry: Registry | None = None) -> dict[str, list[str]]:
    """Property columns per table, in schema order, read from the project's LadybugDB schema query.

    Read rather than written down here, so a column the schema gains cannot silently shift a COPY.
    """
    registry = registry or get_registry()
    columns: dict[str, list[str]] = {}
    for statement in registry.get("schema", "ladybug").statements:
        m = _TABLE_DDL.match(statement.strip())
        if not m:
            continue
        props = []
        for part in re.split(r",(?![^()]*\))", m.group(3)):
            part = part.strip()
            if not part or re.match(r"(?i)FROM\s+\w+\s+TO\s+\w+", part):
                continue
            props.append(part.split()[0].strip("`"))
        columns[m.group(2)] = props
    return columns


def dataframes(rows: GraphRows, columns: dict[str, list[str]]) -> Iterator[tuple[str, Any]]:
    """(write query name, DataFrame) in write order; every column object-typed so nulls stay null."""
    import pandas as pd

    for name in WRITE_ORDER:
        values = list(rows.rows[name].values())
        if not values:
            continue
        table, src, _dst = TABLES[name]
        props = columns[table]
        if src is None:
            data = {c: pd.Series([r.get(c) for r in values], dtype=object) for c in props}
        else:
            data = {
                "from": pd.Series([r["src"] for r in values], dtype=object),
                "to": pd.Series([r["dst"] for r in values], dtype=object),
            }
            data.update({c: pd.Series([r.get(c) for r in values], dtype=object) for c in props})
        yield name, pd.DataFrame(data)


def ladybug_floor(db_path: Path, rows: GraphRows) -> dict[str, Any]:
    """COPY every table of `rows` into the (new, empty) LadybugDB at `db_path`; seconds per table."""
    import ladybug

    from graph.settings import Settings
    from graph.stores.ladybug_store import LadybugStore

    with LadybugStore(Settings(backend="ladybug", db_path=db_path)):
        pass  # creates the schema, as the writer's store would
    registry = bench_registry()
    columns = ladybug_columns()
    build_s = 0.0
    load_s = 0.0
    per_table: dict[str, float] = {}
    db = ladybug.Database(str(db_path))
    try:
        conn = ladybug.Connection(db)
        started = time.perf_counter()
        frames = dataframes(rows, columns)
        while True:
            try:
                name, df = next(frames)
            except StopIteration:
                break
            finally:
                build_s += time.perf_counter() - started
            text = registry.get("bench.copy." + name.removeprefix("write."), "ladybug").text
            t0 = time.perf_counter()
            conn.execute(text, {"df": df})
            took = time.perf_counter() - t0
            per_table[name] = round(took, 3)
            load_s += took
            started = time.perf_counter()
    finally:
        db.close()
    return {
        "method": "COPY <table> FROM <DataFrame>",
        "load_s": round(load_s, 3),
        "dataframe_build_s": round(build_s, 3),
        "per_query_s": per_table,
    }


# -- Neo4j: the write queries, big batches, no identity resolution or checks --------------------------


def neo4j_floor(
    uri: str, auth: tuple[str, str] | None, rows: GraphRows, batch_rows: int = 10_000, database: str | None = None
) -> dict[str, Any]:
    """Run the project's write queries over `rows` in batches of `batch_rows`, one transaction each."""
    import neo4j

    registry = get_registry()
    per_query: dict[str, float] = {}
    load_s = 0.0
    transactions = 0
    with neo4j.GraphDatabase.driver(uri, auth=auth) as driver:
        kwargs = {"database": database} if database else {}
        with driver.session(**kwargs) as session:
            for name in WRITE_ORDER:
                values = list(rows.rows[name].values())
                if not values:
                    continue
                text = registry.get(name, "neo4j").text
                t0 = time.perf_counter()
                for i in range(0, len(values), batch_rows):
                    chunk = values[i : i + batch_rows]
                    session.execute_write(lambda tx, q=text, c=chunk: tx.run(q, rows=c).consume())
                    transactions += 1
                took = time.perf_counter() - t0
                per_query[name] = round(took, 3)
                load_s += took
    return {
        "method": f"UNWIND $rows MERGE (project write queries), {batch_rows} rows per transaction",
        "load_s": round(load_s, 3),
        "transactions": transactions,
        "per_query_s": per_query,
    }
