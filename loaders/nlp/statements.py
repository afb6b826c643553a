"""`kg_statements`: reported speech — who said what, of which kind, when.

A statement is anchored on a reporting word from `loaders/data/nlp/speech.json`: a finite verb in
any person and tense (قال، قالت، يقول، أعلنها ...), a circumstantial participle that continues the
clause before it (مؤكدا، داعية، قائلا), an attribution (بحسب X، وفق بيان لـ X), or a headline
"X: ...". The speaker is the verb's subject (see `clauses`): a topic before it, a subject after
it, a spokesman or official of a body ("المتحدث باسم X", "مسؤول في X") that stands for the body
(or the person named after it), a definite head noun taking up the body named before ("الوزارة"),
the subject of a relative clause's own verb ("X، التي تتهمها أنقرة"), the issuer of a statement
("وجاء في بيان لـ X"), each of several coordinated subjects ("استنكرت مصر وقطر"), or the previous
speaker when the verb only carries a pronoun (not when an unnamed subject follows: "ويطالب نواب").

The kind starts from the verb (دعا -> call, ندد -> condemn, توعد -> threaten, تبنى -> claim ...)
with checks where a verb has other senses (رفض الكشف is no condemnation, نفى only denies
responsibility when responsibility follows, أعلن is a claim when the object is responsibility or,
for an armed group, the attack itself; كتب and أقر report words only when words follow; هاجم is
speech only from a person against a person or body, with no weapon; rejecting blame is a denial).
A neutral verb takes the kind its words carry ("ندعو" -> call, "عمل همجي مدان" -> condemn, "سنرد
بقوة" -> threaten, "نفذته X" -> accuse X), and a participle that only goes on with a more telling
act of the same speaker ("توعد ...، قائلا") adds no second statement.
Negated claims ("لم يتبن أحد التفجير ...") make no statement at all.

The date is a date written between the verb and what was said ("ذكرت صباح 9 آذار أن ..."),
else the publication date for speech reported as current, else none (pluperfect "وكان ... قد",
"سابقا": said at some earlier, unstated time).

`kg_statement_linker` runs after `kg_events` and ties each statement to the event it is about.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc

from core.event_types import VIOLENT
from loaders.nlp.clauses import (
    ADVERBS,
    CONNECTIVES,
    FORMER_SPEAKER,
    PREPOSITIONS,
    PUNCT_SOFT,
    QUOTES,
    UNRESOLVED,
    DocIndex,
)
from loaders.nlp.gazetteer import Gazetteer
from loaders.nlp.lexicon import Lexicon, SpeechVerb
from loaders.nlp.records import EntityMention, EventRecord, StatementRecord

if not Doc.has_extension("kg_index"):
    Doc.set_extension("kg_index", default=None)

_EARLIER = "<earlier>"  # marks speech reported as past at an unstated time ("وكان ... قد قال")
_UNNAMED = StatementRecord("statement", None, -1, -1, -1, -1)  # marker: a speaker we cannot name
_ELABORATED = frozenset({"accuse", "condemn", "threaten", "claim_responsibility", "deny_responsibility"})
_ARMED = frozenset({"armed_group"})
_BULLETS = frozenset({"*", "•", "●", "▪", "-", "–", "—", "·"})
# who claims an attack by telling it as its own: armed groups, and states and their forces
# announcing their own strikes (the gold conventions accept a claim there)
#: "أنها", "بأنها" ... before a verb: the speaker is its subject ("أفادت الحركة بأنها نفذت")
_SELF_PRONOUNS = frozenset({"انها", "انه", "انهم", "اننا", "بانها", "بانه", "بانهم", "باننا"})
_OWN_ATTACKERS = frozenset({"armed_group", "military", "state", "coalition", "government"})
_VERBAL_TARGETS = frozenset({"person", "government", "state", "political_party", "international_org"})


def _bi_masdar(norm: str) -> bool:
    """'باستخدام', 'بتنفيذ', 'بمواصلة': ب on a verbal noun the normaliser did not know (a leading
    alef, ta or mim: استفعال، تفعيل، مفاعلة; or a final ta marbuta)."""
    return len(norm) >= 5 and norm[0] == "ب" and (norm[1] in "اتم" or norm.endswith("ه"))


def doc_index(doc: Doc, gazetteer: Gazetteer, lexicon: Lexicon) -> DocIndex:
    """One `DocIndex` per doc, shared by the components that follow the entity components."""
    idx = doc._.kg_index
    if idx is None:
        idx = DocIndex(doc, gazetteer, lexicon)
        doc._.kg_index = idx
    return idx


class StatementExtractor:
    def __init__(self, nlp: Language, name: str, gazetteer: Gazetteer, lexicon: Lexicon) -> None:
        self.name = name
        self.gaz = gazetteer
        self.lex = lexicon
        s = lexicon.set
        self.negations = s("negations")
        self.relatives = s("relative_pronouns")
        self.impersonal = s("impersonal")
        self.complementizers = s("complementizers")
        self.statement_nouns = s("statement_nouns")
        self.attribution = s("attribution")
        self.after_attribution = s("report_verbs_after_attribution")
        self.pluperfect = s("pluperfect")
        self.responsibility = s("responsibility_words")
        self.claim_words = s("claim_words")
        self.deny_words = s("deny_words")
        self.expressed_nouns = s("expressed_nouns")
        self.footage_nouns = s("footage_nouns")
        self.involvement = s("involvement_forms")
        self.negated_copulas = s("negated_copulas")
        self.reject_non_objects = s("reject_non_objects")
        self.directive_words = s("directive_words")
        self.assessment_verbs = s("assessment_verbs")
        self.judgement_nouns = s("judgement_nouns")
        self.issued_by = s("issued_by")
        self.clause_openers = s("clause_openers")
        self.reported_words = s("reported_words")
        self.claim_verbs = s("claim_verbs")
        self.fighter_nouns = s("fighter_nouns")
        self.own_means = s("own_means_nouns")
        self.means_modifiers = s("weapon_modifiers")
        self.designated = s("designated_nouns")
        self.hypothetical = s("hypothetical_openers")
        self.claim_nouns = s("claim_nouns")
        self.generic_quantifiers = s("generic_quantifiers")
        self.announce_nouns = s("announce_nouns")
        self.attack_verbs = frozenset(
            form
            for form, trig in lexicon.triggers.items()
            if trig.type in _VIOLENT_TYPES and trig.cls in ("verb", "light", "launch")
        )
        # verbs of hitting or killing that tell an attack only with a weapon or fighters for subject
        self.hit_verbs = frozenset(
            form for form, trig in lexicon.triggers.items() if trig.type in _VIOLENT_TYPES and trig.cls == "weapon_verb"
        )
        self.attribution_nouns = s("attribution_nouns")
        self.attribution_acts = s("attribution_acts")
        self.in_it = s("in_it")
        # cue phrases by their first word: one dict lookup per token of the reported words
        self.cue_index: dict[str, list[tuple[tuple[str, ...], str, int]]] = {}
        for rank, kind in enumerate(lexicon.cue_order):
            for phrase in lexicon.cues.get(kind, []):
                self.cue_index.setdefault(phrase[0], []).append((phrase, kind, rank))

    # ------------------------------------------------------------------ detection
    def __call__(self, doc: Doc) -> Doc:
        idx = doc_index(doc, self.gaz, self.lex)
        records: list[StatementRecord] = []
        sent_of_record: list[int] = []
        for sent_no, (s, e) in enumerate(idx.sents):
            found = self._sentence(idx, sent_no, s, e, records, sent_of_record)
            for rec in found:
                records.append(rec)
                sent_of_record.append(sent_no)
        doc._.kg_statements = self._merge(records, sent_of_record)
        return doc

    def _sentence(
        self, idx: DocIndex, sent_no: int, s: int, e: int, prior: list[StatementRecord], prior_sents: list[int]
    ) -> list[StatementRecord]:
        out: list[StatementRecord] = []
        headline = self._headline(idx, s, e)
        if headline is not None:
            out.append(headline)
        unnamed = False  # an act of speech by a source we cannot name ("مصادر أمنية")
        verbs = self.lex.speech_verbs
        for i in range(s, e):
            verb = verbs.get(idx.norms[i])
            if verb is None or idx.cover[i] is not None or idx.quote_cover[i]:
                continue
            inside = next((r for r in reversed(out) if r.content_start <= i < r.content_end), None)
            if inside is not None and not self._continues(idx, i, verb, inside):
                continue
            if verb.participle and unnamed and not out:
                continue  # "..., مضيفا" goes on with that unnamed source
            rec = self._from_verb(idx, i, verb, s, e, sent_no, out, prior, prior_sents, inside)
            if rec is _UNNAMED:
                unnamed = True
            elif rec is not None:
                # the others first, so that "..., ودعتا" finds the whole group in out[-1]
                out.extend(replace(rec, speaker=other, co_speakers=[]) for other in rec.co_speakers)
                out.append(rec)
        if not out:
            out.extend(self._attributions(idx, s, e))
        out.extend(self._nominal(idx, s, e, out))
        for n, rec in enumerate(out):
            # what was said runs to the next act of speech; a participle ("قائلة", "مضيفا")
            # goes on with the same one
            later = [r.verb for r in out[n + 1 :] if r.verb > rec.verb and not self._is_participle(idx, r.verb)]
            rec.content_end = max(rec.content_start, min(rec.content_end, later[0] if later else e))
            self._finish(idx, rec)
        return out

    def _is_participle(self, idx: DocIndex, k: int) -> bool:
        verb = self.lex.speech_verbs.get(idx.norm(k))
        return verb is not None and verb.participle

    def _continues(self, idx: DocIndex, i: int, verb: SpeechVerb, inside: StatementRecord) -> bool:
        """Inside someone's reported words only a participle, 'في تصريح شدد فيه', a new clause
        ('فيما أدانت الحكومة'), or a verb joined by و after a comma or after a plain object
        ('أدانت الهجوم ودعت إلى') starts a new act of speech; 'قال إن X دعا' is X's words as reported."""
        if verb.participle:
            return True
        prev = idx.norm(i - 1)
        if prev in self.statement_nouns or prev in self.clause_openers:
            return True
        if self._document_subject(idx, i, inside.content_start) is not None:
            return True  # "الخارجية: المذكرة طالبت ...": the document goes on speaking for its issuer
        if not idx.clitics[i].startswith("و"):
            return False
        clausal = (
            idx.norm(inside.content_start - 1) in self.complementizers
            or idx.text(inside.content_start - 1) == ":"
            or idx.text(inside.content_start) in QUOTES
        )
        return idx.text(i - 1) in ("،", ",") or not clausal

    def _document_subject(self, idx: DocIndex, i: int, start: int) -> int | None:
        """The definite document noun ('المذكرة', 'البيان', 'الرسالة') that opens the clause of the
        verb at i, as its subject ("المذكرة التي سلمها الوكيل إلى السفير حملت ..."), if any."""
        k = i - 1
        while k > start and idx.texts[k] not in (":", "،", ",", ".") and i - k < 30:
            k -= 1
        if idx.texts[k] in (":", "،", ",", "."):
            k += 1
        while k < i and (idx.space[k] or idx.punct[k] or idx.texts[k] in _BULLETS):
            k += 1
        if k < i and idx.norms[k] in self.statement_nouns and idx.norms[k].startswith("ال"):
            return k
        return None

    def _headline(self, idx: DocIndex, s: int, e: int) -> StatementRecord | None:
        """'تركيا: لن نسمح بتهديد حدودنا' — a name and a colon open a line of reported speech."""
        i = s
        while i < e and (idx.space[i] or idx.texts[i] in _BULLETS):
            i += 1  # "* الخارجية: ...": a bullet before the name
        m = idx.starts.get(i)
        if m is None or m.end >= e or idx.text(m.end) != ":":
            return None
        if sum(1 for k in range(m.end + 1, e) if not (idx.punct[k] or idx.space[k])) < 3:
            return None  # "واشنطن: الصباح": a dateline, not words said
        actor = idx.promote(m)
        if actor is None:
            return None
        return StatementRecord("statement", actor, s, i, m.end + 1, e, speaker_source="headline", kind_source="neutral")

    def _from_verb(
        self,
        idx: DocIndex,
        i: int,
        verb: SpeechVerb,
        s: int,
        e: int,
        sent_no: int,
        out: list[StatementRecord],
        prior: list[StatementRecord],
        prior_sents: list[int],
        inside: StatementRecord | None = None,
    ) -> StatementRecord | None:
        norm = idx.norm(i)
        if norm in self.impersonal:
            return None
        prev = idx.norm(i - 1) if i > s else ""
        if not verb.participle and (prev in PREPOSITIONS or "ب" in idx.clitics[i] or "ك" in idx.clitics[i]):
            return None  # "على تبني X", "بتأكيد": after a preposition it is the verbal noun, not a verb
        if prev == "ما" and idx.norm(i - 2) in self.attribution:
            prev = ""  # "بحسب ما ذكرته الهيئة": ما is "what", not "not"
        elif prev in self.negations or (prev == "قد" and idx.norm(i - 2) in self.negations):
            return None
        if verb.participle and prev == "غير":
            return None  # "جولة غير معلنة": an adjective, not a speech act
        speaker: str | None = None
        agent_end = i + 1
        topic_start = i
        co_speakers: list[str] = []
        continued = verb.participle  # goes on with the act of speech before it in the sentence
        about: str | None = None  # the antecedent a relative clause's verb is about
        source = "subject"  # how the speaker was found (StatementRecord.speaker_source)
        if verb.guard == "in_statement" and idx.norm(i + 1) in self.in_it and self._speech_noun_before(idx, s, i):
            # "نشرت X بيانا جاء فيه أن ...", "أصدرت X بيانا ورد فيه": the statement's issuer speaks
            speaker = self._sentence_subject(idx, s, i)
            agent_end = i + 2
            source = "issuer"
        elif verb.guard == "in_statement":
            # "وجاء في بيان صادر عن X أن", "وورد في تغريدة لـ X": X's words; "جاء الهجوم" is not
            if idx.norm(i + 1) != "في" or idx.norm(i + 2) not in self.statement_nouns:
                return None
            agent = idx.agent_after(i + 1, e)
            if agent.actor is None or agent.actor == UNRESOLVED:
                return None
            speaker, agent_end = agent.actor, agent.end
            source = "issuer"
            if agent.mention is not None:
                idx.promote(agent.mention)
        elif verb.guard == "reported_from":
            source = "source"  # the source after عن speaks (below)
        elif verb.participle:
            speaker = self._inherit(out, prior, prior_sents, sent_no)
            source = "inherited"
        elif out and idx.clitics[i].startswith("و") and idx.text(i - 1) in ("،", ","):
            speaker = out[-1].speaker  # "واستنكرت الوزارة ...، وطالبت أنقرة بـ": same speaker, object after
            co_speakers = list(out[-1].co_speakers)  # "أدانت مصر والأردن ...، ودعتا"
            continued = True
            source = "coordinated"
        elif prev in self.relatives:
            source = "relative"
            if verb.suffixed and verb.lemma in self.assessment_verbs:
                return None  # "الذين تعتبرهم أنقرة جماعات إرهابية": a standing designation, no act of speech
            agent = idx.agent_after(i, e) if verb.suffixed else None
            if agent is not None and agent.actor not in (None, UNRESOLVED):
                # "الحركة، التي تتهمها أنقرة بـ": Ankara speaks, about the antecedent
                speaker, agent_end = agent.actor, agent.end
                if agent.mention is not None:
                    idx.promote(agent.mention)
                about = self._antecedent(idx, i - 1, s)
            else:
                speaker = self._antecedent(idx, i - 1, s)
        elif idx.norm(i + 1) in self.in_it and self._speech_noun_before(idx, s, i):
            # "ألقى X خطابا طالب فيه بـ ...": the one who gave the speech
            speaker = self._sentence_subject(idx, s, i)
            source = "issuer"
        elif self._document_subject(idx, i, s) is not None:
            # "المذكرة ... حملت", "البيان طالب": the document speaks for whoever issued it
            speaker = (
                (inside.speaker if inside is not None else None)
                or self._inherit(out, prior, prior_sents, sent_no)
                or self._issuer_before(idx, s)
            )
            source = "inherited"
        else:
            topic = idx.topic_before(i, s)
            if topic is not None:
                speaker = idx.promote(topic)
                topic_start = topic.start
                source = "topic"
            else:
                if self._after_noun(idx, i, s) and not verb.suffixed:
                    return None  # "مشروعا يدعو الوزارة": the noun before is the subject
                agent = idx.agent_after(i, e, skip_object=verb.kind == "claim_responsibility")
                if agent.actor == UNRESOLVED:
                    return _UNNAMED
                if agent.actor == FORMER_SPEAKER:
                    speaker = (
                        (inside.speaker if inside is not None else None)
                        or self._inherit(out, prior, prior_sents, sent_no)
                        or self._issuer_before(idx, s)
                    )
                    agent_end, source = agent.end, "inherited"
                elif agent.actor is not None and self._addressed(idx, verb, agent.end, out):
                    # "..., في حين دعا الولايات المتحدة إلى وقف ...": the speaker of the sentence
                    # calls on X; X is whom the call addresses, not who makes it
                    speaker, source = out[-1].speaker, "coordinated"
                elif agent.actor is not None:
                    speaker = agent.actor
                    if (
                        agent.mention is not None
                        and agent.mention.actor_id != speaker
                        and agent.mention.source == "nisba"
                    ):
                        agent.mention.actor_id = speaker  # "ضابط عسكري تركي": the forces, not the state
                    elif agent.mention is not None:
                        idx.promote(agent.mention)
                    agent_end = agent.end
                    co_speakers, agent_end = self._co_speakers(idx, agent_end, e, speaker)
                elif inside is not None and idx.clitics[i].startswith("و"):
                    speaker = inside.speaker  # "أدانت الحكومة الهجوم ودعت إلى ...": the same speaker
                    source = "coordinated"
                elif self._unnamed_subject(idx, i + 1, e):
                    return _UNNAMED  # "ويطالب نواب ...": someone the text does not name
                elif self._clause_initial(idx, i, s):
                    speaker = self._inherit(out, prior, prior_sents, sent_no)
                    source = "inherited"
        if verb.guard == "reported_from":
            # "نقلت رويترز عن مسؤول في الوزارة قوله": the source after عن speaks, if it has a name
            speaker, agent_end = self._source_after_an(idx, i + 1, e)
        if speaker is None or speaker == UNRESOLVED:
            return None
        head = self._object_head(idx, agent_end, e)
        kind = self._verb_kind(idx, i, verb, agent_end, e, speaker, head)
        if kind is None:
            return None
        content_start = self._content_start(idx, agent_end, e)
        content_end = e
        if about:
            # "X، التي تتهمها أنقرة بالتفجير، قد أكدت": the relative clause ends at its comma
            content_end = next((k for k in range(content_start, e) if idx.texts[k] in ("،", ",")), e)
        rec = StatementRecord(kind, speaker, s, i, content_start, content_end, speaker_source=source)
        rec.kind_source = (
            "verb" if kind == verb.kind and kind != "statement" else "neutral" if kind == "statement" else "object"
        )
        rec.object_head = head
        rec.agent_end = agent_end
        rec.co_speakers = co_speakers
        rec.participle = continued
        if about and about != speaker:
            rec.object_actor = about
        rec.head_dates = [
            n for n, d in enumerate(idx.dates) if (i < d.start < content_start) or (topic_start < d.start < i)
        ]
        if verb.participle and out:
            # a participle is said when its clause was said
            rec.head_dates = rec.head_dates or out[-1].head_dates
            if out[-1].date == _EARLIER:
                rec.date = _EARLIER
        elif self._pluperfect(idx, min(i, topic_start), s):
            rec.date = _EARLIER
        return rec

    def _co_speakers(self, idx: DocIndex, j: int, e: int, first: str) -> tuple[list[str], int]:
        """'استنكرت مصر وقطر': more subjects joined by و, of the same standing as the first.
        Returns them and the first token after the last."""
        out: list[str] = []
        kind = idx.actor_kind(first)
        while j < e and idx.clitics[j].startswith("و") and "ب" not in idx.clitics[j] and "ل" not in idx.clitics[j]:
            m = idx.starts.get(j)
            actor = idx.actor_of(m) if m is not None else None
            if actor is None or actor == first or actor in out or idx.actor_kind(actor) != kind:
                break
            idx.promote(m)
            out.append(actor)
            j = m.end
        return out, j

    def _issuer_before(self, idx: DocIndex, s: int) -> str | None:
        """Who issued the statement a text named before sentence s ("أصدرت X بيانا", "في بيان لـ X"):
        the subject of the sentence that names it, or the name after it."""
        for k in range(s - 1, max(-1, s - 400), -1):
            if idx.norms[k] not in self.statement_nouns:
                continue
            start = next((a for a, b in idx.sents if a <= k < b), 0)
            issuer = idx.agent_after(k, min(idx.n, k + 6)).actor if "ل" in idx.clitic_of(k + 1) else None
            if issuer in (None, UNRESOLVED, FORMER_SPEAKER):
                issuer = self._sentence_subject(idx, start, k)
            if issuer is not None:
                return issuer
        return None

    def _unnamed_subject(self, idx: DocIndex, j: int, e: int) -> bool:
        """A plain indefinite noun right after the verb is its subject, one without a name
        ("ويطالب نواب", "وأكد شهود"): the verb does not go on with an earlier speaker."""
        while j < e and idx.space[j]:
            j += 1
        if j >= e or idx.punct[j] or idx.cover[j] is not None or idx.date_cover[j] is not None:
            return False
        norm = idx.norms[j]
        if norm in self.lex.set("titles") or norm in self.lex.set("official_nouns"):
            return True
        return (
            norm.isalpha()
            and not norm.startswith("ال")
            and not idx.clitics[j]
            and norm not in self.lex.words
            and norm not in ADVERBS
            and norm not in CONNECTIVES
            and norm not in PREPOSITIONS
            and norm not in self.complementizers
            and norm not in self.statement_nouns
            and norm not in self.lex.speech_verbs
            and norm not in self.negations
        )

    def _speech_noun_before(self, idx: DocIndex, s: int, i: int) -> bool:
        return any(idx.norms[k] in self.statement_nouns for k in range(max(s, i - 6), i))

    def _sentence_subject(self, idx: DocIndex, s: int, i: int) -> str | None:
        """The first actor of the sentence before token i that no preposition governs."""
        for m in idx.mentions:
            if m.start >= i:
                break
            if m.start < s or m.source == "nested" or (idx.governed(m) and not idx.organ_before(m, s)):
                continue
            actor = idx.actor_of(m)
            if actor is not None:
                idx.promote(m)
                return actor
        return None

    def _source_after_an(self, idx: DocIndex, j: int, e: int) -> tuple[str | None, int]:
        k = next((k for k in range(j, min(e, j + 6)) if idx.norms[k] == "عن"), None)
        if k is None:
            return None, j
        agent = idx.agent_after(k, e)
        if agent.actor is None or agent.actor == UNRESOLVED:
            return None, j
        if agent.mention is not None:
            idx.promote(agent.mention)
        end = agent.end + 1 if idx.norm(agent.end) in self.reported_words else agent.end
        return agent.actor, end

    def _addressed(self, idx: DocIndex, verb: SpeechVerb, end: int, out: list[StatementRecord]) -> bool:
        """A call verb after a clause opener whose name is followed by إلى/بـ, in a sentence that
        already has a speaker: the name is the call's addressee."""
        if verb.kind != "call" or not out or end >= idx.n:
            return False
        return idx.norm(end) in ("الي", "إلى") or idx.norm(end) == "ب" or "ب" in idx.clitic_of(end)

    def _after_noun(self, idx: DocIndex, i: int, s: int) -> bool:
        """True when a plain content word (no name, particle, date or punctuation) precedes the
        verb: the verb then describes that word ('قرارا يدعو', 'مهمة تقول')."""
        if i <= s or idx.clitics[i]:
            return False
        norm = idx.norm(i - 1)
        if not norm.isalpha() or idx.cover[i - 1] is not None or idx.date_cover[i - 1] is not None:
            return False
        return not (
            norm in ADVERBS
            or norm in CONNECTIVES
            or norm in self.negations
            or norm in self.complementizers
            or norm in self.statement_nouns
            or norm in PREPOSITIONS
            or norm in self.lex.words
            or norm in self.clause_openers  # "في حين دعا"
        )

    def _inherit(
        self, out: list[StatementRecord], prior: list[StatementRecord], prior_sents: list[int], sent_no: int
    ) -> str | None:
        if out:
            return out[-1].speaker
        if prior and prior_sents[-1] >= sent_no - 2:
            return prior[-1].speaker
        return None

    def _antecedent(self, idx: DocIndex, rel: int, s: int) -> str | None:
        """'الناطق الذي أوضح' / 'القنصلية، التي ذكرت': the noun the relative clause hangs on."""
        j = rel - 1
        if j >= s and idx.text(j) in ("،", ","):
            j -= 1
        if j < s:
            return None
        m = idx.cover[j]
        if m is not None:
            return idx.promote(m)
        norm = idx.norm(j)
        if norm in self.lex.set("anaphor_spokesman") or norm in self.lex.set("anaphor_media"):
            return idx.anaphor(norm, j)
        return None

    def _clause_initial(self, idx: DocIndex, i: int, s: int) -> bool:
        j = i - 1
        while j >= s and idx.space[j]:
            j -= 1
        if j < s:
            return True
        if idx.text(j) in PUNCT_SOFT or idx.text(j) in (":", "."):
            return True
        return idx.norm(j) in ("كان", "كانت", "قد", "ثم", "كما", "لقد")

    def _pluperfect(self, idx: DocIndex, start: int, s: int) -> bool:
        window = range(max(s, start - 3), start + 1)
        return any(idx.norm(k) in self.pluperfect for k in window) or idx.norm(start + 1) in ("سابقا",)

    def _content_start(self, idx: DocIndex, j: int, e: int) -> int:
        """Where the reported words begin: after 'أن'/'إن' or ':' or at an opening quote, else
        after the recipient, date and adverbs that follow the subject."""
        limit = min(e, j + 18)
        k = j
        while k < limit:
            norm = idx.norms[k]
            if idx.cover[k] is not None:
                k = idx.cover[k].end  # "لشبكة سي إن إن": an إن inside a name introduces nothing
                continue
            if norm in self.complementizers or idx.texts[k] == ":":
                return k + 1
            if idx.texts[k] in QUOTES:
                if k > 0 and idx.quote_cover[k - 1] and not idx.quote_cover[k]:
                    k += 1  # the closing quote of '"حركة النجباء"' as the subject
                    continue
                if not self._quoted_name(idx, k):
                    return k
                k = idx.starts[k + 1].end + 1  # past the closing quote of '"بنتاغون"'
                continue
            k += 1
        k = j
        while k < e:
            m = idx.cover[k]
            if idx.punct[k] or idx.space[k] or idx.date_cover[k] is not None or idx.norms[k] in ADVERBS:
                k += 1
            elif m is not None and (idx.governed(m) or self._quoted_name(idx, k - 1)):
                k = m.end  # "لرويترز", or an appositive name in quotes
            else:
                break
        return k

    def _quoted_name(self, idx: DocIndex, k: int) -> bool:
        """'وزارة الدفاع "بنتاغون"': a quote around nothing but a name is no quotation."""
        if k < 0 or idx.text(k) not in QUOTES:
            return False
        m = idx.starts.get(k + 1)
        return m is not None and m.end < idx.n and idx.text(m.end) in QUOTES

    # ------------------------------------------------------------------ kinds
    def _window(self, idx: DocIndex, start: int, end: int) -> list[str]:
        return [idx.norm(k) for k in range(start, min(end, idx.n))]

    def _verb_kind(
        self, idx: DocIndex, i: int, verb: SpeechVerb, j: int, e: int, speaker: str, head: int | None
    ) -> str | None:
        kind = verb.kind
        lemma = verb.lemma
        if lemma == "وعد" and "\u0651" in idx.text(i):
            kind, lemma = "statement", "عد"  # "وعدّت": "and she deemed", not "she promised"
        ahead = range(j, min(e, j + 8, idx.n))
        after = [idx.norms[k] for k in ahead]
        first = next((idx.norms[k] for k in ahead if not idx.punct[k] and idx.date_cover[k] is None), "")
        guard = verb.guard
        if guard == "reject_object" and (first in self.reject_non_objects or first in self.complementizers):
            return None
        if guard == "threat_object":
            # "توعد بالرد", "هدد، في تصريحات للصحفيين ...، بفرض عقوبات": what is threatened
            ok = any(
                "ب" in idx.clitic_of(k)
                or _bi_masdar(idx.norm(k))
                or idx.text(k) in QUOTES
                or idx.text(k) == ":"
                or idx.norm(k) in self.complementizers
                for k in range(j, min(e, j + 20))
            )
            if not ok:
                return None
        if guard == "written" and not any(
            idx.text(k) in QUOTES or idx.text(k) == ":" or idx.norm(k) in self.complementizers
            for k in range(j, min(e, j + 10))
        ):
            return None  # "كتب" reports words only when they follow ("كتب على منصة إكس أن ...")
        if guard == "admit" and not any(
            idx.norm(k) in self.complementizers or "ب" in idx.clitic_of(k) for k in range(j, min(e, j + 10))
        ):
            return None  # "أقر بأن", "أقر بإصابة" (admitted); "أقر البرلمان القانون" is no speech
        if guard == "verbal_attack" and not self._verbal_attack(idx, i, j, e, speaker):
            return None
        if guard == "footage":
            return "claim_responsibility" if self._own_footage(idx, j, e, speaker) else None
        blame = self.attribution_nouns if guard == "deny_object" else self.attribution_acts
        if kind in ("condemn", "deny_responsibility") and any(idx.norms[k] in blame for k in range(j, min(e, j + 14))):
            # "رفض ... مساعي إلصاق التفجير بتركيا", "نفى الاتهامات": denies it had a hand in it
            return "deny_responsibility"
        if kind == "condemn" and guard == "reject_object":
            window = [idx.norms[k] for k in range(j, min(e, j + 12))]
            if any(w in self.attribution_nouns for w in window) and any(
                w in self.deny_words or self._attack_word(w) for w in window
            ):
                return "deny_responsibility"  # "رفضت الاتهامات بالوقوف وراء الهجوم": denies its part
        if guard == "claim_object" and any(w in ("قرار", "القرار", "قرارا") for w in after):
            return None
        if kind == "claim_responsibility" and any(
            idx.norms[k] in self.generic_quantifiers for k in [*range(max(0, i - 8), i), *range(j, min(e, j + 3))]
        ):
            return None  # "غالبية الهجمات تبنتها X": a summary of many attacks, no claim of one
        if guard == "deny_object":
            # "نفى أي علاقة له", "نفى المسؤولية", "نفى الاتهامات", and denials of the act itself:
            # "نفى استخدام أراضيه لمهاجمة ...", "نأت بنفسها عن قصف السفارة", "نفى ... إطلاق صواريخ"
            denied = self.deny_words | self.responsibility | self.attribution_nouns
            if any(w in denied for w in after) or any(
                self._attack_word(w) for w in self._window(idx, j, min(e, j + 18))
            ):
                return kind
            return "statement"
        if guard == "responsibility_object" and not any(w in self.responsibility for w in after):
            return None
        if guard == "speech_object" and not any(
            w in self.lex.object_kinds or w in self.expressed_nouns for w in after[:4]
        ):
            return None  # "سارعت إلى نفي ...", "بادر إلى إدانة ...": hastening to speak, not to go somewhere
        if guard == "directive" and any(self.lex.object_kinds.get(w) == "accuse" for w in after[:3]):
            return "accuse"  # "وجه اتهامات لطهران": an accusation, not an order
        if guard == "directive" and not any(w in self.directive_words for w in self._window(idx, i + 1, i + 5)):
            return None
        if verb.object_kind or (kind == "statement" and lemma not in self.assessment_verbs):
            # "جدد الدعوة", "أكد التزام الحكومة", "مؤكدة رفضها": the noun names the act (but what
            # "وصف"/"اعتبر" take is what is judged: "واصفا الاتهامات بأنها ..." accuses nobody)
            words = after[:6] if verb.object_kind else ([idx.norm(head)] if head is not None else [])
            for w in words:
                if w in self.lex.object_kinds:
                    return self.lex.object_kinds[w]
        if kind == "statement" and lemma in self.assessment_verbs and any(w in self.judgement_nouns for w in after[:6]):
            return "condemn"  # "وصف الضربة بالاعتداء", "اعتبر القصف عدوانا": judged, so condemned
        if verb.lemma == "اعلن" and self._announced_attack(idx, j, e, speaker):
            return "claim_responsibility"
        if kind == "statement" and head is not None and self._own_attack_noun(idx, head, speaker):
            return "claim_responsibility"  # "أكدت الحركة استهدافها قاعدة حرير": its own attack, told
        return kind

    def _own_attack_noun(self, idx: DocIndex, k: int, speaker: str) -> bool:
        """The object of an armed group's speech verb is the attack with the group's own pronoun on
        it, followed by what was hit: 'استهدافها قاعدة', 'قصفه مواقع', 'مهاجمتها هدفا'."""
        if idx.actor_kind(speaker) not in _ARMED or k + 1 >= idx.n or idx.punct[k + 1]:
            return False
        norm = idx.norms[k]
        for suffix in _OWN_PRONOUNS:
            if not norm.endswith(suffix) or len(norm) - len(suffix) < 3:
                continue
            base = norm[: -len(suffix)]
            base = base[:-1] + "ه" if base.endswith("ت") else base  # مهاجمتها -> مهاجمه
            if self._attack_noun(base):
                return True
        return False

    def _announced_attack(self, idx: DocIndex, j: int, e: int, speaker: str) -> bool:
        """'أعلن X مسؤوليته عن', 'أعلنت X، وهي جماعة موالية لإيران، اليوم، استهداف قاعدة': the
        object of أعلن, past an apposition or a date, is responsibility, or for an armed group
        the attack itself. The object ends where what was said begins (أن، :، a quote) or at a
        relative clause about someone else."""
        armed = idx.actor_kind(speaker) in _ARMED
        for k in range(j, min(e, j + 14)):
            norm = idx.norms[k]
            if norm in self.complementizers or norm in self.relatives or idx.texts[k] in (":",) or idx.quote_cover[k]:
                return False
            if norm in self.responsibility or norm.startswith("تبني"):
                return True
            if armed and "ب" not in idx.clitic_of(k) and (norm in self.claim_words or self._attack_noun(norm)):
                return True  # "أعلنت X تنفيذ هجوم", "أعلنت X مهاجمة قاعدة"
            if norm in self.lex.speech_verbs and norm not in PREPOSITIONS:
                return False  # (but "عبر معرفاته": 'via', not 'expressed')
        return False

    def _attack_noun(self, norm: str) -> bool:
        """A noun or verbal noun naming an attack or strike ('مهاجمة', 'قصف', 'الغارة')."""
        trig = self.lex.triggers.get(norm)
        return trig is not None and trig.type in _VIOLENT_TYPES and trig.cls in ("masdar", "noun")

    def _own_footage(self, idx: DocIndex, j: int, e: int, speaker: str) -> bool:
        """'بث الحوثيون مقطعا مصورا يظهر استهداف سفينة', 'نشرت X مشاهد لعملية قصف': a body that
        can attack publishing footage of an attack shows its own act; a channel airing footage
        ('بثت قناة مقطعا يظهر القصف') or a force deployed ('نشر الجيش قوات') claims nothing."""
        if not self._speaks_for_attackers(idx, speaker):
            return False
        shown = next((k for k in range(j, min(e, j + 3)) if idx.norms[k] in self.footage_nouns), None)
        if shown is None:
            return False
        for k in range(shown + 1, min(e, shown + 6)):
            if idx.punct[k] or idx.norms[k] in self.relatives:
                return False  # "صورا للدمار الذي خلفه القصف": what the footage shows ends there
            if self._attack_word(idx.norms[k]):
                owner = idx.starts.get(k + 1)
                doer = idx.actor_of(owner) if owner is not None and not idx.governed(owner) else None
                return doer is None or doer in (speaker, idx.body_of(speaker))  # "يظهر قصف حماس": not its own
        return False

    def _attack_word(self, norm: str) -> bool:
        """A word naming an attack or strike (a trigger of a violent event type)."""
        trig = self.lex.triggers.get(norm)
        return trig is not None and trig.type in _VIOLENT_TYPES and trig.cls != "passive"

    def _verbal_attack(self, idx: DocIndex, i: int, j: int, e: int, speaker: str) -> bool:
        """'هاجم X (a person) رئيس الوزراء': attacked in words. Only a person attacking a person
        or a body, with no weapon in the clause, is speech; armed attacks are events."""
        if idx.actor_kind(speaker) != "person":
            return False
        if any(idx.norms[k] in self.lex.weapons or idx.norms[k] in self.lex.set("projectiles") for k in range(i, e)):
            return False
        for k in range(j, min(e, j + 6)):
            m = idx.starts.get(k)
            if m is not None:
                return not idx.governed(m) and idx.actor_kind(idx.actor_of(m)) in _VERBAL_TARGETS
            if idx.punct[k]:
                break
        return False

    def _object_head(self, idx: DocIndex, j: int, e: int) -> int | None:
        """The first word of a nominal object after the subject ('أعلنت ... تنفيذ ضربة')."""
        for k in range(j, min(e, j + 16)):
            norm = idx.norms[k]
            if (
                idx.punct[k]
                or idx.space[k]
                or idx.date_cover[k] is not None
                or idx.cover[k] is not None
                or norm in ADVERBS
                or norm in ("عن", "رسميا")
            ):
                continue
            if norm in self.complementizers:
                return None
            return k
        return None

    def _after_attack_noun(self, idx: DocIndex, k: int) -> bool:
        """'الهجوم (بصاروخين على X) نفذته جماعات', 'الضربة التي نفذتها': what was carried out, named
        earlier in the same clause, is an attack."""
        for j in range(k - 1, max(-1, k - 9), -1):
            if idx.punct[j]:
                break
            trig = self.lex.triggers.get(idx.norm(j))
            if trig is not None and trig.type in _VIOLENT_TYPES and trig.cls in ("noun", "masdar"):
                return True
        return False

    def _cue_kind(self, idx: DocIndex, rec: StatementRecord) -> tuple[str | None, int]:
        """The first cue phrase (by kind precedence) in the reported words, and where it ends."""
        armed = idx.actor_kind(rec.speaker) in _ARMED
        best: tuple[int, int, str] | None = None  # (precedence, end, kind)
        norms = idx.norms
        for k in range(rec.content_start, rec.content_end):
            for phrase, kind, rank in self.cue_index.get(norms[k], ()):
                n = len(phrase)
                if tuple(norms[k : k + n]) != phrase or k + n > rec.content_end:
                    continue
                if kind == "claim_responsibility" and not armed:
                    continue
                if kind == "condemn" and (idx.cover[k - 1] is not None or self._designation(idx, k)):
                    continue  # an epithet ("داعش الإرهابي", "جماعات إرهابية"), not a judgement
                if kind == "condemn" and any(norms[x] in self.hypothetical for x in range(max(0, k - 4), k)):
                    continue  # "كل من يحاول انتهاك الدستور": a case considered, not an act judged
                if kind == "accuse" and norms[k].startswith("نفذ") and not self._after_attack_noun(idx, k):
                    continue  # "حملة نفذتها الشرطة الاتحادية": an operation, nobody blamed
                if best is None or rank < best[0]:
                    best = (rank, k + n, kind)
        denied = self._negated_involvement(idx, rec)
        rank = self.lex.cue_order.index("deny_responsibility")
        if denied is not None and (best is None or rank < best[0]):
            best = (rank, denied, "deny_responsibility")
        return (best[2], best[1]) if best else (None, rec.content_start)

    def _negated_involvement(self, idx: DocIndex, rec: StatementRecord) -> int | None:
        """A denial in the reported words, in any person: a negation, past a copula, 'لها' or 'أي',
        then a word of involvement ('علاقة', 'صلة', 'دور') or a verb of taking part ('لم تشارك',
        'لم يتورطوا', 'لا تقف وراء') with the attack named after it: 'إن الكتائب ليس لها أي
        علاقة بالهجوم', 'أن الحركة لم تتورط في الهجوم'. Also 'إنها لم تستهدف السفارة': the
        speaker's own attack, negated. Returns where the denial ends."""
        norms = idx.norms
        for k in range(rec.content_start, rec.content_end):
            if norms[k] not in self.negations:
                continue
            j = k + 1
            while j < rec.content_end and (idx.space[j] or norms[j] in self.negated_copulas):
                j += 1
            if j >= rec.content_end:
                return None
            word = norms[j]
            own = k == rec.content_start and idx.norm(k - 1) in ("انها", "انه", "انهم", "اننا")
            if own and (word in self.attack_verbs or word in self.lex.own_attack_forms):
                return j + 1
            if word in self.deny_words or word in self.involvement:
                ahead = range(j + 1, min(rec.content_end, j + 9))
                if any(self._attack_word(norms[x]) or norms[x] in self.claim_words for x in ahead):
                    return j + 1
        return None

    # ------------------------------------------------------------------ content
    def _finish(self, idx: DocIndex, rec: StatementRecord) -> None:
        cue_end = rec.content_start
        if rec.kind == "statement":
            # a group or a military telling its own attack claims it, whatever else its words
            # call things ("قصفنا مقرات جماعات إرهابية"); otherwise the words' cues give the kind
            if self._own_attack(idx, rec):
                rec.kind, rec.kind_source = "claim_responsibility", "own_attack"  # "قالت الكتائب إنها استهدفت ..."
            else:
                cue, cue_end = self._cue_kind(idx, rec)
                if cue is not None:
                    rec.kind, rec.kind_source = cue, "cue"
        after_speaker = rec.agent_end if rec.agent_end is not None else rec.verb + 1
        if rec.kind == "accuse":
            start = cue_end if cue_end > rec.content_start else after_speaker
            target = rec.object_actor or self._first_actor(
                idx, start, min(rec.content_end, start + 8), exclude=rec.speaker
            )
            if not target and cue_end > rec.content_start:
                # "إن كتائب حزب الله تقف وراء الهجوم", "إن جماعة X نفذته": the one blamed is the
                # subject before the cue
                target = self._first_actor(idx, rec.content_start, cue_end, exclude=rec.speaker)
            if target:
                rec.accused = [target]
            elif cue_end > rec.content_start:
                rec.kind = "statement"  # "الجهة التي تقف خلف الهجوم": nobody named, nobody blamed
        elif rec.kind in ("call", "threaten"):
            start = after_speaker if cue_end == rec.content_start else cue_end
            target = rec.object_actor or self._first_actor(
                idx, start, min(rec.content_end, start + 14), exclude=rec.speaker
            )
            if target:
                rec.addressees = [target]
        if rec.content_end > rec.content_start:
            quotes = self._quotes(idx, rec.content_start, rec.content_end)
            text = idx.table.span_text(rec.content_start, rec.content_end)[2].strip(' "«»“”.،,:')
            rec.quote = " … ".join(quotes) if quotes else (text or None)
        self._date(idx, rec)

    def _own_attack(self, idx: DocIndex, rec: StatementRecord) -> bool:
        """An armed group telling, in its own words, that it attacked: an attack verb in the first
        person ("استهدفنا", "نفذنا"), right after "أنها/أنه" ("قالت الكتائب إنها استهدفت"), or with the
        group's own fighters or arms as its subject ("شن مجاهدو المقاومة هجوما", "قواتنا استهدفت")."""
        if not self._speaks_for_attackers(idx, rec.speaker) or rec.content_start >= rec.content_end:
            return False
        norms = idx.norms
        for k in range(rec.content_start, rec.content_end):
            norm = norms[k]
            if norm in self.hit_verbs and norm not in self.attack_verbs:
                # "صواريخهم أصابت سفينة": hitting is an attack only with the group's own means
                if idx.norm(k - 1) in self.negations:
                    continue
                if self._fighters_before(idx, k, rec.content_start, rec.speaker):
                    return True
                if k == rec.content_start and idx.norm(k - 1) in _SELF_PRONOUNS and self._object_after(idx, k):
                    return True  # "زعم التنظيم أنه قتل خمسة جنود": the group itself killed them
                continue
            if norm not in self.attack_verbs and norm not in self.lex.own_attack_forms:
                continue
            if idx.norm(k - 1) in self.negations:
                continue  # "لم نستهدف": a denial, read elsewhere
            if norm in self.lex.own_attack_forms:
                return True
            if k == rec.content_start and idx.norm(k - 1) in _SELF_PRONOUNS:
                # a ministry's "أنه نُفذ من دون علمها" is the passive twin of its own act
                if idx.actor_kind(idx.body_of(rec.speaker or "")) != "government" or self._object_after(idx, k):
                    return True
            if self._fighters_at(idx, k + 1, rec.content_end, rec.speaker):
                return True
            if self._fighters_before(idx, k, rec.content_start, rec.speaker):
                return True
        return False

    def _speaks_for_attackers(self, idx: DocIndex, speaker: str | None) -> bool:
        """A body that can attack, or a person who is one's member ("يحيى سريع" of the Houthis):
        a spokesman and his body are one voice."""
        if idx.actor_kind(speaker) in _OWN_ATTACKERS or idx.mouthpiece_of(speaker) is not None:
            return True
        if idx.actor_kind(speaker) != "person":
            return False
        bodies = idx.gaz.actors.get(speaker or "", {}).get("member_of") or []
        return any(idx.actor_kind(b) in _OWN_ATTACKERS for b in bodies)

    def _object_after(self, idx: DocIndex, k: int) -> bool:
        """The verb at k goes on with its object ("إنها حيدت 5 مسلحين"), not with a preposition
        or a pause, as its passive twin does ("أنه نُفذ من دون علم", "إنها استُهدفت بصواريخ")."""
        j = k + 1
        while j < idx.n and idx.space[j]:
            j += 1
        if j >= idx.n or idx.punct[j]:
            return False
        return idx.norms[j] not in PREPOSITIONS and not set(idx.clitics[j]) & {"ب", "ل"}

    def _designation(self, idx: DocIndex, k: int) -> bool:
        """'جماعة إرهابية', 'مقرات "جماعة إرهابية"': the adjective at k labels a group noun."""
        j = k - 1
        while j > 0 and (idx.texts[j] in QUOTES or idx.space[j]):
            j -= 1
        return idx.norms[j] in self.designated or idx.norm(j - 1) in self.designated

    def _fighters_at(self, idx: DocIndex, j: int, end: int, speaker: str | None = None) -> bool:
        """The subject after an attack verb is a group's fighters ("مجاهدو", "قواتنا"), not those
        of another body named with them ("اقتحم مقاتلو داعش" in the army's words)."""
        while j < end and (idx.punct[j] or idx.space[j] or idx.date_cover[j] is not None or idx.norms[j] in ADVERBS):
            j += 1
        if j >= end or not self._fighter_word(idx, j):
            return False
        owner = idx.starts.get(j + 1)
        return owner is None or speaker is None or idx.actor_of(owner) in (None, speaker)

    def _fighters_before(self, idx: DocIndex, k: int, start: int, speaker: str | None = None) -> bool:
        """SVO: 'مجاهدونا استهدفوا'."""
        j = k - 1
        while j >= start and (idx.space[j] or idx.norms[j] in ("قد", "لقد")):
            j -= 1
        while j > start and idx.cover[j] is None and self._means_modifier(idx.norms[j]):
            j -= 1  # "طائراته الحربية أغارت", "صواريخهم الباليستية أصابت": the means named with its kind
        if j >= start and idx.cover[j] is not None and idx.actor_of(idx.cover[j]) == speaker:
            j = idx.cover[j].start - 1  # "مقاتلو كتائب حزب الله استهدفوا": the speaker's own fighters
        elif j > start and idx.norms[j] in self.lex.set("anaphor_organisation"):
            j -= 1  # "مقاتلي الكتائب استهدفوا", "مجاهدي الحركة قصفوا": the fighters of the body speaking
        return j >= start and self._fighter_word(idx, j)

    def _means_modifier(self, norm: str) -> bool:
        """A word of kind after a group's own means: a weapon modifier, or any definite adjective
        agreeing with the pronoun-defined noun ("الانقضاضية", "الباليستية")."""
        return norm in self.means_modifiers or (norm.startswith("ال") and norm.endswith(("يه", "ي")))

    def _fighter_word(self, idx: DocIndex, j: int) -> bool:
        """'مجاهدو', 'القوة الصاروخية', or a fighter noun with the group's own pronoun on it
        ('عناصرها', 'مقاتليه', 'قواتنا')."""
        norm = idx.norms[j]
        two = f"{norm} {idx.norm(j + 1)}"
        three = f"{two} {idx.norm(j + 2)}"
        if norm in self.fighter_nouns or two in self.fighter_nouns or three in self.fighter_nouns:
            return True
        for suffix in _OWN_PRONOUNS:
            base = norm[: -len(suffix)]
            if norm.endswith(suffix) and (base in self.fighter_nouns or base in self.own_means):
                return True
        return False

    def _quotes(self, idx: DocIndex, start: int, end: int) -> list[str]:
        """The quoted passages in a range, leaving out quotes around a bare name ('"رويترز"')."""
        runs: list[tuple[int, int]] = []
        k = start
        while k < end:
            if not idx.quote_cover[k]:
                k += 1
                continue
            j = k
            while j < end and idx.quote_cover[j]:
                j += 1
            m = idx.starts.get(k)
            if not (m is not None and m.end >= j) and any(not idx.punct[t] for t in range(k, j)):
                runs.append((k, j))
            k = j
        return [idx.table.span_text(a, b)[2].strip() for a, b in runs]

    def _first_actor(self, idx: DocIndex, start: int, end: int, exclude: str | None) -> str | None:
        organisations = self.lex.set("anaphor_organisation")
        for k in range(start, min(end, idx.n)):
            m = idx.starts.get(k)
            if m is None and idx.norms[k] in organisations and not idx.clitics[k]:
                found = idx.organisation_anaphor(idx.norms[k], k)  # "واتهمت واشنطن الكتائب بـ"
                if found and found != exclude:
                    return found
            if m is None:
                continue
            if m.role == "place" and m.source == "gazetteer" and idx.norm(k - 1) in ("في", "داخل"):
                continue
            actor = idx.actor_of(m)
            if actor and actor != exclude:
                idx.promote(m)
                return actor
        return None

    def _date(self, idx: DocIndex, rec: StatementRecord) -> None:
        dates = idx.dates
        heads = [dates[n] for n in rec.head_dates]
        if heads:
            best = sorted(heads, key=lambda d: {"day": 0, "month": 1, "year": 2}[d.precision])[0]
            rec.date, rec.date_precision = best.date, best.precision
        elif rec.date == _EARLIER:
            rec.date = None
        elif idx.published:
            rec.date, rec.date_precision = idx.published[:10], "day"

    # ------------------------------------------------------------------ nominal acts
    def _nominal(self, idx: DocIndex, s: int, e: int, found: list[StatementRecord]) -> list[StatementRecord]:
        """An act of speech named by a noun with its agent: 'الاتهامات الأميركية لإيران', 'اتهامات
        واشنطن لطهران', 'تهديدات الحوثيين', 'إعلان الحوثيين تنفيذ عمليات', 'تبني الحرس الثوري
        للهجوم'. The agent is a country adjective on the noun, or (for accusations, threats and
        claims, whose genitive is their author) a name right after an indefinite noun. When it
        was said the text does not tell: the statement is undated."""
        out: list[StatementRecord] = []
        have = {(r.speaker, r.kind) for r in found}
        norms = idx.norms
        for k in range(s, e - 1):
            kind = self.lex.object_kinds.get(norms[k])
            if norms[k] in self.claim_nouns:
                kind = "claim_responsibility"
            elif norms[k] in self.announce_nouns:
                kind = "announce"
            if kind is None or idx.cover[k] is not None or idx.clitics[k]:
                continue
            agent, end, mention = self._nominal_agent(idx, k, kind)
            if agent is None:
                continue
            if kind == "announce":
                # "إعلان X تنفيذ عمليات": an announcement is a claim when its object is the act
                ahead = range(end, min(e, end + 3))
                if not any(norms[j] in self.claim_words or norms[j] in self.responsibility for j in ahead):
                    continue
                kind = "claim_responsibility"
            if kind == "claim_responsibility" and idx.actor_kind(agent) not in _OWN_ATTACKERS:
                continue
            if (agent, kind) in have:
                continue
            if mention is not None:
                idx.promote(mention)
            rec = StatementRecord(kind, agent, s, k, end, e, speaker_source="nominal", kind_source="noun")
            rec.agent_end = end
            rec.date = _EARLIER  # named in passing: when it was said is not told
            out.append(rec)
            have.add((agent, kind))
        return out

    def _nominal_agent(self, idx: DocIndex, k: int, kind: str) -> tuple[str | None, int, EntityMention | None]:
        """The author of the act the noun at k names, where its first token ends, and its mention."""
        m = idx.starts.get(k + 1)
        nisba = self.lex.nisba.get(idx.norms[k + 1]) if m is None or m.source == "nisba" else None
        if nisba is not None:
            # "الاتهامات الأميركية": the adjective names the author, a state
            return self.gaz.state_for_country_name(nisba), k + 2, None
        if m is None or "ل" in idx.clitic_of(k + 1) or "ب" in idx.clitic_of(k + 1):
            return None, k + 1, None
        # a genitive author: only on an indefinite noun of accusing, threatening, claiming
        # ("دعوة X" may be X's call or a call to X; "إدانة X" may condemn X)
        if idx.norms[k].startswith("ال") or kind not in ("accuse", "threaten", "claim_responsibility", "announce"):
            return None, k + 1, None
        return idx.actor_of(m), m.end, m

    # ------------------------------------------------------------------ attribution
    def _attributions(self, idx: DocIndex, s: int, e: int) -> list[StatementRecord]:
        """'بحسب X', 'وفق بلاغ للوزارة', 'حسب ما أوردت الوكالة' when no verb reports the sentence."""
        for i in range(s, e):
            if idx.norm(i) not in self.attribution or idx.cover[i] is not None:
                continue
            j = i + 1
            while j < e and (idx.punct[j] or idx.norm(j) in self.after_attribution or idx.norm(j) in ("ل",)):
                j += 1
            if j < e and idx.norm(j) in self.statement_nouns:
                j += 1
                while j < e and (idx.norm(j) in self.issued_by or idx.punct[j]):
                    j += 1
            m = idx.starts.get(j)
            if m is None and idx.norm(j) in self.lex.set("official_nouns"):
                # "وفقا لمسؤولين أمنيين عراقيين": unnamed officials speak for the forces they serve
                agent = idx.nisba_official(j, e)
                if agent is None or agent.actor in (None, UNRESOLVED):
                    continue
                actor = agent.actor
            elif m is None:
                continue
            else:
                actor = idx.promote(m)
            if actor is None:
                continue
            return [
                StatementRecord("statement", actor, s, i, s, e, speaker_source="attribution", kind_source="neutral")
            ]
        return []

    # ------------------------------------------------------------------ merging
    def _merge(self, records: list[StatementRecord], sents: list[int]) -> list[StatementRecord]:
        """Drop repeats; fold 'وقال X ...' into X's accusation, threat or condemnation just before."""
        out: list[StatementRecord] = []
        out_sents: list[int] = []
        seen: set[tuple] = set()
        for rec, sent in zip(records, sents, strict=True):
            key = (rec.speaker, rec.kind, rec.sent_start)
            if key in seen:
                continue
            if (
                rec.kind == "statement"
                and rec.participle
                and any(
                    o.speaker == rec.speaker and o.sent_start == rec.sent_start and o.kind != "statement" for o in out
                )
            ):
                continue  # "توعد X بالرد، قائلا ...": the participle goes on with the threat
            if (
                out
                and rec.kind in ("statement", out[-1].kind)  # the same threat told again goes on with it
                and out[-1].speaker == rec.speaker
                and out[-1].kind in _ELABORATED
                and out_sents[-1] == sent - 1
                and not any(o.sent_start == rec.sent_start for o in out)
            ):
                if out[-1].quote is None:
                    out[-1].quote = rec.quote
                continue
            seen.add(key)
            out.append(rec)
            out_sents.append(sent)
        return out


