"""Ranks procedures for a caller's words: synonyms, character bigrams and BM25.

Chinese is written without spaces, and word-segmentation dictionaries (jieba and the
like) take seconds to load. Two-character windows (bigrams) capture most Chinese words
without one: 法人卡被锁 gives 法人 人卡 卡被 被锁, and single characters (锁, 丢, 坏) carry
the action. What bigrams cannot know — that callers say 公章卡 or U盾 for a card, 到期
for 过期, "unlock" for 解锁 — comes from the pack's ``synonyms``: every word callers use
is rewritten to its canonical word in the query and in the flows' phrasing data alike.
The pack's ``search_fillers`` (的, 怎么, the …) are then dropped, and a word after one of
its ``search_negations`` (没, 不是, not …) is dropped with it: 卡没锁 says nothing about a
locked card. Maintainers tune all of this in YAML.

Each flow is one document made of its ``search.phrases``, its title, its description
and its ``search.keywords`` — in every language the pack is read in (a translation's
English title, description and phrases beside the Chinese), so that a caller's words
rank alike whichever language the help desk speaks — (weighted highest, and counted only when the query names one
whole: 注销 alone is not 企业注销); Okapi BM25 scores a query against them, so a word
found in every flow (卡, 电子口岸) counts for little and a word found in one (锁, 注销)
decides. A query naming one of a flow's ``excludes`` never gets that flow:
its excludes say what the procedure is not for (extend-card excludes 操作员, because the
source's extension is for the 法人卡 only).

A confident wrong answer costs a caller a day, so a result is returned only when the
best flow is confidently right, and the suggestions after it are only those close to
it in score and of its category (its topic): an off-topic second guess is noise. Keywords name the problems procedures solve (锁, 丢,
过期); when the query names one, the best flow must be one whose keyword it names —
otherwise the caller has a problem the best procedure does not solve (a locked 报关员卡
is no reason to reissue it). When the query names none, the best flow must cover most
of the query's weight. Otherwise the answer is an empty list and the caller gets the
hotline.

Pure: no printing and no files; the pack comes in, ranked matches go out.
"""

import math
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from itertools import groupby
from typing import Any, NamedTuple

from eportguide.model import definitions as d

#: BM25 parameters (the usual defaults).
K1 = 1.2
B = 0.75
#: How much each part of a flow counts, relative to one phrase.
FIELD_WEIGHTS = {"keywords": 3.0, "phrases": 1.0, "title": 1.0, "description": 0.5}
#: A single character says less than a two-character window.
UNIGRAM_WEIGHT = 0.5
#: Below this score even the best flow is a guess (a query of one common word: 卡).
MIN_SCORE = 1.0
#: When the query names no keyword, the share of its weight the best flow must cover.
MIN_COVERAGE = 0.6
#: A suggestion after the best must score at least this share of the best one, and be
#: of the best one's category (its topic): 卡注销 is no second guess for 新公司怎么办卡.
MIN_RELATIVE_SCORE = 0.5

ENGLISH_ENDINGS = ("s", "es", "ed", "d", "ing")

#: Kinds of character for cutting text into tokens (no regular expression: compiling
#: the CJK character class took longer than ranking the flows).
CJK, ENGLISH, OTHER = 0, 1, 2
#: Rewriting stops after this many passes (a synonym whose canonical word contains
#: another synonym needs two; a cycle must not loop for ever).
MAX_PASSES = 4


class Match(NamedTuple):
    """A suggested procedure: its id, its score and what in the query led to it."""

    flow_id: str
    score: float
    why: tuple[str, ...]  # the flow's keywords found in the query, then its closest phrase


def fold(text: str) -> str:
    """Full-width to half-width, lower case: ＵＳＢ盾 and usb盾 are the same words."""
    return unicodedata.normalize("NFKC", text).lower()


