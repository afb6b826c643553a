"""`kg_en_sentencizer`: the news sentencizer of `loaders.nlp.segmenter`, with English line breaks.

Besides the shared rules (final punctuation outside quotes, line breaks, hard-wrapped copy), a
line break stays inside the sentence when the line stops on a word an English sentence cannot
end on ("the", "of", "against"), and a paragraph break does when the copy cut a running sentence
in two: the last sentence of the line before is long, ends without final punctuation, and reads
as running text (most of its words lower-case, unlike a headline or a photo credit).
"""

from __future__ import annotations

from spacy.language import Language

from loaders.nlp.segmenter import _ENDERS, _FINAL, _LIST_MARKS, Sentencizer

_CONTINUERS = frozenset(
    "the a an of to in on at for with by from and or but against into over than as that which who whose "
    "its their his her our this these those between across after before during".split()
)
_RUNNING_WORDS = 8


class EnglishSentencizer(Sentencizer):
    @staticmethod
    def _soft_break(i: int, texts: list[str], spaces: list[bool], norms: list[str], wrapped: bool) -> bool:
        before = next((k for k in range(i - 1, -1, -1) if not spaces[k]), None)
        after = next((k for k in range(i + 1, len(texts)) if not spaces[k]), None)
        if before is None or after is None or texts[after] in _LIST_MARKS or texts[before] in _FINAL:
            return Sentencizer._soft_break(i, texts, spaces, norms, wrapped)
        if texts[i].count("\n") == 1 and norms[before] in _CONTINUERS:
            return True
        if texts[i].count("\n") > 1:
            # the words of the line since its last full stop: a caption's credit after its
            # sentence ("... 2023. REUTERS/Name") is no running sentence cut in two
            line: list[str] = []
            k = before
            while k >= 0 and not (spaces[k] and "\n" in texts[k]) and not (k < before and texts[k] in _ENDERS):
                if not spaces[k] and texts[k][:1].isalpha():
                    line.append(texts[k])
                k -= 1
            lower = sum(1 for w in line if w[:1].islower())
            running = len(line) >= _RUNNING_WORDS and lower * 2 >= len(line) and texts[before] not in _ENDERS
            if not running:
                return False
            if norms[before] in _CONTINUERS or texts[after][:1].islower():
                return True
            # a name cut in two ("the Iranian-backed Popular / Mobilization Forces"), not a new
            # paragraph opening on a dateline ("Nov. 8 (UPI) --")
            following = next((k for k in range(after + 1, len(texts)) if not spaces[k]), None)
            dateline = following is not None and (texts[following][:1].isdigit() or texts[following] == "(")
            return texts[before][:1].isupper() and texts[after][:1].isupper() and not dateline
        return Sentencizer._soft_break(i, texts, spaces, norms, wrapped)


@Language.factory("kg_en_sentencizer", assigns=["token.is_sent_start", "doc._.kg_sents"])
def make_english_sentencizer(nlp: Language, name: str) -> EnglishSentencizer:
    return EnglishSentencizer(nlp, name)
