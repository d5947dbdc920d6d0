"""Rich views of a Document for the terminal; imported only by the CLI."""

from __future__ import annotations

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from models import Document, Person, VisitEvent


def _who(person: Person) -> str:
    parts = [p for p in (person.rank, person.title) if p]
    role = ", ".join(parts)
    where = " · ".join(p for p in (person.organization, person.country) if p)
    text = person.name or "(unnamed)"
    if role:
        text += f" ({role})"
    if where:
        text += f" [{where}]"
    return text


def _event_panel(event: VisitEvent, index: int) -> Panel:
    facts = Table.grid(padding=(0, 2))
    facts.add_column(style="bold cyan", no_wrap=True)
    facts.add_column()
    facts.add_row("Visitor", _who(event.visitor))
    facts.add_row("From → to", f"{event.visitor_country or '?'} → {event.host_country or '?'}")
    facts.add_row("Where", event.city or "—")
    when = event.date or "—"
    if event.date_text:
        when += f"  ({event.date_text})"
    facts.add_row("When", when)
    if event.start_date or event.end_date:
        facts.add_row("Span", f"{event.start_date or '?'} – {event.end_date or '?'}")
    facts.add_row("Status", event.status + (f", {event.visit_type} visit" if event.visit_type else ""))
    facts.add_row("Codes", f"CAMEO {event.cameo} · PLOVER {event.plover.event_type}/{event.plover.mode}"
                  f" · confidence {event.confidence:.2f}")
    meetings = Table(title="Meetings", show_lines=False, expand=True)
    for column in ("#", "Counterparts", "Venue", "City", "Date", "Attendees"):
        meetings.add_column(column)
    for n, meeting in enumerate(event.meetings, 1):
        meetings.add_row(str(n), "\n".join(_who(p) for p in meeting.counterparts), meeting.venue or "—",
                         meeting.city or "—", meeting.date or "—", ", ".join(p.name or "?" for p in meeting.attendees) or "—")
    parts: list[object] = [facts, meetings]
    for label, items in (("Topics", event.topics), ("Outcomes", event.outcomes), ("Ceremonies", event.ceremonies)):
        if items:
            parts.append(Text(f"{label}: ", style="bold").append("; ".join(items), style="default"))
    return Panel(Group(*parts), title=f"Visit {index}", border_style="green")  # type: ignore[arg-type]


def render_document(document: Document, console: Console) -> None:
    """Print a Document as panels (events) and tables (people, organizations, places)."""
    source = document.source
    header = f"[bold]{source.path or 'text'}[/]"
    details = [d for d in (source.dateline, source.outlet, source.published) if d]
    if details:
        header += "  " + " · ".join(details)
    console.print(header)
    if not document.events:
        console.print("[yellow]No visit event found.[/]")
    for index, event in enumerate(document.events, 1):
        console.print(_event_panel(event, index))
    people = Table(title="People", expand=True)
    for column in ("Name", "Rank", "Title", "Organization", "Country"):
        people.add_column(column)
    for person in document.people:
        people.add_row(person.name, person.rank or "", person.title or "", person.organization or "", person.country or "")
    console.print(people)
    if document.organizations:
        console.print("[bold]Organizations:[/] " + "; ".join(
            o.name + (f" ({o.acronym})" if o.acronym else "") for o in document.organizations))
    if document.places:
        console.print("[bold]Places:[/] " + "; ".join(f"{p.name} ({p.kind})" for p in document.places))
    for warning in document.warnings:
        console.print(f"[yellow]warning:[/] {warning}")
