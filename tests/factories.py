"""Small graphs built in code, so store and API tests do not depend on the extractor."""

from __future__ import annotations

from pathlib import Path

from graph.ids import article_id, short_hash
from graph.model import Actor, ArticleGraph, ArticleMeta, Event, Evidence, Mention, Place, Statement

IRI = Actor(
    id="islamic-resistance-in-iraq",
    name="Islamic Resistance in Iraq",
    name_ar="المقاومة الإسلامية في العراق",
    kind="armed_group",
    aliases=["IRI"],
    wikidata="Q123574472",
)
NUJABA = Actor(
    id="harakat-al-nujaba",
    name="Harakat al-Nujaba",
    name_ar="حركة النجباء",
    kind="armed_group",
    member_of=["islamic-resistance-in-iraq"],
)
EMBASSY = Actor(
    id="us-embassy-in-baghdad",
    name="US Embassy in Baghdad",
    name_ar="السفارة الأميركية في بغداد",
    kind="diplomatic_mission",
)
IRAQI_GOV = Actor(id="iraqi-government", name="Iraqi government", name_ar="الحكومة العراقية", kind="government")
OUTLET = Actor(id="example-news", name="Example News", name_ar="أخبار المثال", kind="media")

IRAQ = Place(id="iraq", name="Iraq", name_ar="العراق", kind="country", lat=33.0, lon=44.0)
BAGHDAD = Place(
    id="baghdad", name="Baghdad", name_ar="بغداد", kind="city", lat=33.3152, lon=44.3661, located_in=["iraq"]
)
GREEN_ZONE = Place(
    id="green-zone", name="Green Zone", name_ar="المنطقة الخضراء", kind="district", located_in=["baghdad"]
)
AIN_AL_ASAD = Place(
    id="ain-al-asad-air-base", name="Ain al-Asad Air Base", name_ar="قاعدة عين الأسد", kind="base", located_in=["iraq"]
)


def _mention(text: str, body: str) -> Mention:
    start = body.find(text)
    start = max(start, 0)
    return Mention(text=text, start=start, end=start + len(text))


def article_graph(
    body: str = "تبنت المقاومة الإسلامية في العراق هجوما بصاروخين على المنطقة الخضراء في بغداد.",
    *,
    file: str = "sample.txt",
    outlet: str = "Example News",
    published: str = "2023-12-08",
    place: Place = GREEN_ZONE,
    event_date: str | None = "2023-12-08",
    weapon: str | None = "rocket",
    count: int | None = 2,
    killed: int | None = None,
    claim_quote: str | None = "استهدفنا السفارة",
) -> ArticleGraph:
    """One article: the IRI claims a rocket attack on the embassy, the embassy calls on the government."""
    aid = article_id(body)
    sentence = Evidence(start=0, end=len(body), text=body)
    places = {p.id: p for p in (IRAQ, BAGHDAD, GREEN_ZONE, place)}
    event_id = f"attack-{event_date or 'nodate'}-{place.id}"
    actors = [
        IRI.model_copy(update={"mentions": [_mention("المقاومة الإسلامية في العراق", body)]}),
        NUJABA.model_copy(update={"mentions": [_mention("النجباء", body)]}),
        EMBASSY.model_copy(update={"mentions": [_mention("السفارة", body)]}),
        IRAQI_GOV.model_copy(update={"mentions": [_mention("الحكومة", body)]}),
    ]
    return ArticleGraph(
        article=ArticleMeta(
            file=file, id=aid, title="هجوم", outlet=outlet, published=published, url=None, language="ar"
        ),
        body=body,
        outlet_actor=OUTLET.id,
        actors=actors,
        context_actors=[OUTLET],
        places=[p.model_copy(update={"mentions": [_mention(p.name_ar or p.name, body)]}) for p in places.values()],
        events=[
            Event(
                id=event_id,
                type="attack",
                date=event_date,
                date_precision="day" if event_date else None,
                place=place.id,
                perpetrators=["islamic-resistance-in-iraq"],
                targets=["us-embassy-in-baghdad"],
                weapon=weapon,
                count=count,
                killed=killed,
                evidence=sentence,
            )
        ],
        statements=[
            Statement(
                id="st-" + short_hash(aid, "claim"),
                kind="claim_responsibility",
                speaker="islamic-resistance-in-iraq",
                date=published,
                date_precision="day",
                about_event=event_id,
                quote=claim_quote,
                evidence=sentence,
            ),
            Statement(
                id="st-" + short_hash(aid, "call"),
                kind="call",
                speaker="us-embassy-in-baghdad",
                date=published,
                date_precision="day",
                addressees=["iraqi-government"],
                quote="نجدد دعوتنا للحكومة",
                evidence=sentence,
            ),
        ],
    )


