"""Accuracy and speed of ``eportguide search`` on the triage sets, against baselines.

For each set (the development set and the held-out set) it reports top-1 and top-3
accuracy, the no-match decisions (a problem no procedure covers must get no answer;
one that a procedure covers must get one), the precision of the suggestions shown, and
the time per query.

Precision is over every suggestion shown (``search`` lists at most ``SHOWN`` = 5, as
the command and the triage menu do), counted across the whole set: *exact* is the share
that is the expected procedure itself (with one right answer per query, a list of one
right suggestion scores 1, the right one among four others 0.2); *on topic* the share
that is the expected procedure or another of its category (the menu group: a 法人卡
reissue shown beside an 操作员卡 reissue is on topic, 企业注销 beside 入网指南 is not). For
a problem no procedure covers every suggestion shown counts as wrong. Two baselines run on
the same queries in the same run, with the same synonym rewriting, each a nearest-phrase
matcher over the flows' phrases, titles and keywords: difflib's ``SequenceMatcher``
(standard library) and, when it is installed, RapidFuzz's ``fuzz.ratio``. Their no-match
cut-off (similarity 0.6) was fixed on the development set.

    python benchmarks/search_accuracy.py [DEV.yaml] [--holdout FILE] [--english FILE] [--repeat 20]

DEV defaults to ``../shared/triage/dev.yaml`` beside the repository; the held-out set
to ``benchmarks/triage_holdout.yaml``; English phrasings to ``benchmarks/triage_english.yaml``.
eportguide searches the pack in every language it has (the Chinese flows and their
English translation, ``flows/en/``), as ``eportguide search`` does in either language;
a second row searches the Chinese texts alone, as before the translation. Each file is a list of ``{query, expect}``, where
``expect: null`` marks a problem that no procedure covers.
"""

import argparse
import difflib
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from eportguide.i18n import language
from eportguide.model import definitions as d
from eportguide.model.files import has_translation
from eportguide.model.loader import load_pack
from eportguide.model.translations import apply
from eportguide.search import matching

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DEV = REPO.parent / "shared" / "triage" / "dev.yaml"
DEFAULT_HOLDOUT = REPO / "benchmarks" / "triage_holdout.yaml"
DEFAULT_ENGLISH = REPO / "benchmarks" / "triage_english.yaml"
BASELINE_CUTOFF = 0.6
SHOWN = 5  # suggestions listed by `eportguide search` and the triage menu

Ranker = Callable[[str], list[str]]  # query -> flow ids, best first; [] = no match


@dataclass
class Tally:
    cases: int = 0
    top1: int = 0
    top3: int = 0
    nulls: int = 0
    nulls_declined: int = 0  # a null query answered with nothing: right
    declined_wrongly: int = 0  # a covered problem answered with nothing
    shown: int = 0  # suggestions shown, over the whole set
    exact: int = 0  # of those, the expected procedure
    on_topic: int = 0  # of those, the expected procedure or another of its category
    misses: list[str] = field(default_factory=list)
    off_topic: list[str] = field(default_factory=list)

    def line(self, name: str, per_query_ms: float) -> str:
        covered = self.cases - self.nulls
        return (
            f"{name:<28} top-1 {self.top1:>2}/{self.cases}  top-3 {self.top3:>2}/{self.cases}  "
            f"no-match right {self.nulls_declined}/{self.nulls}  "
            f"no-match wrong {self.declined_wrongly}/{covered}  "
            f"precision exact {_share(self.exact, self.shown)} on topic {_share(self.on_topic, self.shown)} "
            f"({self.shown} shown)  {per_query_ms:8.3f} ms/query"
        )


def _share(part: int, whole: int) -> str:
    return f"{part / whole:.2f}" if whole else "-"


