"""``eportguide search <words>``: the procedures that answer a caller's words, best first.

When no procedure matches with confidence the answer says so and gives the hotline
(exit 0: "nothing matches" is an answer, not an error); ``--format json`` prints ``[]``.
Words that found nothing are noted in the misses log (``store/misses.py``).

``--explain`` says, for each suggestion, what in the words led to it. ``--misses`` lists
for a pack's author the words that found nothing, grouped, with the procedure finally
chosen; ``--misses --format yaml`` prints them as example phrasings to paste into a flow.
"""

from __future__ import annotations

import json
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

from eportguide import environment
from eportguide.click_words import command_usage_error
from eportguide.i18n import wording as w

if TYPE_CHECKING:
    from eportguide.model import definitions as d
    from eportguide.search.matching import Explanation, Term
    from eportguide.store.misses import Group

DEFAULT_LIMIT = 5
#: Plain scalars YAML would read as something else than text.
YAML_WORDS = frozenset({"yes", "no", "true", "false", "null", "on", "off", "~"})


class SearchFormat(StrEnum):
    table = "table"
    json = "json"
    yaml = "yaml"


def search_command(
    ctx: typer.Context,
    words: Annotated[list[str] | None, typer.Argument(metavar="WORDS…", help=w.ARG_SEARCH_WORDS, show_default=False)] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, metavar="N", help=w.OPT_SEARCH_LIMIT)] = DEFAULT_LIMIT,
    format: Annotated[SearchFormat, typer.Option("--format", "-f", help=w.OPT_SEARCH_FORMAT)] = SearchFormat.table,
    explain: Annotated[bool, typer.Option("--explain", help=w.OPT_SEARCH_EXPLAIN)] = False,
    misses: Annotated[bool, typer.Option("--misses", help=w.OPT_SEARCH_MISSES)] = False,
) -> None:
    if misses:
        list_misses(format)
        return
    if not words or not " ".join(words).strip():  # optional only for --misses: missing, as click says it
        raise command_usage_error(w.MISSING_ARGUMENT.format(name="WORDS…"), ctx)
    if format is SearchFormat.yaml:
        raise command_usage_error(w.SEARCH_YAML_ONLY_MISSES, ctx)
    from eportguide.i18n import language
    from eportguide.packs import active
    from eportguide.render import listings

    pack, index = active.searchable(environment.of(ctx).flows)
    query = " ".join(words)
    found = index.search(query, limit)
    if not found:
        from eportguide.store import misses as log

        log.note(query, log.NOTHING_FOUND, None, language.current())
    if explain:
        explained = index.explain(query, limit)
        if format is SearchFormat.json:
            typer.echo(json.dumps([_explanation_data(pack, e) for e in explained], ensure_ascii=False, indent=2))
        elif not explained:
            typer.echo(listings.no_match_message(pack))
        else:
            _print_explanations(pack, explained)
        return
    if format is SearchFormat.json:
        rows = [
            {
                "id": m.flow_id,
                "title": pack.flow(m.flow_id).title,
                "category": pack.flow(m.flow_id).category,
                "score": m.score,
                "why": list(m.why),
            }
            for m in found
        ]
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if not found:
        typer.echo(listings.no_match_message(pack))
        return
    listings.search_results(pack, found)


def _terms(terms: tuple[Term, ...]) -> str:
    return w.LIST_SEPARATOR.join(f"{t.token} {t.weight:g}" for t in terms) or w.EXPLAIN_NONE