_VIOLENT_TYPES = VIOLENT  # core/data/event_types.toml `violent`
_OWN_PRONOUNS = ("ها", "هم", "نا", "ه")  # possessive pronouns: "عناصرها", "مقاتليه"


class StatementLinker:
    """Ties statements to events: the event its sentence reports, else the latest one it refers
    to ('الهجوم', 'هذه الهجمات'). A claim's speaker becomes the event's perpetrator."""

    def __init__(self, nlp: Language, name: str, gazetteer: Gazetteer, lexicon: Lexicon) -> None:
        self.name = name
        self.gaz = gazetteer
        self.lex = lexicon

    def _reference(self, idx: DocIndex, rec: StatementRecord) -> tuple[str, ...] | None:
        """The event types a statement's words point back to: a singular event noun ("الهجوم",
        "الضربة") or a demonstrative one ("هذه الهجمات"); talk of attacks in general points nowhere."""
        for k in range(rec.sent_start, rec.content_end):
            trig = self.lex.triggers.get(idx.norms[k])
            if trig is None or trig.cls not in ("noun", "masdar") or idx.norm(k - 1) in ("اي", "كل"):
                continue
            if trig.number != "pl" or idx.norm(k - 1) in ("هذه", "هذا", "تلك", "ذلك"):
                return _VIOLENT_TYPES if trig.type in _VIOLENT_TYPES else (trig.type,)
        return None

    def __call__(self, doc: Doc) -> Doc:
        from loaders.nlp.events.vocabulary import violent_type  # the events package imports this module

        idx = doc_index(doc, self.gaz, self.lex)
        events: list[EventRecord] = doc._.kg_events or []
        roots = [n for n, ev in enumerate(events) if ev.merged_into is None]

        def root(n: int) -> int:
            while events[n].merged_into is not None:
                n = events[n].merged_into  # type: ignore[assignment]
            return n

        for rec in doc._.kg_statements or []:
            in_sentence = [n for n, ev in enumerate(events) if ev.sent_start == rec.sent_start]
            target: int | None = None
            if in_sentence:
                inside = [n for n in in_sentence if rec.content_start <= events[n].trigger < rec.content_end]
                inside = [n for n in inside if not events[n].background] or inside  # not what it answers
                if inside or rec.kind != "claim_responsibility":
                    target = root((inside or in_sentence)[0])
                else:
                    # "وتأتي هذه الغارات بعد يوم من إعلان الحوثيين تنفيذ عمليات": a claim is about
                    # what it names, not the strikes its sentence opened with
                    after = [n for n in in_sentence if events[n].trigger > rec.verb]
                    target = root(after[0]) if after else None
            else:
                wanted = self._reference(idx, rec)
                if wanted is None and rec.kind in ("claim_responsibility", "deny_responsibility"):
                    wanted = _VIOLENT_TYPES
                if wanted is not None:
                    before = [n for n in roots if events[n].trigger < rec.verb and events[n].type in wanted]
                    target = before[-1] if before else None
            rec.about_event = target
            if target is not None and rec.kind == "claim_responsibility" and rec.speaker:
                # one act told at several places ("استهدفت X ... وY") is claimed at each of them
                told_with = {events[n].trigger for n, ev in enumerate(events) if root(n) == target}
                claimed = {root(n) for n, ev in enumerate(events) if ev.trigger in told_with} | {target}
                doer = idx.body_of(rec.speaker)
                for n in sorted(claimed):
                    ev = events[n]
                    if doer not in ev.perpetrators:
                        ev.perpetrators.append(doer)
                    if rec.speaker not in ev.claimed_by:
                        ev.claimed_by.append(rec.speaker)
                    if ev.type in _VIOLENT_TYPES:
                        ev.type = violent_type(idx, ev.told_as, ev.perpetrators, ev.weapon)  # who did it decides
        return doc


@Language.factory(
    "kg_statements",
    assigns=["doc._.kg_statements"],
    requires=["doc._.kg_entities", "doc._.kg_dates", "token.norm", "token.is_sent_start"],
    default_config={"gazetteer": {"@misc": "kg.gazetteer.v1"}, "lexicon": {"@misc": "kg.lexicon.v1"}},
)
def make_statement_extractor(nlp: Language, name: str, gazetteer: Gazetteer, lexicon: Lexicon) -> StatementExtractor:
    return StatementExtractor(nlp, name, gazetteer, lexicon)


@Language.factory(
    "kg_statement_linker",
    assigns=["doc._.kg_statements"],
    requires=["doc._.kg_statements", "doc._.kg_events"],
    default_config={"gazetteer": {"@misc": "kg.gazetteer.v1"}, "lexicon": {"@misc": "kg.lexicon.v1"}},
)
def make_statement_linker(nlp: Language, name: str, gazetteer: Gazetteer, lexicon: Lexicon) -> StatementLinker:
    return StatementLinker(nlp, name, gazetteer, lexicon)