# -- a small contested story for the analyst queries: one attack, two outlets, a claim and a denial --
KATAIB_HEZBOLLAH = Actor(
    id="kataib-hezbollah",
    name="Kataib Hezbollah",
    name_ar="كتائب حزب الله",
    kind="armed_group",
    aliases=["KH"],
    member_of=["islamic-resistance-in-iraq"],
)
CENTCOM = Actor(id="centcom", name="CENTCOM", name_ar="القيادة المركزية الأمريكية", kind="military")
US_FORCES = Actor(id="us-forces", name="US forces", name_ar="القوات الأمريكية", kind="military")


def report(
    body: str,
    *,
    file: str,
    outlet: str,
    published: str,
    actors: list[Actor],
    places: list[Place],
    events: list[dict] | None = None,
    statements: list[dict] | None = None,
) -> ArticleGraph:
    """One article from plain dicts of events and statements; every sentence is the whole body.

    Statement ids are `st-<hash of the article and the given key>`, so two articles never share one.
    """
    aid = article_id(body)
    sentence = Evidence(start=0, end=len(body), text=body)
    return ArticleGraph(
        article=ArticleMeta(
            file=file, id=aid, title=file, outlet=outlet, published=published, url=f"https://example.org/{file}"
        ),
        body=body,
        outlet_actor=OUTLET.id,
        actors=[a.model_copy(update={"mentions": [_mention(a.name_ar or a.name, body)]}) for a in actors],
        context_actors=[OUTLET, IRI],
        places=[p.model_copy(update={"mentions": [_mention(p.name_ar or p.name, body)]}) for p in places],
        context_places=[IRAQ, BAGHDAD],
        events=[Event(date_precision="day" if e.get("date") else None, evidence=sentence, **e) for e in events or []],
        statements=[
            Statement(
                id="st-" + short_hash(aid, s.pop("key")),
                date_precision="day" if s.get("date") else None,
                evidence=sentence,
                **s,
            )
            for s in (dict(s) for s in statements or [])
        ],
    )