def _print_explanations(pack: d.Pack, explained: list[Explanation]) -> None:
    for rank, e in enumerate(explained, 1):
        typer.echo(w.EXPLAIN_HEADING.format(rank=rank, id=e.flow_id, title=pack.flow(e.flow_id).title))
        typer.echo(w.EXPLAIN_SEARCHED.format(text=e.normalised))
        if e.synonyms:
            typer.echo(w.EXPLAIN_SYNONYMS.format(pairs=w.LIST_SEPARATOR.join(f"{s.written} → {s.canonical}" for s in e.synonyms)))
        typer.echo(w.EXPLAIN_KEYWORDS.format(terms=_terms(e.keywords)))
        typer.echo(w.EXPLAIN_TERMS.format(score=f"{e.score:g}", terms=_terms(e.terms)))
        typer.echo(w.EXPLAIN_NGRAMS.format(similarity=f"{e.similarity:g}", terms=_terms(e.ngrams)))
        if e.phrase:
            typer.echo(w.EXPLAIN_PHRASE.format(similarity=f"{e.phrase_similarity:g}", phrase=e.phrase))
        typer.echo(w.EXPLAIN_DECIDED_MODEL if e.decided_by == "model" else w.EXPLAIN_DECIDED_KEYWORDS)


def _explanation_data(pack: d.Pack, e: Explanation) -> dict[str, object]:
    def pairs(terms: tuple[Term, ...]) -> list[dict[str, object]]:
        return [{"text": t.token, "weight": t.weight} for t in terms]

    return {
        "id": e.flow_id,
        "title": pack.flow(e.flow_id).title,
        "searched": e.normalised,
        "synonyms": [{"written": s.written, "canonical": s.canonical} for s in e.synonyms],
        "keywords": pairs(e.keywords),
        "terms": pairs(e.terms),
        "score": e.score,
        "ngrams": pairs(e.ngrams),
        "similarity": e.similarity,
        "phrase": e.phrase or None,
        "phrase_similarity": e.phrase_similarity,
        "decided_by": e.decided_by,
    }


def list_misses(format: SearchFormat) -> None:
    """The misses for a pack's author: grouped by words, with the procedure finally chosen."""
    from eportguide.render.columns import table
    from eportguide.store import misses as log

    store = log.LocalMissLog()
    groups = log.grouped(store.read())
    if format is SearchFormat.json:
        typer.echo(json.dumps([g._asdict() for g in groups], ensure_ascii=False, indent=2))
        return
    if format is SearchFormat.yaml:
        typer.echo(misses_yaml(groups), nl=False)
        return
    if not groups:
        typer.echo(w.MISSES_OFF if not log.enabled() else w.MISSES_NONE.format(path=store.path))
        return
    rows = [[g.words, str(g.times), g.chosen or w.MISSES_NOT_CHOSEN, g.last[:16].replace("T", " ")] for g in groups]
    typer.echo(table([w.COL_WORDS, w.COL_TIMES, w.COL_CHOSEN, w.COL_UPDATED], rows, folding=0), nl=False)
    typer.echo(w.MISSES_WHERE.format(path=store.path))


def misses_yaml(groups: list[Group]) -> str:
    """The misses as example phrasings under each chosen procedure, ready to paste into its flow."""
    by_flow: dict[str, list[str]] = {}
    unchosen: list[str] = []
    for group in groups:
        (by_flow.setdefault(group.chosen, []) if group.chosen else unchosen).append(group.words)
    lines = [w.MISSES_YAML_HEAD]
    for flow_id in sorted(by_flow):
        lines += [f"{flow_id}:", "  examples:"] + [f"    - {_yaml_scalar(words)}" for words in by_flow[flow_id]]
    if unchosen:
        lines += [w.MISSES_YAML_UNCHOSEN] + [f"#   - {_yaml_scalar(words)}" for words in unchosen]
    return "\n".join(lines) + "\n"


def _yaml_scalar(text: str) -> str:
    """``text`` as one YAML scalar on one line (quoted as JSON, which YAML reads, when it must be)."""
    plain = text.strip()
    special = any(c in plain for c in ":#[]{},&*!|>'\"%@`") or plain[:1] in "-?" or plain.lower() in YAML_WORDS
    return json.dumps(plain, ensure_ascii=False) if special or not plain else plain