class Lexicon:
    """Words to find in text: where several start at one place, the longest wins.

    An English edge of a word must be a word edge ("a" is not found in "card"); with
    ``endings``, a word ending in English may carry one of them ("locked" is lock + ed).
    Text is scanned character by character against the words that start with that
    character: unlike one regular expression of a few hundred alternatives, nothing has
    to be compiled first, which took longer than ranking the flows.
    """

    def __init__(self, words: Iterable[str], endings: tuple[str, ...] = ()) -> None:
        self.by_first: dict[str, list[str]] = {}
        for word in sorted({_spaced(w) for w in words if _spaced(w)}, key=len, reverse=True):
            self.by_first.setdefault(word[0], []).append(word)
        self.endings = (*endings, "")

    def __bool__(self) -> bool:
        return bool(self.by_first)

    def may_start(self, text: str, at: int) -> bool:
        """Whether a word may start at ``at``: most characters start none (and none inside an
        English word does). Asked before ``match``, it spares most calls, which were most
        of the time an English text took to index."""
        char = text[at]
        return char in self.by_first and not (at and _english_edge(char) and _english_edge(text[at - 1]))

    def match(self, text: str, at: int) -> int:
        """Where the word found at ``at`` ends (with its ending), or -1."""
        if at > 0 and _english_edge(text[at]) and _english_edge(text[at - 1]):
            return -1  # inside an English word: no word of the lexicon starts here
        for word in self.by_first.get(text[at], ()):
            if not text.startswith(word, at):
                continue
            end = at + len(word)
            if not _english_edge(word[-1]):
                return end
            for ending in self.endings:
                after = end + len(ending)
                if text.startswith(ending, end) and not (after < len(text) and _english_edge(text[after])):
                    return after
        return -1

    def replace(self, text: str, replacement: Callable[[str], str]) -> str:
        """``text`` with every word found (left to right, never overlapping) replaced."""
        if not self.by_first:
            return text
        out: list[str] = []
        at = 0
        starts = self.by_first
        after_english = False  # the character before ``at`` is an English letter or digit
        while at < len(text):
            # ``may_start`` written out: this loop runs for every character of every text.
            char = text[at]
            english = char.isascii() and char.isalnum()
            end = self.match(text, at) if char in starts and not (english and after_english) else -1
            if end < 0:
                out.append(char)
                at += 1
                after_english = english
            else:
                out.append(replacement(text[at:end]))
                at = end
                after_english = _english_edge(text[end - 1])
        return "".join(out)


class Normaliser:
    """Rewrites text to canonical words: synonyms replaced, fillers and negated words removed."""

    def __init__(
        self,
        synonyms: Mapping[str, tuple[str, ...]],
        fillers: Iterable[str] = (),
        negations: Iterable[str] = (),
    ) -> None:
        self.canonical: dict[str, str] = {}  # variant -> canonical word
        for canonical, words in synonyms.items():
            for word in words:
                variant = _spaced(word)
                if variant and variant != fold(canonical):
                    self.canonical[variant] = fold(canonical)
        self.variants = Lexicon(self.canonical, ENGLISH_ENDINGS)
        self.fillers = Lexicon(fillers)
        self.negations = Lexicon(negations)
        self.known = Lexicon(fold(canonical) for canonical in synonyms)  # what a negation may negate
        self.seen: dict[str, str] = {}  # a flow's phrases are normalised once per process

    @classmethod
    def of(cls, shared: d.Shared) -> "Normaliser":
        """The normaliser of a pack's shared file: its synonyms, fillers and negations."""
        return cls(shared.synonyms, shared.search_fillers, shared.search_negations)

    def __call__(self, text: str) -> str:
        known = self.seen.get(text)
        if known is None:
            known = self.seen[text] = self._normalise(text)
        return known

    def _normalise(self, text: str) -> str:
        text = " ".join(fold(text).split())
        for _ in range(MAX_PASSES):
            rewritten = self._pass(text)
            if rewritten == text:
                break
            text = rewritten
        return text

    def _pass(self, text: str) -> str:
        text = self.variants.replace(text, lambda found: " " + self._canonical_of(found) + " ")
        # Fillers first, so that "not been locked" and 没有被锁 reach the negation whole.
        text = self.fillers.replace(" ".join(text.split()), lambda found: " ")
        text = self._drop_negated(" ".join(text.split()))
        # Rejoin Chinese split by a removed word, so the next pass sees 企业倒闭 whole.
        return _join_cjk(text.split())

    def _drop_negated(self, text: str) -> str:
        """Each negation, with the known word right after it if there is one: 没 锁, not 锁.

        Known words are the canonical ones: by the time negations are looked for, every
        word callers use for a canonical word has been rewritten to it.
        """
        if not self.negations:
            return text
        out: list[str] = []
        at = 0
        while at < len(text):
            end = self.negations.match(text, at) if self.negations.may_start(text, at) else -1
            if end < 0:
                out.append(text[at])
                at += 1
                continue
            word_at = end + 1 if text.startswith(" ", end) else end
            negated = self.known.match(text, word_at) if word_at < len(text) and self.known else -1
            out.append(" ")
            at = negated if negated >= 0 else end
        return "".join(out)

    def _canonical_of(self, matched: str) -> str:
        variant = " ".join(matched.split())
        if variant in self.canonical:
            return self.canonical[variant]
        for ending in ENGLISH_ENDINGS:  # "locked" matched as lock + ed
            if variant.endswith(ending) and variant[: -len(ending)] in self.canonical:
                return self.canonical[variant[: -len(ending)]]
        return variant