def read_cases(path: Path) -> list[tuple[str, str | None]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [(str(case["query"]), case.get("expect")) for case in data]


def evaluate(rank: Ranker, cases: list[tuple[str, str | None]], repeat: int, topic: dict[str, str]) -> tuple[Tally, float]:
    tally = Tally()
    for query, expect in cases:
        ranked = rank(query)
        tally.cases += 1
        shown = ranked[:SHOWN]
        tally.shown += len(shown)
        tally.exact += sum(flow_id == expect for flow_id in shown)
        relevant = [f for f in shown if expect is not None and (f == expect or topic[f] == topic[expect])]
        tally.on_topic += len(relevant)
        if len(relevant) < len(shown):
            tally.off_topic.append(f"{query} -> {', '.join(f for f in shown if f not in relevant)} (expected {expect})")
        if expect is None:
            tally.nulls += 1
            tally.nulls_declined += not ranked
            tally.top1 += not ranked
            tally.top3 += not ranked
            if ranked:
                tally.misses.append(f"{query} -> {ranked[0]} (expected no match)")
            continue
        tally.declined_wrongly += not ranked
        tally.top1 += bool(ranked) and ranked[0] == expect
        tally.top3 += expect in ranked[:3]
        if not ranked or ranked[0] != expect:
            tally.misses.append(f"{query} -> {ranked[0] if ranked else 'no match'} (expected {expect})")
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        for query, _ in cases:
            rank(query)
        timings.append((time.perf_counter() - start) / len(cases))
    return tally, statistics.median(timings) * 1000


def nearest_phrase(pack: d.Pack, similarity: Callable[[str, str], float]) -> Ranker:
    """A baseline: each flow scores its most similar phrase, title or keyword; it suggests
    the flows at or above the cut-off, best first (none when the best is below it)."""
    normalise = matching.Normaliser.of(pack.shared)
    texts = [
        (flow.id, normalise(text)) for flow in pack.flows.values() for text in (*flow.search.phrases, flow.title, *flow.search.keywords)
    ]

    def rank(query: str) -> list[str]:
        wanted = normalise(query)
        best: dict[str, float] = {}
        for flow_id, text in texts:
            best[flow_id] = max(best.get(flow_id, 0.0), similarity(wanted, text))
        ranked = sorted(best, key=lambda flow_id: best[flow_id], reverse=True)
        return [flow_id for flow_id in ranked if best[flow_id] >= BASELINE_CUTOFF]

    return rank


def rankers(pack: d.Pack, also: tuple[d.Pack, ...]) -> dict[str, Ranker]:
    chinese_only = matching.Index(pack)
    found: dict[str, Ranker] = {
        "eportguide (BM25, bigrams)": lambda q: [m.flow_id for m in matching.search(pack, q, also=also)],
        "eportguide, Chinese texts only": lambda q: [m.flow_id for m in chinese_only.search(q)],
        "difflib nearest phrase": nearest_phrase(pack, lambda a, b: difflib.SequenceMatcher(None, a, b).ratio()),
    }
    try:
        from rapidfuzz import fuzz
    except ImportError:
        return found
    found["rapidfuzz nearest phrase"] = nearest_phrase(pack, lambda a, b: fuzz.ratio(a, b) / 100)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dev", nargs="?", type=Path, default=DEFAULT_DEV)
    parser.add_argument("--holdout", type=Path, default=DEFAULT_HOLDOUT)
    parser.add_argument("--english", type=Path, default=DEFAULT_ENGLISH)
    parser.add_argument("--flows", type=Path, default=REPO / "flows")
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--misses", action="store_true", help="list each query ranked wrongly")
    args = parser.parse_args()

    pack = load_pack(args.flows)
    others = [lang for lang in language.LANGUAGES if lang != language.CHINESE and has_translation(args.flows, lang)]
    also = tuple(apply.load(args.flows, lang) for lang in others)
    start = time.perf_counter()
    matching.Index(pack, also)
    build_ms = (time.perf_counter() - start) * 1000
    matching.search(pack, "", also=also)  # build the cached index before timing queries
    languages = "、".join([language.CHINESE, *others])
    print(f"index of {len(pack.flows)} flows ({languages}) built in {build_ms:.1f} ms (once per process); Python {sys.version.split()[0]}")
    for label, path in (("dev", args.dev), ("holdout", args.holdout), ("english", args.english)):
        cases = read_cases(path)
        print(f"\n{label}: {path} ({len(cases)} queries, {sum(e is None for _, e in cases)} with no procedure)")
        topic = {flow.id: flow.category for flow in pack.flows.values()}
        results = {name: evaluate(rank, cases, args.repeat, topic) for name, rank in rankers(pack, also).items()}
        ours_ms = next(iter(results.values()))[1]
        for name, (tally, per_query_ms) in results.items():
            print(tally.line(name, per_query_ms) + f"  time x{per_query_ms / ours_ms:.2f}")
            if args.misses:
                for miss in tally.misses:
                    print(f"    miss: {miss}")
                for shown in tally.off_topic:
                    print(f"    off topic: {shown}")


if __name__ == "__main__":
    main()
