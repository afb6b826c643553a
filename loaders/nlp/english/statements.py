"""`kg_en_statements`: reported speech in English copy — who said what, of which kind, when.

A statement is anchored on a reporting verb of `speech.json` in any inflection ("said", "says",
"told", "condemned", "calls on", "urging"), or on an attribution ("according to X"). Not an anchor:
a verb inside a quotation (those are the speaker's own words), a noun use after a determiner
("any reports", "the claims"), a passive ("was reported"), "to" + base form, a negated verb ("did
not specify", "no group has claimed"), and a verb whose required words are missing ("called" with
no "on"/"for" is naming, not calling).

The speaker is, in order: the person or else the first actor named before the verb in its clause
(a leading "In a statement, ..." or "On Friday, ..." is skipped; so are brackets and quotations);
after the verb when the clause before it is a quotation ('"...," said a US spokesperson'); for a
participle (", saying that") the speaker of the clause it continues; for a pronoun or an anaphor
("he", "the spokesperson", "the statement") the previous speaker; for "the mission"/"the
ministry" the last actor of that kind named before. A state or body named with an official noun
("a US official", "Pentagon officials", "Iraqi officials") is that state or body.

What was said is the quotation the verb attributes, the clause after it ("said that ..."), or,
for a trailing attribution ("Rockets were fired at the embassy, the mission said."), the clause
before it. A quotation that opens the next sentence with no verb of its own goes on with the same
speaker.

The kind comes from the verb (condemn, deny, accuse, call, threaten, pledge) with checks where a
verb has other senses (rejecting an accusation is a denial; "claimed that X was responsible" is an
accusation by the speaker, "claimed responsibility" a claim; "directed X to" a call). A neutral
verb ("said", "stated", "confirmed") takes, per sentence of what was said, the kind its words
carry: a denial (a negated attack or involvement of the speaker's own side: "Iran has never carried
out any action against", "no missiles were launched from Iraq"), a claim (the speaker's own side
as the agent of an attack: "the United States conducted strikes"), an accusation (an attack
attributed to another actor: "initiated by X", "X was responsible", "attacks by X"), then the cue
phrases of `speech.json` in their order (threaten, condemn, call, pledge), else "statement".

The date is a date in the clause of the verb ("on Tuesday said", "said Wednesday", "In a Monday
press release"), else the publication date.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from core.event_types import VIOLENT
from loaders.nlp.english.lexicon import EnglishLexicon, SpeechVerb
from loaders.nlp.english.text import DocView, SentenceIndex, actor_kind, same_side, state_of
from loaders.nlp.gazetteer import Gazetteer
from loaders.nlp.records import EntityMention, StatementRecord

_ANCHOR_ACCORDING = SpeechVerb("statement", "according", "base")
# "The attack was claimed by X", "an attack claimed by X": the agent after "by" claims it
_ANCHOR_CLAIMED_BY = SpeechVerb("claim_responsibility", "claim", "participle")
_ATTACK_WORDS = frozenset(
    "attack attacks attacked attacking strike strikes struck striking airstrike airstrikes launched launch "
    "launches launching fired fire firing targeted target targeting targets bombed bombing shelled shelling "
    "hit conducted carried conduct carry action actions operation operations involved involvement "
    "responsibility responsible behind role".split()
)
_AGENT_ATTACK = frozenset(
    "attacked struck conducted carried launched fired targeted bombed shelled hit strikes airstrikes strike "
    "airstrike attack attacks striking conducting carrying launching targeting".split()
)
#: What may follow the verb of a trailing attribution: "..., the mission said in a statement on Friday."
_ATTRIBUTION_TAIL = frozenset(
    "in a an the its his her their on late early earlier later statement release briefing interview "
    "told reporters today tonight".split()
)
_ATTACK_NOUNS = frozenset("strikes strike airstrike airstrikes attack attacks".split())
_OPERATION_NOUNS = frozenset("operation operations raid raids bombardment bombing assault".split())
#: What ground is used for in an attack: denying it was, a side denies the attack came from it.
_LAUNCH_WORDS = frozenset("used launch launched launching attack attacks strike strikes staging fired".split())
#: What a state's organ calls its state when it opens what was said ("Iran's mission said the
#: country had nothing to do with the strike").
_STATE_SELF = frozenset("country nation".split())
#: The words an attack is named by after "was behind", "were responsible for" and the like.
_HOSTILE_NOUNS = _ATTACK_NOUNS | _OPERATION_NOUNS
#: A verb of speech before one of these owns the act: "claimed responsibility", "took credit".
_OWNING_NOUNS = frozenset("responsibility credit".split())
_AUX_PASSIVE = frozenset("was were been be is are being".split())
_MODALS_BEFORE_BASE = frozenset("to".split())


@dataclass
class _State:
    """What the statements so far leave for the next: the last speaker (None after an unnamed
    one, "a security source"), and who issued the last statement introduced as "a statement"."""

    speaker: str | None = None
    issuer: str | None = None


@dataclass
class _Anchor:
    i: int  # token of the verb (or "according")
    end: int  # first token after the verb and the words it needs
    verb: SpeechVerb
    kind: str
    #: "an attack on X, which the group claimed": the relative pronoun; what was claimed ends there
    relative: int | None = None


class EnglishStatements:
    def __init__(self, nlp: Language, name: str, gazetteer: Gazetteer, lexicon: EnglishLexicon) -> None:
        self.name = name
        self.gaz = gazetteer
        self.lex = lexicon
        s = lexicon.set
        self.determiners = s("determiners")
        self.negations = s("negations")
        self.official_nouns = s("official_nouns")
        self.statement_nouns = s("statement_nouns")
        self.person_pronouns = s("person_pronouns")
        self.group_pronouns = s("group_pronouns")
        self.anaphor_speakers = s("anaphor_speakers")
        self.org_anaphors = s("organisation_anaphors")
        self.responsibility = s("responsibility_words")
        self.accusation_nouns = s("accusation_nouns")
        self.attribution = s("attribution_words")
        self.first_person = s("first_person")
        self.leading = s("leading_prepositions")
        self.indefinite = s("indefinite")
        self.evidence_nouns = s("evidence_nouns")
        self.involvement = s("involvement_words")
        self.territorial = s("territorial_nouns") - {"sovereignty", "stability", "unity", "integrity"}
        self.own_forces = s("own_force_nouns")
        self.force_modifiers = s("force_modifiers")
        self.agent_adverbs = s("agent_adverbs")
        self.attack_bases = s("attack_verbs_future")
        self.light_agent_verbs = frozenset("conducted carried".split())
        self.command_verbs = s("command_verbs")
        self.persist_verbs = s("persist_verbs")
        self.hedges = s("hedge_words")
        self.own_attack_verbs = s("own_attack_verbs")
        self.audience_phrases = lexicon.phrase_list("audience_nouns")
        self.culprits = s("culprit_nouns")
        self.justice_cues = frozenset(lexicon.phrase_list("justice_cues"))

    # ------------------------------------------------------------------ per document
    def __call__(self, doc: Doc) -> Doc:
        view = DocView.of(doc)
        doc._.kg_index = SentenceIndex(view.sents)
        records: list[StatementRecord] = []
        state = _State()
        last_quoted = False
        for s, e in view.sents:
            if s in view.layout.links:
                last_quoted = False
                continue  # "Read more: ...": another report's news
            anchors = self._anchors(view, s, e)
            found: list[StatementRecord] = []
            for n, anchor in enumerate(anchors):
                nxt = anchors[n + 1].i if n + 1 < len(anchors) else e
                alone = len(anchors) == 1
                found += self._statement(view, doc, s, e, anchor, nxt, found, records, state, alone)
            last_speaker = state.speaker
            if not anchors and last_speaker and last_quoted:
                found += self._continuation(view, doc, s, e, last_speaker, records)
            if found:
                last_quoted = bool(found[-1].quote) and any(q[1] >= found[-1].content_end - 1 for q in view.quotes)
            else:
                last_quoted = False
            records += found
        doc._.kg_statements = records
        return doc

    # ------------------------------------------------------------------ anchors
    def _anchors(self, view: DocView, s: int, e: int) -> list[_Anchor]:
        norms = view.norms
        out: list[_Anchor] = []
        for i in view.words(s, e):
            if norms[i] == "according" and view.next_word(i) is not None and norms[view.next_word(i)] == "to":
                out.append(_Anchor(i, view.next_word(i) + 1, _ANCHOR_ACCORDING, "statement"))
                continue
            verb = self.lex.speech_verbs.get(norms[i])
            if verb is None or view.in_quote(i) or not (view.texts[i][:1].islower() or s in view.layout.headlines):
                continue
            prev = view.prev_word(i)
            before = norms[prev] if prev is not None and prev >= s else ""
            if verb.form in ("base", "third") and before in self.determiners:
                continue  # a noun: "any reports", "the claims"
            told = self.lex.speech_verbs.get(before)
            if verb.form in ("base", "third") and told is not None and told.form in ("past", "third", "participle"):
                continue  # the object of another speech verb: "dismissed claims", "denies reports"
            if verb.form == "base" and before in _MODALS_BEFORE_BASE:
                continue
            if verb.form == "gerund" and before in ("by", "of", "for", "in", "without"):
                continue  # "responded by directing", "in announcing": an act, not its report
            if verb.guard == "claim" and verb.form in ("past", "participle"):
                by = view.next_word(i)
                if by is not None and by < e and norms[by] == "by":
                    if view.mentions_in(by + 1, min(e, by + 8)):
                        out.append(_Anchor(i, by + 1, _ANCHOR_CLAIMED_BY, "claim_responsibility"))
                    continue
            if verb.form in ("past", "participle") and before in _AUX_PASSIVE and verb.lemma not in ("quote",):
                continue
            if self._negated(view, s, i):
                continue
            end = i + 1
            if verb.needs:
                hit = self._needs(view, i, e, verb)
                if hit is None:
                    if verb.guard == "label" and self._labelled_condemned(view, i, e):
                        out.append(_Anchor(i, i + 1, verb, "condemn"))  # "called the strike a violation"
                    continue
                end = hit + 1 if verb.window <= 1 else end
            kind = self._verb_kind(view, i, e, verb)
            if kind is None:
                continue
            relative = None
            if verb.guard == "claim" and kind == "statement":
                after = [norms[k] for k in view.words(i + 1, min(e, i + 14))]
                relative = self._relative_claim(view, i, after)
                kind = "claim_responsibility" if relative is not None else kind
            out.append(_Anchor(i, end, verb, kind, relative))
        return out

    def _attack_object(self, after: list[str]) -> bool:
        """The object after a verb is an attack ("the attack", "a drone strike", "Sunday's
        bombing"): an attack noun reached over determiners and modifiers only."""
        for w in after:
            trig = self.lex.triggers.get(w)
            if trig is not None and trig.cls == "noun" and trig.type in VIOLENT:
                return True
            if w in ("that", ",", ".", "to", "responsibility") or w in self.lex.speech_verbs:
                return False
        return False

    def _labelled_condemned(self, view: DocView, i: int, e: int) -> bool:
        """'called the strike a flagrant violation of sovereignty', 'calls the attacks acts of
        aggression': naming an act with a word of condemnation (the condemn cues) within the clause."""
        words = view.words(i + 1, min(e, i + 18))
        norms = [view.norms[k] for k in words]
        for n, w in enumerate(norms):
            if w in (".", ";", "that"):
                break
            for phrase, kind, _ in self.lex.cues.get(w, ()):
                if kind == "condemn" and tuple(norms[n : n + len(phrase)]) == phrase:
                    return True
        return False

    def _relative_claim(self, view: DocView, i: int, after: list[str]) -> int | None:
        """'claimed' in a relative clause whose antecedent is an attack: "an attack on Tower 22 in
        Jordan, which the Islamic Resistance in Iraq claimed" ('which' or 'that' a few words
        before the verb, an attack noun shortly before that, and no object after the verb); the
        position of the relative pronoun, or None."""
        if after[:1] and after[0] not in (".", ",", ";", ":", "on", "in", "via", "through", "shortly", "later"):
            return None
        before: list[int] = []
        k: int | None = i
        while k is not None and len(before) < 22:
            k = view.prev_word(k)
            if k is None or view.norms[k] in (".", ";"):
                break
            before.append(k)
        rel = next((n for n, k in enumerate(before[:8]) if view.norms[k] in ("which", "that")), None)
        if rel is None:
            return None
        for k in before[rel + 1 :]:
            trig = self.lex.triggers.get(view.norms[k])
            if trig is not None and trig.cls == "noun" and trig.type in VIOLENT:
                return before[rel]
        return None

    def _needs(self, view: DocView, i: int, e: int, verb: SpeechVerb) -> int | None:
        k: int | None = i
        for _ in range(max(verb.window, 1)):
            k = view.next_word(k) if k is not None else None
            if k is None or k >= e:
                return None
            if view.norms[k] in verb.needs:
                return k
        return None

    def _negated(self, view: DocView, s: int, i: int) -> bool:
        k: int | None = i
        for _ in range(3):
            k = view.prev_word(k) if k is not None else None
            if k is None or k < s:
                return False
            if view.norms[k] in self.negations:
                return True
            if view.table.punct[k]:
                return False
        return False

    def _verb_kind(self, view: DocView, i: int, e: int, verb: SpeechVerb) -> str | None:
        """The kind the verb gives; None when a guard says it reports no speech here."""
        norms = view.norms
        after = [norms[k] for k in view.words(i + 1, min(e, i + 14))]
        if verb.guard == "reject":
            return "deny_responsibility" if any(w in self.accusation_nouns for w in after[:6]) else "condemn"
        if verb.guard == "dismiss":
            # "dismissed claims that ...": a denial; "dismissed the commander": no speech
            return "deny_responsibility" if any(w in self.accusation_nouns for w in after[:4]) else None
        if verb.guard == "claim":
            if _OWNING_NOUNS.intersection(after[:4]):
                return "claim_responsibility"
            if any(w in ("life", "lives") for w in after[:3]):
                return None  # "the war has claimed the lives of ...": no speech
            if "that" not in after[:1] and self._attack_object(after[:5]):
                return "claim_responsibility"  # "claimed a drone attack on Eilat"
            return "statement"  # "claimed that ...": its words decide (often an accusation); a relative
            # claim ("..., which the group claimed") is told apart in _anchors
        if verb.guard == "directive":
            # "directed all security leaders to pursue": an order to someone to do something
            if "to" not in after[1:10] or after[:1] == ["to"]:
                return None
            nxt = after[after.index("to", 1) + 1 : after.index("to", 1) + 2]
            return "call" if nxt and nxt[0] not in self.determiners and not nxt[0].isdigit() else None
        if verb.guard == "vow":
            if any(w.startswith(("reveng", "retaliat", "respond", "punish")) for w in after):
                return "threaten"
            # "vowed to strike back", "vowed to continue its attacks/operations against ...": a threat
            to = after[1:2] if after[:1] == ["to"] else []
            if to and to[0] in self.attack_bases:
                return "threaten"
            hostile = _HOSTILE_NOUNS | self.attack_bases
            if to and to[0] in self.persist_verbs and set(after[2:7]) & hostile:
                return "threaten"
            return "pledge"
        if verb.guard == "needs_as":
            return "statement" if "as" in after else None
        if verb.guard == "owns" and _OWNING_NOUNS.intersection(after[:4]):
            return "claim_responsibility"  # "acknowledged responsibility for the attack"
        return verb.kind

    # ------------------------------------------------------------------ one statement
    def _statement(
        self,
        view: DocView,
        doc: Doc,
        s: int,
        e: int,
        anchor: _Anchor,
        next_anchor: int,
        same_sentence: list[StatementRecord],
        earlier: list[StatementRecord],
        state: _State,
        alone: bool,
    ) -> list[StatementRecord]:
        i = anchor.i
        quote = self._quote_before(view, s, i)
        seg_start = self._clause_start(view, s, i, quote)
        trailing = quote is None and self._trailing(view, anchor, next_anchor, e)
        if trailing:
            seg_start = self._trailing_subject(view, seg_start, i)
        speaker: str | None
        unnamed = False
        if anchor.verb is _ANCHOR_CLAIMED_BY:
            agent = next((m for m in view.mentions_in(anchor.end, e) if m.actor_id), None)
            if agent is None or agent.start > anchor.end + 2:
                return []  # "claimed by no one", "claimed by far the most lives"
            state.speaker = agent.actor_id
            date = self._date(view, doc, s, e, seg_start, i, anchor.end, (s, e))
            rec = StatementRecord(
                "claim_responsibility", agent.actor_id, s, i, s, e, date=date[0], date_precision=date[1]
            )
            rec.quote = view.table.span_text(s, e)[2]
            return [rec]
        if anchor.verb is _ANCHOR_ACCORDING:
            speaker = self._according_speaker(view, doc, anchor.end, e, s, same_sentence, state)
            content = (s, i) if i > view.layout.dateline_end(s, e) else (self._after_source(view, anchor.end, e), e)
            if not alone:
                anchor = _Anchor(
                    anchor.i, anchor.end, SpeechVerb("statement", "according", "base", guard="plain"), "statement"
                )
        else:
            speaker, unnamed = self._subject(view, doc, seg_start, i, same_sentence, earlier, state)
            if speaker is None and not unnamed and (quote is not None or seg_start >= i):
                speaker = self._after_verb(view, anchor.end, e)
            if trailing and seg_start > s:
                comma = view.prev_word(seg_start)
                content = (view.layout.dateline_end(s, e), comma if comma is not None else seg_start)
            else:
                content = self._content(view, s, e, anchor, quote, next_anchor)
            if anchor.relative is not None:  # what was claimed is the attack the relative clause hangs on
                content = (view.layout.dateline_end(s, e), anchor.relative)
        if speaker is None:
            if unnamed:
                state.speaker = None
            return []
        state.speaker = speaker
        clause = {view.norms[k] for k in view.words(seg_start, content[0] if content[0] > i else e)}
        if clause & {"a", "an"} and clause & self.statement_nouns:
            state.issuer = speaker  # "X said in a statement": later "the statement" is X's
        kinds = self._kinds(view, doc, anchor, speaker, content)
        date = self._date(view, doc, s, e, seg_start, i, anchor.end, content)
        out = []
        for kind, (cs, ce) in kinds:
            rec = StatementRecord(kind, speaker, s, i, cs, ce, date=date[0], date_precision=date[1])
            rec.quote = view.table.span_text(cs, ce)[2] if ce > cs else None
            rec.addressees = self._addressees(view, anchor, kind, speaker, (cs, ce), e)
            rec.accused = self._accused(view, doc, speaker, (cs, ce)) if kind == "accuse" else []
            out.append(rec)
        return out

    def _trailing(self, view: DocView, anchor: _Anchor, next_anchor: int, e: int) -> bool:
        """'Rockets were fired at the embassy, the mission said.': nothing but a date or 'in a
        statement' follows the verb."""
        first = view.next_word(anchor.end - 1)
        if first is None or first >= e or view.norms[first] in (".", ";"):
            return True
        if view.norms[first] == ",":
            after = view.next_word(first)
            return after is None or view.texts[after] not in ('"', "“", "«")  # not 'said, "..."'
        dated = {k for ref in view.doc._.kg_dates or [] for k in range(ref.start, ref.end)}
        rest = [k for k in view.words(anchor.end, next_anchor) if not view.table.punct[k]]
        return all(k in dated or view.norms[k] in _ATTRIBUTION_TAIL for k in rest[:6])

    def _trailing_subject(self, view: DocView, seg_start: int, i: int) -> int:
        """The speaker of a trailing attribution starts after the last comma before the verb."""
        for k in range(i - 1, seg_start, -1):
            if view.norms[k] == "," and not view.in_quote(k):
                return k + 1
        return seg_start

    def _continuation(
        self, view: DocView, doc: Doc, s: int, e: int, speaker: str, earlier: list[StatementRecord]
    ) -> list[StatementRecord]:
        """A sentence that is one more quotation of the previous speaker."""
        words = view.words(s, e)
        if not words or view.texts[words[0]] not in ('"', "“", "«"):
            return []
        anchor = _Anchor(words[0], words[0] + 1, SpeechVerb("statement", "continue", "base"), "statement")
        kinds = self._kinds(view, doc, anchor, speaker, (words[0] + 1, e))
        prev = earlier[-1] if earlier else None
        out = []
        for kind, (cs, ce) in kinds:
            rec = StatementRecord(
                kind,
                speaker,
                s,
                words[0],
                cs,
                ce,
                date=prev.date if prev else None,
                date_precision=prev.date_precision if prev else None,
            )
            rec.quote = view.table.span_text(cs, ce)[2] if ce > cs else None
            rec.participle = True
            rec.addressees = self._addressees(view, anchor, kind, speaker, (cs, ce), e)
            rec.accused = self._accused(view, doc, speaker, (cs, ce)) if kind == "accuse" else []
            out.append(rec)
        return out

    # ------------------------------------------------------------------ speaker
    def _quote_before(self, view: DocView, s: int, i: int) -> tuple[int, int] | None:
        """The quotation a verb attributes from after it: '"...," X said' / '"...," said X'."""
        best = None
        for a, b in view.quotes:
            if s <= a and b < i and len(view.words(b + 1, i)) <= 12:
                best = (a, b)
        return best

    def _clause_start(self, view: DocView, s: int, i: int, quote: tuple[int, int] | None) -> int:
        norms = view.norms
        start = quote[1] + 1 if quote is not None else view.layout.dateline_end(s, i)
        for k in view.words(start, i):
            if norms[k] == ";" and not view.in_quote(k):
                start = k + 1
        words = view.words(start, i)
        while words and (view.table.punct[words[0]] or norms[words[0]] in ("--", "-")):
            words = words[1:]
        if not words:
            return i
        start = words[0]
        first = norms[words[0]]
        if first in self.leading or (first == "in" and len(words) > 1):
            commas = [k for k in words if norms[k] == ","]
            if commas:
                start = commas[0] + 1
        # a dateline "BAGHDAD, Iraq --" or "Nov. 8 (UPI) --" opens the first sentence
        dashes = [k for k in words if norms[k] in ("--", "-", "—", "–") and k > start]
        for k in dashes:
            if view.table.texts[k] in ("--", "—", "–") or (k + 1 < len(norms) and norms[k + 1] == "-"):
                start = max(start, k + 1)
        return start

    def _subject(
        self,
        view: DocView,
        doc: Doc,
        a: int,
        i: int,
        same_sentence: list[StatementRecord],
        earlier: list[StatementRecord],
        state: _State,
    ) -> tuple[str | None, bool]:
        """(speaker, unnamed): the speaker before the verb, or True for an unnamed one."""
        norms = view.norms
        verb_form = self.lex.speech_verbs.get(norms[i])
        if verb_form is not None and verb_form.form == "gerund":
            prev = view.prev_word(i)
            if prev is not None and norms[prev] in (",", "and") and same_sentence:
                return same_sentence[-1].speaker, False
        # the clause after the last comma first (", and Iraqi officials say"), then the whole one
        last_comma = max((k for k in view.words(a, i) if norms[k] == "," and not view.in_quote(k)), default=None)
        spans = [(last_comma + 1, i), (a, i)] if last_comma is not None else [(a, i)]
        for lo, hi in spans:
            found = self._named_subject(view, doc, lo, hi, earlier + same_sentence, state)
            if found != (None, False):
                return found
        return None, False

    def _named_subject(
        self, view: DocView, doc: Doc, a: int, i: int, earlier: list[StatementRecord], state: _State
    ) -> tuple[str | None, bool]:
        norms = view.norms
        paren = self._bracketed(view, a, i)
        cands = [
            m for m in view.mentions_in(a, i) if m.actor_id and m.start not in paren and not view.in_quote(m.start)
        ]
        # "An umbrella group of Iran-backed militias, the Islamic Resistance in Iraq, said": a name
        # after "of" modifies the subject's head; another name is the subject
        heads = [m for m in cands if m.start == 0 or norms[m.start - 1] != "of"]
        # "Yemen's Houthi rebels said": a possessor names whose the subject is; the possessed speaks
        # when it is of the possessor's side (a name of another state's body, as "Iraq's National
        # Security Council" read as the US one, leaves the possessor)
        possessed = {n.start: n.actor_id for n in cands}
        heads = [
            m
            for m in heads
            if not (
                m.end < len(norms)
                and norms[m.end] == "'s"
                and m.end + 1 in possessed
                and (
                    same_side(self.gaz, m.actor_id, possessed[m.end + 1])
                    or not state_of(self.gaz, possessed[m.end + 1])
                )
            )
        ]
        cands = heads or cands
        persons = [m for m in cands if actor_kind(self.gaz, doc, m.actor_id) == "person"]
        if persons:
            return persons[0].actor_id, False
        if cands:
            return cands[0].actor_id, False
        words = [k for k in view.words(a, i) if k not in paren and not view.in_quote(k)]
        wnorms = [norms[k] for k in words]
        if not wnorms:
            return None, False
        official = [w for w in wnorms if w in self.anaphor_speakers or w in self.official_nouns]
        if official and set(wnorms[:2]) & self.indefinite:
            return None, True  # "a reliable security source", "two officials": someone unnamed
        if any(w in self.person_pronouns for w in wnorms):
            return self._last_person(doc, earlier) or state.speaker, False
        if wnorms[0] in ("the", "this") and set(wnorms) & self.statement_nouns and state.issuer:
            return state.issuer, False  # "The statement noted that ..."
        org = [w for w in wnorms if w in self.org_anaphors]
        if org and "the" in wnorms and not set(wnorms) & {"spokesperson", "spokesman", "spokeswoman", "statement"}:
            if actor_kind(self.gaz, doc, state.speaker) in self._ORG_KINDS.get(org[-1], ()):
                return state.speaker, False  # "The group said ...": the group that spoke last
            return self._last_org(view, doc, a, org[-1]) or state.speaker, False
        if official or any(w in self.group_pronouns for w in wnorms):
            return state.speaker, False
        return None, False

    def _bracketed(self, view: DocView, a: int, b: int) -> set[int]:
        out: set[int] = set()
        depth = 0
        for k in range(a, b):
            t = view.texts[k]
            if t == "(":
                depth += 1
            if depth:
                out.add(k)
            if t == ")":
                depth = max(0, depth - 1)
        return out

    def _last_person(self, doc: Doc, records: list[StatementRecord]) -> str | None:
        for rec in reversed(records):
            if actor_kind(self.gaz, doc, rec.speaker) == "person":
                return rec.speaker
        return None

    _ORG_KINDS = {
        "mission": ("diplomatic_mission",),
        "embassy": ("diplomatic_mission",),
        "ministry": ("government",),
        "department": ("government",),
        "government": ("government",),
        "office": ("government",),
        "council": ("government", "international_org"),
        "pentagon": ("government",),
        "command": ("military",),
        "army": ("military",),
        "coalition": ("coalition",),
        "group": ("armed_group",),
        "movement": ("armed_group", "political_party"),
        "militia": ("armed_group",),
        "agency": ("media", "government"),
    }

    def _last_org(self, view: DocView, doc: Doc, before: int, noun: str) -> str | None:
        """The body "the command", "the group" refers to: in its own sentence the first one of its
        kind ("CENTCOM forces struck an IRGC depot, the command said": the subject of what was
        said), else the last one before the sentence."""
        kinds = self._ORG_KINDS.get(noun, ())
        start = next((a for a, b in view.sents if a <= before < b), 0)
        for m in view.mentions_in(start, before):
            if m.actor_id and actor_kind(self.gaz, doc, m.actor_id) in kinds:
                return m.actor_id
        for m in reversed(view.mentions_in(0, start)):
            if m.actor_id and actor_kind(self.gaz, doc, m.actor_id) in kinds:
                return m.actor_id
        return None

    def _after_verb(self, view: DocView, a: int, e: int) -> str | None:
        stop = a
        for k in view.words(a, e):
            if view.norms[k] in (".", ";", '"', "“", "”") or (view.norms[k] == "," and k > a + 1):
                break
            stop = k + 1
        cands = [m for m in view.mentions_in(a, stop) if m.actor_id]
        persons = [m for m in cands if actor_kind(self.gaz, view.doc, m.actor_id) == "person"]
        return (persons or cands)[0].actor_id if (persons or cands) else None

    def _according_speaker(
        self,
        view: DocView,
        doc: Doc,
        a: int,
        e: int,
        s: int,
        same_sentence: list[StatementRecord],
        state: _State,
    ) -> str | None:
        stop = a
        for k in view.words(a, e):
            if view.norms[k] in (".", ";", ",") and k > a:
                break
            stop = k + 1
        cands = [m for m in view.mentions_in(a, stop) if m.actor_id]
        if cands:
            persons = [m for m in cands if actor_kind(self.gaz, doc, m.actor_id) == "person"]
            return (persons or cands)[0].actor_id
        words = {view.norms[k] for k in view.words(a, stop)}
        if words & {"his", "her", "its", "their"}:
            subject = [m for m in view.mentions_in(s, a) if m.actor_id and not view.in_quote(m.start)]
            if subject:
                return subject[0].actor_id
        if words & self.statement_nouns and "the" in words and state.issuer:
            return state.issuer
        if words & (self.statement_nouns | self.anaphor_speakers) and "the" in words:
            return same_sentence[-1].speaker if same_sentence else state.speaker
        return None

    # ------------------------------------------------------------------ content and kind
    def _content(
        self,
        view: DocView,
        s: int,
        e: int,
        anchor: _Anchor,
        quote: tuple[int, int] | None,
        next_anchor: int,
    ) -> tuple[int, int]:
        if quote is not None:
            return quote[0] + 1, quote[1]
        dated = {k for ref in view.doc._.kg_dates or [] for k in range(ref.start, ref.end)}
        start = self._after_audience(view, anchor) if anchor.verb.lemma == "tell" else anchor.end
        for k in view.words(start, next_anchor):
            if (
                view.norms[k] in ("that", ",", ":", '"', "“", "on", "in", "a", "statement")
                or view.table.punct[k]
                or k in dated
            ):
                start = k + 1
                continue
            break
        end = next_anchor
        if next_anchor < e:
            end = self._clause_start_before(view, start, next_anchor)
        return start, max(start, end)

    @staticmethod
    def _after_source(view: DocView, a: int, e: int) -> int:
        """'According to CENTCOM, the drone ...': what was said starts after the source's comma."""
        for k in view.words(a, e):
            if view.norms[k] == "," and not view.in_quote(k):
                return k + 1
        return a

    def _after_audience(self, view: DocView, anchor: _Anchor) -> int:
        """After 'told': past whom it was told ('told Reuters', 'told reporters', 'told a news
        conference'), where what was said begins."""
        k = view.next_word(anchor.end - 1)
        start = anchor.end
        while k is not None:
            m = view.mention_at(k)
            if m is not None and m.start == k and m.actor_id:
                start, k = m.end, view.next_word(m.end - 1)
                continue
            phrase = next((p for p in self.audience_phrases if view.phrase_at(k, p)), None)
            if phrase is not None:
                start = view.phrase_end(k, phrase)
                k = view.next_word(start - 1)
                continue
            break
        return start

    def _clause_start_before(self, view: DocView, a: int, i: int) -> int:
        """Where the subject of a later verb starts: the last comma or quote before it."""
        for k in range(i - 1, a, -1):
            if view.norms[k] in (",", '"', "“", "”", ";"):
                return k
        return i

    def _units(self, view: DocView, a: int, b: int) -> list[tuple[int, int]]:
        """The sentences inside a quotation, and clauses joined by 'and that'."""
        out: list[tuple[int, int]] = []
        start = a
        words = view.words(a, b)
        for n, k in enumerate(words):
            nk = words[n + 1] if n + 1 < len(words) else None
            split = view.norms[k] in (".", "!", "?") and nk is not None and view.texts[nk][:1].isupper()
            split = split or (view.norms[k] == "and" and nk is not None and view.norms[nk] == "that")
            split = split or view.norms[k] == ";"
            if split:
                if k > start:
                    out.append((start, k))
                start = k + 1
        if b > start:
            out.append((start, b))
        return out or [(a, b)]

    def _kinds(
        self, view: DocView, doc: Doc, anchor: _Anchor, speaker: str, content: tuple[int, int]
    ) -> list[tuple[str, tuple[int, int]]]:
        if anchor.kind != "statement":
            return [(anchor.kind, content)]
        if anchor.verb.guard == "plain":
            return [("statement", content)]
        found: list[tuple[str, tuple[int, int]]] = []
        for unit in self._units(view, *content):
            kind = self._unit_kind(view, doc, speaker, unit, anchor.verb.guard == "needs_as")
            if kind is not None and kind not in [k for k, _ in found]:
                found.append((kind, unit))
        strong = [(k, u) for k, u in found if k != "statement"]
        if strong:
            return strong
        if anchor.verb.guard == "needs_as":
            return []
        return [("statement", content)]

    def _unit_kind(self, view: DocView, doc: Doc, speaker: str, unit: tuple[int, int], cue_only: bool) -> str:
        a, b = unit
        words = view.words(a, b)
        norms = [view.norms[k] for k in words]
        nset = set(norms)
        mentions = [m for m in view.mentions_in(a, b) if m.id]
        own = [m for m in mentions if same_side(self.gaz, speaker, m.actor_id or m.place_id)]
        own_country = self._own_country(speaker)
        own_place = [m for m in mentions if m.place_id and own_country and m.place_id == own_country]
        first_person = bool(nset & self.first_person)
        negated = bool(nset & self.negations)
        for n in range(len(words) - 1):
            verb = self.lex.speech_verbs.get(norms[n + 1])
            if (
                norms[n] in ("we", "i")
                and verb is not None
                and verb.kind != "statement"
                and verb.form in ("base", "past")
            ):
                if not verb.needs or (n + 2 < len(norms) and norms[n + 2] in verb.needs):
                    return verb.kind  # "We call on ...", "We condemn ...": the act itself
        if not cue_only:
            if negated and self._denied(view, words, own, own_place, first_person):
                return "deny_responsibility"
            if not negated and self._own_agent(view, words, own, first_person):
                return "claim_responsibility"
            if not negated and self._own_threat(view, words, own, first_person):
                return "threaten"
            if self._attributed(view, doc, speaker, words):
                return "accuse"
        best: tuple[int, str] | None = None
        for n, k in enumerate(words):
            for phrase, kind, rank in self.lex.cues.get(view.norms[k], ()):
                if tuple(norms[n : n + len(phrase)]) == phrase and (best is None or rank < best[0]):
                    best = (rank, kind)
                    if phrase in self.justice_cues and set(norms[:n]) & self.culprits:
                        best = (rank, "pledge")  # "the perpetrators will face justice"
        return best[1] if best else "statement"

    def _denied(
        self,
        view: DocView,
        words: list[int],
        own: list[EntityMention],
        own_place: list[EntityMention],
        first_person: bool,
    ) -> bool:
        """'Iran has never carried out any action', 'we had nothing to do with it', 'no reports or
        indications that missiles were launched from Iraq'."""
        norms = view.norms
        agents = self._own_agents(view, words, own, first_person)
        if first_person:
            agents += [n for n, k in enumerate(words) if norms[k] == "i"]
        for n in agents:
            ahead = [norms[k] for k in words[n + 1 : n + 9]]
            neg = next((x for x, w in enumerate(ahead[:5]) if w in self.negations or w == "nothing"), None)
            if neg is not None and any(w in self.involvement for w in ahead[neg:]):
                return True
        own_ends = {m.end for m in own + own_place}
        for n, k in enumerate(words):
            # "its territory had not been used to launch the drones", "Iraqi airspace was not used for
            # the attack": the speaker's own ground denied as the launch site
            owner = words[n - 1] if n else None
            if (
                norms[k] in self.territorial
                and owner is not None
                and (norms[owner] in ("its", "our", "their", "his", "her") or k in own_ends or owner + 1 in own_ends)
            ):
                ahead = [norms[x] for x in words[n + 1 : n + 10]]
                neg = next((x for x, w in enumerate(ahead[:5]) if w in self.negations), None)
                if neg is not None and set(ahead[neg:]) & _LAUNCH_WORDS:
                    return True
        for n, k in enumerate(words):
            if norms[k] in self.evidence_nouns and any(norms[x] in self.negations for x in words[max(0, n - 4) : n]):
                rest = words[n + 1 :]
                if any(norms[x] in _AGENT_ATTACK for x in rest) and any(m.start in rest for m in own_place):
                    return True
        return False

    def _self_pronouns(self, view: DocView, words: list[int]) -> list[int]:
        """Positions (in `words`) that name the speaker itself: a pronoun or "the group" opening
        what was said ("X said it targeted ...", "X said the group had no link to ..."), and the
        speaker's own forces ("its fighters", "their forces", "the group's naval forces")."""
        norms = view.norms
        out: list[int] = []
        if words and norms[words[0]] in ("it", "they", "he", "she"):
            out.append(0)
        elif (that := next((n for n, k in enumerate(words[:6]) if norms[k] == "that"), None)) is not None and (
            that + 1 < len(words) and norms[words[that + 1]] in ("it", "they", "he", "she")
        ):
            out.append(that + 1)  # "said on Telegram that it had launched drones"
        elif (
            len(words) > 1
            and norms[words[0]] == "the"
            and (norms[words[1]] in self.org_anaphors or norms[words[1]] in _STATE_SELF)
        ):
            out.append(1)  # "the group had no link to ...", "the country had nothing to do with ..."
        for n, k in enumerate(words[:-1]):
            nxt = norms[words[n + 1]]
            if norms[k] in ("its", "their", "our", "his") and (nxt in self.own_forces or nxt in self.force_modifiers):
                out.append(n)
            elif norms[k] == "'s" and n > 0 and norms[words[n - 1]] in self.org_anaphors and n == 2:
                out.append(n)  # "the group's forces"
        return out

    def _agent_verb(self, view: DocView, words: list[int], n: int) -> tuple[str, int] | None:
        """What the agent at position n does: ("past", k) for an attack it carried out ("struck",
        "had targeted", "conducted a strike", "its fighters shelled"), ("future", k) for one it
        says it will carry out ("will target", "would continue to strike"), None otherwise (a
        passive "were attacked", an attack on it, another verb)."""
        norms = view.norms
        k = n + 1
        while k < len(words) and (
            norms[words[k]] in self.own_forces or norms[words[k]] in self.force_modifiers or norms[words[k]] == "'s"
        ):
            k += 1  # "US warplanes", "its naval forces", "the group's fighters"
        future = False
        dated = {x for ref in view.doc._.kg_dates or [] for x in range(ref.start, ref.end)}
        while k < len(words) and (
            norms[words[k]] in self.agent_adverbs or words[k] in dated or norms[words[k]] == "on"
        ):
            if norms[words[k]] in ("will", "would", "'ll", "shall"):
                future = True
            k += 1
        if k >= len(words):
            return None
        w = norms[words[k]]
        if w in _AUX_PASSIVE and k + 1 < len(words) and norms[words[k + 1]] in ("behind", "responsible"):
            ahead = [norms[x] for x in words[k + 2 : k + 7]]
            skip = self.determiners | {"for"}
            armed = any(x not in skip and (x,) in self.lex.weapons for x in ahead)
            head = next((x for x in ahead if x not in skip and (x,) not in self.lex.weapons), "")
            owned = head in _HOSTILE_NOUNS or (armed and head == "fire")  # "the rocket fire"
            if owned or (ahead[:1] == ["for"] and any(x in _ATTACK_NOUNS for x in ahead[1:4])):
                return ("past", k + 1)  # "it was behind the attack", "the group was responsible for the strike"
        if w in _AUX_PASSIVE:
            return None  # "US forces were attacked": the side is the target
        if future:
            if w == "continue" and k + 2 < len(words) and norms[words[k + 1]] == "to":
                k, w = k + 2, norms[words[k + 2]]
            return ("future", k) if w in self.attack_bases else None
        if w in self.command_verbs:
            # "he had ordered the strikes", "Biden authorized airstrikes on ...": the side's own attack
            ahead = {norms[x] for x in words[k + 1 : k + 5]}
            return ("past", k) if ahead & _ATTACK_NOUNS else None
        if (w in _AGENT_ATTACK or w in self.own_attack_verbs) and w not in _ATTACK_NOUNS:
            if w in self.light_agent_verbs:
                ahead = {norms[x] for x in words[k + 1 : k + 6]}
                return ("past", k) if ahead & _HOSTILE_NOUNS else None
            return ("past", k)
        return None

    def _own_country(self, speaker: str) -> str | None:
        entry = self.gaz.actors.get(speaker)
        if entry is None:
            return None
        if entry.get("kind") == "state":
            return speaker if speaker in self.gaz.places else None
        return entry.get("country")

    def _own_agents(self, view: DocView, words: list[int], own: list[EntityMention], first_person: bool) -> list[int]:
        """Positions of the speaker's side in what was said: its mentions, "we", itself."""
        norms = view.norms
        positions = {k: n for n, k in enumerate(words)}
        agents = [positions[m.end - 1] for m in own if m.end - 1 in positions and m.actor_id]
        if first_person:
            agents += [n for n, k in enumerate(words) if norms[k] in ("we", "our")]
        return sorted(set(agents + self._self_pronouns(view, words)))

    def _own_agent(self, view: DocView, words: list[int], own: list[EntityMention], first_person: bool) -> bool:
        """The speaker's side carried out an attack: 'the United States conducted strikes', 'our
        forces struck', 'its fighters had targeted', 'U.S. warplanes struck', 'the recent US
        strikes'."""
        norms = view.norms
        for n in self._own_agents(view, words, own, first_person):
            done = self._agent_verb(view, words, n)
            if done is not None:
                if done[0] == "past":
                    return True
                continue
            window = [norms[k] for k in words[n + 1 : n + 3]]
            if window[:1] and window[0] in _ATTACK_NOUNS:
                return True  # the agent modifying an attack noun: "the recent US strikes"
        return False

    def _own_threat(self, view: DocView, words: list[int], own: list[EntityMention], first_person: bool) -> bool:
        """The speaker's side says it will attack: 'it would continue to target US bases',
        'our forces will strike'."""
        for n in self._own_agents(view, words, own, first_person):
            done = self._agent_verb(view, words, n)
            if done is not None and done[0] == "future":
                return True
        return False

    def _attributed(self, view: DocView, doc: Doc, speaker: str, words: list[int]) -> bool:
        return bool(self._accused_in(view, doc, speaker, words))

    def _accused_in(self, view: DocView, doc: Doc, speaker: str, words: list[int]) -> list[str]:
        """Actors an attack is put on: 'initiated by X', 'attacks by X', 'X was responsible',
        'X is behind'."""
        norms = view.norms
        out: list[str] = []
        positions = {k: n for n, k in enumerate(words)}
        for m in view.mentions_in(words[0], words[-1] + 1) if words else []:
            if not m.actor_id or same_side(self.gaz, speaker, m.actor_id) or m.start not in positions:
                continue
            n = positions[m.start]
            before = [norms[k] for k in words[max(0, n - 3) : n] if norms[k] not in ("the", "a", "an")]
            after_n = positions.get(m.end - 1, n) + 1
            # "X was most likely responsible", "X is believed to be behind": hedges do not count
            after = [norms[k] for k in words[after_n : after_n + 9] if norms[k] not in self.hedges][:4]
            by_attack = "by" in before[-1:] and any(
                w in _ATTACK_WORDS or w in self.attribution for w in [norms[k] for k in words[max(0, n - 14) : n]]
            )
            responsible = any(w in self.attribution for w in after[:3]) and not any(
                w in self.negations for w in after[:2]
            )
            if by_attack or responsible:
                out.append(m.actor_id)
        return out

    def _accused(self, view: DocView, doc: Doc, speaker: str, content: tuple[int, int]) -> list[str]:
        words = view.words(*content)
        found = self._accused_in(view, doc, speaker, words)
        if found:
            return found
        return [
            m.actor_id
            for m in view.mentions_in(*content)
            if m.actor_id and m.role == "actor" and not same_side(self.gaz, speaker, m.actor_id)
        ][:2]

    def _addressees(
        self, view: DocView, anchor: _Anchor, kind: str, speaker: str, content: tuple[int, int], e: int
    ) -> list[str]:
        if kind != "call":
            return []
        norms = view.norms
        start = anchor.end if anchor.kind == "call" else content[0]
        stop = e
        for k in view.words(start, e):
            if norms[k] in ("to", ".", ";") and k > start:
                stop = k
                break
        if anchor.kind != "call":
            for k in view.words(content[0], content[1]):
                if norms[k] in ("on", "upon", "urge", "urges"):
                    start = k + 1
                    break
            else:
                return []
        return [m.actor_id for m in view.mentions_in(start, stop) if m.actor_id and m.actor_id != speaker][:3]

    # ------------------------------------------------------------------ date
    def _date(
        self, view: DocView, doc: Doc, s: int, e: int, seg_start: int, i: int, end: int, content: tuple[int, int]
    ) -> tuple[str | None, str | None]:
        """A date in the verb's clause (before the verb, or right after it), else publication."""
        refs = doc._.kg_dates or []
        after_end = end
        for k in view.words(end, e)[:4]:
            after_end = k + 1
        for ref in refs:
            in_clause = s <= ref.start < i and not (content[0] <= ref.start < content[1])
            right_after = end <= ref.start < after_end and not (content[0] <= ref.start < content[1])
            if in_clause or right_after:
                return ref.date, ref.precision
        published = doc._.kg_published
        return (published, "day") if published else (None, None)


@Language.factory(
    "kg_en_statements",
    assigns=["doc._.kg_statements", "doc._.kg_index"],
    requires=["doc._.kg_entities", "doc._.kg_dates"],
    default_config={"gazetteer": {"@misc": "kg.gazetteer.v1"}, "lexicon": {"@misc": "kg.en_lexicon.v1"}},
)
def make_english_statements(
    nlp: Language, name: str, gazetteer: Gazetteer, lexicon: EnglishLexicon
) -> EnglishStatements:
    return EnglishStatements(nlp, name, gazetteer, lexicon)