def _join_cjk(words: list[str]) -> str:
    """Words joined by a space, except between two Chinese characters."""
    joined = ""
    for word in words:
        if joined:
            joined += "" if _kind(joined[-1]) == CJK and _kind(word[0]) == CJK else " "
        joined += word
    return joined


def _kind(char: str) -> int:
    """CJK ideographs (unified, extension A, compatibility), English letters and digits, or other."""
    if "\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf" or "\uf900" <= char <= "\ufaff":
        return CJK
    return ENGLISH if char.isascii() and char.isalnum() else OTHER


def _spaced(word: str) -> str:
    """A word folded, its inner spaces made single: "USB  Key" -> "usb key"."""
    return " ".join(fold(word).split())


def _english_edge(char: str) -> bool:
    return char.isascii() and char.isalnum()


def tokens(normalised: str) -> Counter[str]:
    """Characters and two-character windows of Chinese runs; whole English words."""
    found: Counter[str] = Counter()
    for kind, chars in groupby(normalised, _kind):
        run = "".join(chars)
        if kind == CJK:
            found.update(run)
            found.update(run[i : i + 2] for i in range(len(run) - 1))
        elif kind == ENGLISH:
            found[run] += 1
    return found


def token_weight(token: str) -> float:
    return UNIGRAM_WEIGHT if len(token) == 1 and _kind(token) == CJK else 1.0


class _Keyword(NamedTuple):
    written: str
    normalised: str
    terms: Mapping[str, float]  # token -> weighted frequency


class _Document(NamedTuple):
    flow_id: str
    category: str  # the topic: suggestions after the best share it
    terms: Mapping[str, float]  # token -> weighted frequency in the phrases, title and description
    length: float  # with the keywords
    keywords: tuple[_Keyword, ...]
    excludes: tuple[str, ...]  # normalised
    phrases: tuple[tuple[str, frozenset[str]], ...]  # (as written, its bigrams), the language spoken first
    spoken: int  # how many of the phrases are in the language spoken

    def named_keywords(self, normalised: str) -> list[_Keyword]:
        """The keywords that ``normalised`` contains whole."""
        return [keyword for keyword in self.keywords if keyword.normalised in normalised]