def contested_attack() -> list[ArticleGraph]:
    """Four articles an analyst would read side by side (write them in this order, one by one).

    1. Outlet A, 2024-01-20: a missile attack on Ain al-Asad (3 missiles, 2 injured); the IRI claims it.
    2. Outlet B, 2024-01-21: the same attack (5 missiles, 4 injured); Kataib Hezbollah denies it and
       the Iraqi government accuses Kataib Hezbollah of it.
    3. Outlet A, 2024-02-04: a CENTCOM airstrike in Baghdad on 2024-02-03 (3 killed) targeting Kataib
       Hezbollah, which CENTCOM claims; Kataib Hezbollah condemns it, accusing CENTCOM, and threatens
       US forces; the US embassy calls on the Iraqi government to protect diplomats.
    4. `article_graph()`: the IRI's rocket attack on the Green Zone, 2023-12-08, and its claim.
    """
    first = report(
        "أعلنت المقاومة الإسلامية في العراق استهداف قاعدة عين الأسد بثلاثة صواريخ وإصابة جنديين من القوات الأمريكية.",
        file="ain-al-asad-a.txt",
        outlet="Outlet A",
        published="2024-01-20",
        actors=[IRI, US_FORCES],
        places=[AIN_AL_ASAD],
        events=[
            {
                "id": "attack-2024-01-20-ain-al-asad-air-base",
                "type": "attack",
                "date": "2024-01-20",
                "place": AIN_AL_ASAD.id,
                "perpetrators": [IRI.id],
                "targets": [US_FORCES.id],
                "weapon": "missile",
                "count": 3,
                "injured": 2,
            }
        ],
        statements=[
            {
                "key": "claim",
                "kind": "claim_responsibility",
                "speaker": IRI.id,
                "date": "2024-01-20",
                "about_event": "attack-2024-01-20-ain-al-asad-air-base",
                "quote": "استهدفنا قاعدة عين الأسد بالصواريخ",
            }
        ],
    )
    second = report(
        "سقطت خمسة صواريخ على قاعدة عين الأسد وأصيب أربعة جنود، "
        "ونفت كتائب حزب الله مسؤوليتها فيما اتهمتها الحكومة العراقية بالهجوم.",
        file="ain-al-asad-b.txt",
        outlet="Outlet B",
        published="2024-01-21",
        actors=[KATAIB_HEZBOLLAH, IRAQI_GOV, US_FORCES],
        places=[AIN_AL_ASAD],
        events=[
            {
                "id": "attack-2024-01-20-ain-al-asad-second-report",
                "type": "attack",
                "date": "2024-01-20",
                "place": AIN_AL_ASAD.id,
                "targets": [US_FORCES.id],
                "weapon": "missile",
                "count": 5,
                "injured": 4,
            }
        ],
        statements=[
            {
                "key": "deny",
                "kind": "deny_responsibility",
                "speaker": KATAIB_HEZBOLLAH.id,
                "date": "2024-01-21",
                "about_event": "attack-2024-01-20-ain-al-asad-second-report",
                "quote": "لا علاقة لنا بالهجوم على عين الأسد",
            },
            {
                "key": "accuse",
                "kind": "accuse",
                "speaker": IRAQI_GOV.id,
                "date": "2024-01-21",
                "about_event": "attack-2024-01-20-ain-al-asad-second-report",
                "accused": [KATAIB_HEZBOLLAH.id],
                "quote": "كتائب حزب الله تقف وراء الهجوم",
            },
        ],
    )
    third = report(
        "قالت القيادة المركزية الأمريكية إنها نفذت ضربة جوية في بغداد قتلت ثلاثة من كتائب حزب الله، "
        "فيما أدانت الكتائب الضربة وهددت القوات الأمريكية، "
        "ودعت السفارة الأميركية في بغداد الحكومة العراقية إلى حماية الدبلوماسيين.",
        file="baghdad-strike.txt",
        outlet="Outlet A",
        published="2024-02-04",
        actors=[CENTCOM, KATAIB_HEZBOLLAH, US_FORCES, EMBASSY, IRAQI_GOV],
        places=[BAGHDAD],
        events=[
            {
                "id": "airstrike-2024-02-03-baghdad",
                "type": "airstrike",
                "date": "2024-02-03",
                "place": BAGHDAD.id,
                "perpetrators": [CENTCOM.id],
                "targets": [KATAIB_HEZBOLLAH.id],
                "killed": 3,
            }
        ],
        statements=[
            {
                "key": "centcom-claim",
                "kind": "claim_responsibility",
                "speaker": CENTCOM.id,
                "date": "2024-02-03",
                "about_event": "airstrike-2024-02-03-baghdad",
                "quote": "نفذنا ضربة جوية دفاعا عن قواتنا",
            },
            {
                "key": "kh-condemn",
                "kind": "condemn",
                "speaker": KATAIB_HEZBOLLAH.id,
                "date": "2024-02-04",
                "about_event": "airstrike-2024-02-03-baghdad",
                "accused": [CENTCOM.id],
                "quote": "ندين العدوان الأمريكي الغاشم",
            },
            {
                "key": "kh-threat",
                "kind": "threaten",
                "speaker": KATAIB_HEZBOLLAH.id,
                "date": "2024-02-04",
                "addressees": [US_FORCES.id],
                "quote": "سنرد على القوات الأمريكية في الوقت المناسب",
            },
            {
                "key": "embassy-call",
                "kind": "call",
                "speaker": EMBASSY.id,
                "date": "2024-02-04",
                "addressees": [IRAQI_GOV.id],
                "quote": "ندعو الحكومة العراقية إلى حماية الدبلوماسيين",
            },
        ],
    )
    return [first, second, third, article_graph()]


