"""Rich views of an evaluation (`diplo evaluate`): the per-field table and the list of misses.

Imported only by the CLI; the figures come from `extractor.evaluation`.
"""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from extractor.evaluation import FIELDS, Scores


def _figure(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def scores_table(scores: Scores, title: str) -> Table:
    """One row per field: precision, recall (the accuracy of per-value fields), F1 and the counts."""
    table = Table(title=title, title_justify="left", caption=f"headline (mean F1) {scores.headline:.3f}",
                  caption_justify="left")
    table.add_column("field", style="bold")
    table.add_column("what", style="dim")
    for column in ("P", "R", "F1", "tp", "fp", "fn"):
        table.add_column(column, justify="right")
    for spec in FIELDS:
        tally = scores.tallies[spec.name]
        # A per-value field never counts false positives, so its precision says nothing.
        precision = "·" if spec.kind == "value" and tally.total else _figure(tally.precision)
        table.add_row(spec.name, spec.description, precision, _figure(tally.recall), _figure(tally.f1),
                      str(tally.tp), str(tally.fp), str(tally.fn))
    return table


def misses_table(scores: Scores) -> Table:
    """Every wrong field, with its article: what the key says and what was predicted."""
    table = Table(title="Misses", title_justify="left")
    for column in ("article", "field", "gold", "predicted"):
        table.add_column(column)
    for miss in scores.misses:
        table.add_row(miss.article, miss.field, miss.gold or "[dim]—[/]", miss.predicted or "[dim]—[/]")
    return table


def print_scores(scores: Scores, console: Console, *, title: str, misses: bool) -> None:
    """Print the scores table, and the misses when asked."""
    if misses:
        if scores.misses:
            console.print(misses_table(scores))
        else:
            console.print("[green]No misses.[/]")
    console.print(scores_table(scores, title))