class Index:
    """The flows of a pack, ready to be searched; ``also``: the same pack in other languages."""

    def __init__(self, pack: d.Pack, also: Sequence[d.Pack] = ()) -> None:
        self.normalise = Normaliser.of(pack.shared)
        self.documents = [
            self._document([flow, *(other.flows[flow.id] for other in also if flow.id in other.flows)]) for flow in pack.flows.values()
        ]
        count = len(self.documents)
        self.average_length = sum(doc.length for doc in self.documents) / max(count, 1)
        frequency: Counter[str] = Counter()
        for document in self.documents:
            frequency.update({*document.terms, *(term for keyword in document.keywords for term in keyword.terms)})
        self.idf = {term: _idf(count, df) for term, df in frequency.items()}
        self.unseen_idf = _idf(count, 0)

    def as_data(self) -> dict[str, Any]:
        """The index as plain data (lists, dicts, text, numbers): what the pack cache keeps,
        so that a search need not rewrite every flow's texts again."""
        return {
            "documents": [
                [
                    doc.flow_id,
                    doc.category,
                    dict(doc.terms),
                    doc.length,
                    [[k.written, k.normalised, dict(k.terms)] for k in doc.keywords],
                    list(doc.excludes),
                    [[written, sorted(bigrams)] for written, bigrams in doc.phrases],
                    doc.spoken,
                ]
                for doc in self.documents
            ],
            "average_length": self.average_length,
            "idf": self.idf,
            "unseen_idf": self.unseen_idf,
        }

    @classmethod
    def from_data(cls, pack: d.Pack, data: Mapping[str, Any]) -> "Index":
        """The index ``as_data`` gave, for ``pack`` (whose shared file rewrites the query)."""
        index = cls.__new__(cls)
        index.normalise = Normaliser.of(pack.shared)
        index.documents = [
            _Document(
                flow_id,
                category,
                terms,
                length,
                tuple(_Keyword(written, normalised, kw_terms) for written, normalised, kw_terms in keywords),
                tuple(excludes),
                tuple((written, frozenset(bigrams)) for written, bigrams in phrases),
                spoken,
            )
            for flow_id, category, terms, length, keywords, excludes, phrases, spoken in data["documents"]
        ]
        index.average_length = data["average_length"]
        index.idf = data["idf"]
        index.unseen_idf = data["unseen_idf"]
        return index

    def _terms(self, flow: d.Flow) -> dict[str, float]:
        """Weighted frequency of each token in a flow's phrases, title and description."""
        fields: dict[str, Iterable[str]] = {"phrases": flow.search.phrases, "title": (flow.title,), "description": (flow.description,)}
        terms: dict[str, float] = {}
        for name, texts in fields.items():
            for text in texts:
                for term, count in tokens(self.normalise(text)).items():
                    terms[term] = terms.get(term, 0.0) + count * FIELD_WEIGHTS[name]
        return terms

    def _document(self, versions: list[d.Flow]) -> _Document:
        """One flow's document from its versions, the language spoken first.

        A translation says the same again: a token both say (法人卡, and "legal-person
        card" rewritten to it) counts as often as the version that says it most, and a
        keyword or exclude they share once rewritten (解锁, "unlock") counts once. So a
        flow weighs no more for being translated, and words only English has still count.
        """
        flow = versions[0]
        terms: dict[str, float] = {}
        for version in versions:  # a word both languages say (rewritten alike) counts as often as one says it
            for term, weight in self._terms(version).items():
                terms[term] = max(terms.get(term, 0.0), weight)
        phrases = tuple(p for version in versions for p in version.search.phrases)
        written_by_normalised: dict[str, str] = {}
        for version in versions:
            for written in version.search.keywords:
                written_by_normalised.setdefault(self.normalise(written), written)
        keywords = tuple(
            _Keyword(written, normalised, {term: count * FIELD_WEIGHTS["keywords"] for term, count in tokens(normalised).items()})
            for normalised, written in written_by_normalised.items()
            if normalised
        )
        excludes = (self.normalise(e) for version in versions for e in version.search.excludes)
        return _Document(
            flow.id,
            flow.category,
            terms,
            sum(terms.values()) + sum(sum(keyword.terms.values()) for keyword in keywords),
            keywords,
            tuple(dict.fromkeys(n for n in excludes if n)),
            tuple((p, _bigrams(self.normalise(p))) for p in phrases),
            len(flow.search.phrases),
        )

    def search(self, query: str, limit: int | None = None) -> list[Match]:
        """Flows for ``query``, best first; empty when none matches with confidence."""
        normalised = self.normalise(query)
        query_terms = set(tokens(normalised))
        if not query_terms:
            return []
        scored = sorted(
            ((self._score(doc, query_terms, normalised), doc) for doc in self.documents if not _names_any(normalised, doc.excludes)),
            key=lambda item: item[0],
            reverse=True,
        )
        if not scored:
            return []
        best_score, best = scored[0]
        if best_score < MIN_SCORE or not self._confident(best, query_terms, normalised):
            return []
        matches = [
            Match(doc.flow_id, round(score, 2), self._why(doc, normalised))
            for score, doc in scored
            # the best scores at least MIN_SCORE, so a runner-up within half of it scores above 0
            if doc is best or (doc.category == best.category and score >= MIN_RELATIVE_SCORE * best_score)
        ]
        return matches[:limit]  # a limit of None slices nothing off

    def _score(self, doc: _Document, query_terms: set[str], normalised: str) -> float:
        """BM25 of the flow's text, its keywords counting only where the query names them whole."""
        terms = doc.terms
        named = doc.named_keywords(normalised)
        if named:
            terms = dict(terms)
            for keyword in named:
                for term, weight in keyword.terms.items():
                    terms[term] = terms.get(term, 0.0) + weight
        norm = K1 * (1 - B + B * doc.length / self.average_length)
        score = 0.0
        for term in query_terms:
            frequency = terms.get(term, 0.0)
            if frequency:
                score += token_weight(term) * self.idf[term] * frequency * (K1 + 1) / (frequency + norm)
        return score

    def _confident(self, doc: _Document, query_terms: set[str], normalised: str) -> bool:
        """Whether ``doc``, the best-scoring flow, answers the query rather than resembles it.

        A query naming a problem (any flow's keyword) is answered only by a flow whose
        keyword it names; the procedure for a lost 报关员卡 does not answer a locked one.
        """
        if doc.named_keywords(normalised):
            return True
        if any(other.named_keywords(normalised) for other in self.documents):
            return False
        total = sum(token_weight(t) * self.idf.get(t, self.unseen_idf) for t in query_terms)
        covered = sum(token_weight(t) * self.idf[t] for t in query_terms if t in doc.terms)
        return covered >= MIN_COVERAGE * total

    def _why(self, doc: _Document, normalised: str) -> tuple[str, ...]:
        reasons = [keyword.written for keyword in doc.named_keywords(normalised)]
        query_bigrams = _bigrams(normalised)
        # The closest phrase in the language spoken, else in another: the reader's own words first.
        for phrases in (doc.phrases[: doc.spoken], doc.phrases[doc.spoken :]):
            closest = max(phrases, key=lambda p: _overlap(query_bigrams, p[1]), default=None)
            if closest is not None and _overlap(query_bigrams, closest[1]) > 0:
                reasons.append(closest[0])
                break
        return tuple(reasons)


