// name: schema
// Node and relationship tables of the graph; LadybugDB needs them declared before the first write.
// params: none
// The ALTER statements add the columns that came after the first release to stores created
// before them (no-ops otherwise); new columns go last in CREATE too, so COPY's column order holds.
CREATE NODE TABLE IF NOT EXISTS Article(id STRING PRIMARY KEY, file STRING, url STRING, title STRING, outlet STRING, published STRING, language STRING, ingested_at STRING, body STRING);
CREATE NODE TABLE IF NOT EXISTS Actor(id STRING PRIMARY KEY, name STRING, name_ar STRING, kind STRING, aliases STRING[], wikidata STRING, discovered BOOLEAN, search STRING);
CREATE NODE TABLE IF NOT EXISTS Place(id STRING PRIMARY KEY, name STRING, name_ar STRING, kind STRING, lat DOUBLE, lon DOUBLE, wikidata STRING, aliases STRING[], search STRING);
CREATE NODE TABLE IF NOT EXISTS Event(id STRING PRIMARY KEY, type STRING, date STRING, date_precision STRING, time STRING, summary STRING, confidence DOUBLE, date_basis STRING);
CREATE NODE TABLE IF NOT EXISTS Statement(id STRING PRIMARY KEY, kind STRING, date STRING, date_precision STRING, quote STRING, text STRING, language STRING, search STRING, confidence DOUBLE);
CREATE REL TABLE IF NOT EXISTS PUBLISHED_BY(FROM Article TO Actor);
CREATE REL TABLE IF NOT EXISTS MENTIONS(FROM Article TO Actor, FROM Article TO Place, count INT64);
CREATE REL TABLE IF NOT EXISTS REPORTED_IN(FROM Event TO Article, FROM Statement TO Article, start INT64, `end` INT64, sentence STRING, weapon STRING, count INT64, killed INT64, injured INT64, confidence DOUBLE, reported_as STRING[]);
CREATE REL TABLE IF NOT EXISTS OCCURRED_AT(FROM Event TO Place);
CREATE REL TABLE IF NOT EXISTS LOCATED_IN(FROM Place TO Place);
CREATE REL TABLE IF NOT EXISTS CARRIED_OUT(FROM Actor TO Event, confidence DOUBLE);
CREATE REL TABLE IF NOT EXISTS TARGETED(FROM Event TO Actor, confidence DOUBLE);
CREATE REL TABLE IF NOT EXISTS MADE(FROM Actor TO Statement);
CREATE REL TABLE IF NOT EXISTS ABOUT(FROM Statement TO Event);
CREATE REL TABLE IF NOT EXISTS ADDRESSED_TO(FROM Statement TO Actor);
CREATE REL TABLE IF NOT EXISTS ACCUSES(FROM Statement TO Actor);
CREATE REL TABLE IF NOT EXISTS MEMBER_OF(FROM Actor TO Actor);
ALTER TABLE Event ADD IF NOT EXISTS confidence DOUBLE;
ALTER TABLE Statement ADD IF NOT EXISTS confidence DOUBLE;
ALTER TABLE REPORTED_IN ADD IF NOT EXISTS confidence DOUBLE;
ALTER TABLE CARRIED_OUT ADD IF NOT EXISTS confidence DOUBLE;
ALTER TABLE TARGETED ADD IF NOT EXISTS confidence DOUBLE;
ALTER TABLE REPORTED_IN ADD IF NOT EXISTS reported_as STRING[];
ALTER TABLE Event ADD IF NOT EXISTS date_basis STRING
