"""Small graphs built in code, so store and API tests do not depend on the extractor."""
from __future__ import annotations

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
EMBASSY = Actor(id="us-embassy-in-baghdad", name="US Embassy in Baghdad", name_ar="السفارة الأميركية في بغداد", kind="diplomatic_mission")
IRAQI_GOV = Actor(id="iraqi-government", name="Iraqi government", name_ar="الحكومة العراقية", kind="government")
OUTLET = Actor(id="example-news", name="Example News", name_ar="أخبار المثال", kind="media")

IRAQ = Place(id="iraq", name="Iraq", name_ar="العراق", kind="country", lat=33.0, lon=44.0)
BAGHDAD = Place(id="baghdad", name="Baghdad", name_ar="بغداد", kind="city", lat=33.3152, lon=44.3661, located_in=["iraq"])
GREEN_ZONE = Place(id="green-zone", name="Green Zone", name_ar="المنطقة الخضراء", kind="district", located_in=["baghdad"])
AIN_AL_ASAD = Place(id="ain-al-asad-air-base", name="Ain al-Asad Air Base", name_ar="قاعدة عين الأسد", kind="base", located_in=["iraq"])


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
        article=ArticleMeta(file=file, id=aid, title="هجوم", outlet=outlet, published=published, url=None, language="ar"),
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