def _names_any(normalised: str, words: Iterable[str]) -> bool:
    return any(word in normalised for word in words)


def _idf(count: int, frequency: int) -> float:
    return math.log(1 + (count - frequency + 0.5) / (frequency + 0.5))


def _bigrams(normalised: str) -> frozenset[str]:
    return frozenset(t for t in tokens(normalised) if len(t) > 1)


def _overlap(first: frozenset[str], second: frozenset[str]) -> float:
    """Dice coefficient of two bigram sets."""
    if not first or not second:
        return 0.0
    return 2 * len(first & second) / (len(first) + len(second))


_last: tuple[tuple[d.Pack, ...], Index] | None = None


def index_of(pack: d.Pack, also: Sequence[d.Pack] = ()) -> Index:
    """The index of ``pack`` (and ``also``), built once for the packs last searched."""
    global _last
    packs = (pack, *also)
    if _last is None or len(_last[0]) != len(packs) or any(a is not b for a, b in zip(_last[0], packs, strict=True)):
        _last = (packs, Index(pack, also))
    return _last[1]


def search(pack: d.Pack, query: str, limit: int | None = None, also: Sequence[d.Pack] = ()) -> list[Match]:
    """Procedures for a caller's words, best first; ``[]`` when none fits with confidence.

    ``also``: the same pack in other languages, searched as one with it.
    """
    return index_of(pack, also).search(query, limit)