def strike_graph(centcom: Actor = CENTCOM) -> ArticleGraph:
    """A second article: CENTCOM strikes al-Nujaba in Baghdad; the government condemns it, blaming CENTCOM."""
    body = "قصفت القيادة المركزية الأمريكية مقرا لحركة النجباء في بغداد، ودانت الحكومة العراقية الضربة."
    aid = article_id(body)
    sentence = Evidence(start=0, end=len(body), text=body)
    return ArticleGraph(
        article=ArticleMeta(file="strike.txt", id=aid, title="ضربة", outlet="Example News", published="2024-01-05"),
        body=body,
        outlet_actor=OUTLET.id,
        actors=[centcom, NUJABA, IRAQI_GOV],
        context_actors=[OUTLET, IRI],
        places=[IRAQ, BAGHDAD],
        events=[
            Event(
                id="airstrike-2024-01-04-baghdad",
                type="airstrike",
                date="2024-01-04",
                date_precision="day",
                place="baghdad",
                perpetrators=["centcom"],
                targets=["harakat-al-nujaba"],
                killed=1,
                evidence=sentence,
            )
        ],
        statements=[
            Statement(
                id="st-" + short_hash(aid, "condemn"),
                kind="condemn",
                speaker="iraqi-government",
                date="2024-01-05",
                date_precision="day",
                about_event="airstrike-2024-01-04-baghdad",
                accused=["centcom"],
                quote="نرفض هذا الاعتداء",
                evidence=sentence,
            )
        ],
    )


def graded_story() -> list[ArticleGraph]:
    """`contested_attack()` with a confidence on every event, role and statement: 0.9 except three
    weak ones, so a `min_confidence` filter has something to drop at each kind of assertion.

    - the Green Zone attack (2023-12-08), as an event: 0.4;
    - CENTCOM as the perpetrator of the Baghdad airstrike (a role; the strike itself is 0.9): 0.5;
    - Kataib Hezbollah's threat against US forces (a statement): 0.3.
    """
    weak_events = {"attack-2023-12-08-green-zone": 0.4}
    weak_roles = {("airstrike-2024-02-03-baghdad", "perpetrators", CENTCOM.id): 0.5}
    out = []
    for g in contested_attack():
        events = [
            e.model_copy(
                update={
                    "confidence": weak_events.get(e.id, 0.9),
                    "role_confidence": {
                        role: {a: weak_roles.get((e.id, role, a), 0.9) for a in getattr(e, role)}
                        for role in ("perpetrators", "targets")
                    },
                }
            )
            for e in g.events
        ]
        statements = [s.model_copy(update={"confidence": 0.3 if s.kind == "threaten" else 0.9}) for s in g.statements]
        out.append(g.model_copy(update={"events": events, "statements": statements}))
    return out


def synthetic_graphs(folder: Path, size: int, seed: int = 7) -> list[ArticleGraph]:
    """The first `size` articles of the benchmark's synthetic corpus, extracted: a realistic mix of
    reports, several per event, for tests of whole ingests."""
    from benchmarks.corpus import write_corpus
    from loaders.articles import iter_articles
    from loaders.extract import extract_many

    path = folder / "corpus.jsonl"
    write_corpus(path, size, seed=seed)
    graphs = [g for g in extract_many(iter_articles([path])) if isinstance(g, ArticleGraph)]
    assert len(graphs) == size
    return graphs
