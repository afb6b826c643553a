""" "As known at time T": the moment a read is made from, by publication and by ingestion.

The graph keeps four times apart (happened, said, published, ingested). A reader asking what was
known at T wants only what had been *published* by T (`as_of`), or what *this graph had ingested*
by T (`as_of_ingested`): an event or statement counts when at least one such article reports it,
a report or source only when its own article does. Every read query takes the two parameters and
compares them with the stored strings (`Article.published` is an ISO date, `ingested_at` an ISO
UTC time), so a store can use an index on them. An article without a publication date is not
known at any T.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime

from core.errors import QueryError

_PARTIAL_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
_DATE_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")


def moment(value: str | None, name: str = "as_of") -> str | None:
    """A point in time as the stores compare it: YYYY, YYYY-MM or YYYY-MM-DD as given (the whole
    period counts), or a date and time, turned into UTC `YYYY-MM-DDTHH:MM:SS+00:00` (no zone: UTC)."""
    if value is None or value.strip() == "":
        return None
    text = value.strip()
    if _PARTIAL_DATE.match(text):
        if len(text) == 10:
            try:
                date.fromisoformat(text)
            except ValueError:
                raise QueryError(f"{name}: {text!r} is not a calendar day") from None
        return text
    try:
        if not _DATE_TIME.match(text):
            raise ValueError(text)
        when = datetime.fromisoformat(text.replace("Z", "+00:00").replace(" ", "T", 1))
    except ValueError:
        raise QueryError(
            f"{name} must be a date (YYYY, YYYY-MM, YYYY-MM-DD) or a date and time "
            f"(2024-01-20T18:30, with an optional zone such as +03:00), not {value!r}"
        ) from None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.astimezone(UTC).isoformat(timespec="seconds")


@dataclass(frozen=True)
class AsOf:
    """What counts: articles published by `published` and ingested by `ingested` (None: no limit)."""

    published: str | None = None
    ingested: str | None = None

    @classmethod
    def of(cls, published: str | None = None, ingested: str | None = None) -> AsOf:
        """Checked and normalised (QueryError on a malformed time)."""
        return cls(moment(published, "as_of"), moment(ingested, "as_of_ingested"))

    def params(self) -> dict[str, str | None]:
        """The two parameters every read query declares."""
        return {"as_of": self.published, "as_of_ingested": self.ingested}

    def __bool__(self) -> bool:
        return self.published is not None or self.ingested is not None

    def admits(self, published: str | None, ingested_at: str | None) -> bool:
        """Whether an article with these times counts: the rule the queries apply, for code that
        filters rows it already holds (the whole-graph export)."""

        def by(value: str | None, limit: str | None) -> bool:
            return limit is None or (value is not None and (value <= limit or value.startswith(limit)))

        return by(published, self.published) and by(ingested_at, self.ingested)


#: No limit: everything the graph holds.
EVER = AsOf()
