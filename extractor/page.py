"""A self-contained HTML page for one article: its entities highlighted, its visit record beside it.

Reads only a `models.Document` (and the article text, when at hand): people, organizations and places
are highlighted from their `mentions`, and every field of the visit card links to its evidence in the
text (a mention, the printed date, the venue, or the sentence the meeting was read from). The page has
inline CSS, no script and a Content-Security-Policy that forbids every network load, so it opens
offline and can be mailed as one file. No spaCy, Typer or Rich import.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from models import Document, Meeting, Person, Span, VisitEvent

# Stands for characters of the article that the record does not carry (rendering without the text).
UNKNOWN = "\0"

KINDS: dict[str, str] = {
    "person": "PERSON",
    "organization": "ORG",
    "country": "COUNTRY",
    "city": "CITY",
    "place": "PLACE",
    "venue": "VENUE",
    "date": "DATE",
}
# Highlight priority where two spans overlap: a person's name wins over an office's organization.
_PRIORITY = {kind: n for n, kind in enumerate(KINDS)}

CSS = """
*{box-sizing:border-box}
body{margin:0;font:15px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;
 color:#1d232b;background:#f4f5f7}
header{padding:14px 28px;background:#1f2a44;color:#fff}
header h1{margin:0;font-size:19px;font-weight:600}
header .meta{color:#c4cbe0;font-size:13px;margin-top:2px}
.legend{padding:8px 28px;background:#fff;border-bottom:1px solid #dde1e8;font-size:12px}
.legend .ent{margin-right:6px}
main{display:grid;grid-template-columns:minmax(0,1.45fr) minmax(320px,1fr);gap:22px;padding:22px 28px;
 align-items:start}
article{background:#fff;border:1px solid #dde1e8;border-radius:8px;padding:20px 24px;white-space:pre-wrap;
 line-height:2.05;font-size:15.5px}
aside{position:sticky;top:12px}
.card{background:#fff;border:1px solid #dde1e8;border-radius:8px;padding:16px 18px;margin-bottom:16px}
.card h2{margin:0 0 10px;font-size:16px;display:flex;align-items:center;gap:8px;flex-wrap:wrap}
.card h3{margin:14px 0 6px;font-size:13px;text-transform:uppercase;letter-spacing:.05em;color:#5b6577}
dl{display:grid;grid-template-columns:max-content 1fr;gap:4px 12px;margin:0}
dt{color:#5b6577;font-size:13px;padding-top:1px}
dd{margin:0}
.role{color:#5b6577;font-size:13px}
.muted{color:#8a93a3}
.badge{font-size:11px;font-weight:600;padding:2px 8px;border-radius:10px;background:#e8ebf1;color:#333}
.badge.occurred{background:#d3f4dc;color:#11602b}
.badge.planned{background:#fde7c2;color:#7a4b00}
ol.meetings{margin:0;padding-left:20px}
ol.meetings li{margin-bottom:8px}
ul.plain{margin:0;padding-left:18px}
a{color:#1f4fbf;text-decoration:none;border-bottom:1px dotted #1f4fbf}
a:hover{background:#eef3ff}
a.ev{font-size:12px;border:0;color:#6b48c8}
.ent{padding:1px 4px;border-radius:4px;line-height:1;box-decoration-break:clone;-webkit-box-decoration-break:clone}
.ent .lbl{font-size:9px;font-weight:700;letter-spacing:.03em;margin-left:4px;vertical-align:middle;opacity:.7}
.person{background:#ffd8a8}.organization{background:#c3f0c8}.country{background:#a5e4f3}
.city{background:#b9d3ff}.place{background:#d6ccff}.venue{background:#ffc9ec}.date{background:#fff3a3}
.sent{background:#f1ecff;border-radius:3px}
.sent:target,.ent:target{outline:3px solid #6b48c8;outline-offset:1px;background-color:#e2d7ff}
.gap{color:#8a93a3}
.note{font-size:12px;color:#5b6577;margin-top:10px}
"""


@dataclass(frozen=True)
class Mark:
    """A highlighted slice of the text: `kind` is a key of KINDS, or 'sentence' for evidence."""

    start: int
    end: int
    kind: str

    @property
    def anchor(self) -> str:
        """The element id the card links to."""
        prefix = "s" if self.kind == "sentence" else "m"
        return f"{prefix}{self.start}-{self.end}"


def text_matches(document: Document, text: str) -> bool:
    """True when every span of the record points at the same characters in `text`."""
    return all(text[s.start : s.end] == s.text for s in _all_spans(document))


def sparse_text(document: Document) -> str:
    """The article rebuilt from the record's own spans; characters it does not carry are UNKNOWN."""
    spans = list(_all_spans(document))
    size = max((s.end for s in spans), default=0)
    chars = [UNKNOWN] * size
    for span in spans:
        chars[span.start : span.end] = span.text
    return "".join(chars)


def _all_spans(document: Document) -> Iterable[Span]:
    for person in _all_people(document):
        yield from person.mentions
    for org in document.organizations:
        yield from org.mentions
    for place in document.places:
        yield from place.mentions
    for event in document.events:
        yield from event.evidence
        for meeting in event.meetings:
            yield from meeting.evidence


def _all_people(document: Document) -> Iterable[Person]:
    yield from document.people
    for event in document.events:
        yield event.visitor
        yield from event.delegation
        for meeting in event.meetings:
            yield from meeting.counterparts
            yield from meeting.attendees


def _place_kind(kind: str) -> str:
    return kind if kind in ("country", "city", "venue") else "place"


def _find(text: str, needle: str | None, within: Sequence[Span]) -> Mark | None:
    """The first case-insensitive occurrence of `needle`, inside `within` first, else anywhere."""
    if not needle or not needle.strip():
        return None
    pattern = re.compile(r"(?<!\w)" + re.escape(needle.strip()) + r"(?!\w)", re.IGNORECASE)
    for span in within:
        found = pattern.search(text, span.start, span.end)
        if found:
            return Mark(found.start(), found.end(), "")
    found = pattern.search(text)
    return Mark(found.start(), found.end(), "") if found else None


class PageBuilder:
    """Collects the marks of one Document, resolves overlaps, and writes the page."""

    def __init__(self, document: Document, text: str) -> None:
        self.document = document
        self.text = text
        self.marks: list[Mark] = []
        self.sentences: list[Mark] = []
        self._collect()
        self.accepted = self._resolve()

    # -- collecting ---------------------------------------------------------------------------

    def _add(self, start: int, end: int, kind: str) -> Mark | None:
        if end <= start or end > len(self.text):
            return None
        mark = Mark(start, end, kind)
        if mark not in self.marks:
            self.marks.append(mark)
        return mark

    def _collect(self) -> None:
        doc = self.document
        for person in _all_people(doc):
            for span in person.mentions:
                self._add(span.start, span.end, "person")
        for org in doc.organizations:
            for span in org.mentions:
                self._add(span.start, span.end, "organization")
        for place in doc.places:
            for span in place.mentions:
                self._add(span.start, span.end, _place_kind(place.kind))
        for event in doc.events:
            for span in event.evidence:
                self.sentences.append(Mark(span.start, span.end, "sentence"))
            self._locate(event.date_text, event.evidence, "date")
            self._locate(event.city, event.evidence, "city")
            for meeting in event.meetings:
                for span in meeting.evidence:
                    self.sentences.append(Mark(span.start, span.end, "sentence"))
                within = meeting.evidence or event.evidence
                self._locate(meeting.date_text, within, "date")
                self._locate(meeting.venue, within, "venue")
                self._locate(meeting.city, within, "city")

    def _locate(self, value: str | None, within: Sequence[Span], kind: str) -> Mark | None:
        found = _find(self.text, value, within)
        return self._add(found.start, found.end, kind) if found else None

    def _resolve(self) -> list[Mark]:
        """Non-overlapping marks, each inside one evidence sentence or outside all of them."""
        merged: list[Mark] = []
        for sentence in sorted(set(self.sentences), key=lambda m: (m.start, -m.end)):
            if merged and sentence.start < merged[-1].end:
                last = merged.pop()
                sentence = Mark(last.start, max(last.end, sentence.end), "sentence")
            merged.append(sentence)
        self.sentences = merged
        accepted: list[Mark] = []
        order = sorted(self.marks, key=lambda m: (_PRIORITY.get(m.kind, 99), -(m.end - m.start), m.start))
        for mark in order:
            if any(mark.start < a.end and a.start < mark.end for a in accepted):
                continue
            if any(mark.start < s.end and s.start < mark.end and not (s.start <= mark.start and mark.end <= s.end)
                   for s in self.sentences):
                continue
            accepted.append(mark)
        return sorted(accepted, key=lambda m: m.start)

    # -- linking ------------------------------------------------------------------------------

    def link(self, span: Mark | Span | None) -> str | None:
        """The anchor for a slice of text: its own mark, an overlapping one, or its sentence."""
        if span is None:
            return None
        for mark in self.accepted:
            if (mark.start, mark.end) == (span.start, span.end):
                return mark.anchor
        for mark in self.accepted:
            if mark.start < span.end and span.start < mark.end:
                return mark.anchor
        for sentence in self.sentences:
            if sentence.start <= span.start < sentence.end:
                return sentence.anchor
        return None

    def person_span(self, person: Person, within: Sequence[Span]) -> Span | None:
        """The person's first mention inside `within`, else their first mention."""
        mentions = sorted(person.mentions, key=lambda s: s.start)
        for mention in mentions:
            if any(w.start <= mention.start and mention.end <= w.end for w in within):
                return mention
        return mentions[0] if mentions else None

    def country_span(self, iso3: str | None, within: Sequence[Span]) -> Span | None:
        """The first mention of the country coded `iso3`, inside `within` first."""
        if not iso3:
            return None
        mentions = sorted((s for p in self.document.places if p.kind == "country" and p.country == iso3
                           for s in p.mentions), key=lambda s: s.start)
        inside = [m for m in mentions if any(w.start <= m.start and m.end <= w.end for w in within)]
        return (inside or mentions or [None])[0]

    def country_name(self, iso3: str) -> str:
        """The record's name for the country coded `iso3`, e.g. 'Pakistan'."""
        for place in self.document.places:
            if place.kind == "country" and place.country == iso3:
                return place.name
        return iso3

    # -- writing ------------------------------------------------------------------------------

    def a(self, label: str, span: Mark | Span | None, css: str = "") -> str:
        """An escaped label, linked to its evidence when there is any."""
        anchor = self.link(span)
        text = html.escape(label)
        if anchor is None:
            return text
        cls = f' class="{css}"' if css else ""
        return f'<a href="#{anchor}"{cls}>{text}</a>'

    def person(self, person: Person, within: Sequence[Span]) -> str:
        """A person's linked name with rank, title, organization and country."""
        role = " · ".join(x for x in (person.rank, person.title, person.organization, person.country) if x)
        out = self.a(person.name or "(unnamed)", self.person_span(person, within))
        return out + (f' <span class="role">{html.escape(role)}</span>' if role else "")

    def evidence(self, spans: Sequence[Span]) -> str:
        """Links to the sentences a record was built from."""
        links = [self.a(f"¶{n}", span, "ev") for n, span in enumerate(spans, 1)]
        return " ".join(links)

    def meeting(self, meeting: Meeting, event: VisitEvent) -> str:
        within = meeting.evidence or event.evidence
        rows = []
        who = ", ".join(self.person(p, within) for p in meeting.counterparts) or '<span class="muted">—</span>'
        rows.append(f"<div><strong>with</strong> {who}</div>")
        where = []
        if meeting.venue:
            where.append(self.a(meeting.venue, _find(self.text, meeting.venue, within)))
        if meeting.city:
            where.append(self.a(meeting.city, _find(self.text, meeting.city, within)))
        if meeting.date:
            found = _find(self.text, meeting.date_text, within)
            where.append(self.a(meeting.date, found) + (f' <span class="muted">({html.escape(meeting.date_text)})</span>'
                                                         if meeting.date_text else ""))
        if where:
            rows.append(f'<div class="role">{" · ".join(where)}</div>')
        if meeting.attendees:
            rows.append('<div class="role">also present: '
                        + ", ".join(self.a(p.name, self.person_span(p, within)) for p in meeting.attendees) + "</div>")
        if meeting.topics:
            rows.append(f'<div class="role">topics: {html.escape("; ".join(meeting.topics))}</div>')
        rows.append(f"<div>{self.evidence(meeting.evidence)}</div>")
        return "<li>" + "".join(rows) + "</li>"

    def event_card(self, event: VisitEvent, index: int) -> str:
        ev = event.evidence
        rows: list[tuple[str, str]] = [("Visitor", self.person(event.visitor, ev))]
        for label, code in (("From", event.visitor_country), ("Host", event.host_country)):
            if code:
                name = self.country_name(code)
                shown = f"{name} ({code})" if name != code else code
                rows.append((label, self.a(shown, self.country_span(code, ev)) if self.country_span(code, ev)
                             else self.a(shown, ev[0] if ev else None)))
            else:
                rows.append((label, '<span class="muted">unknown</span>'))
        if event.city:
            rows.append(("Place", self.a(event.city, _find(self.text, event.city, ev))))
        when = '<span class="muted">not stated</span>'
        if event.date:
            when = self.a(event.date, _find(self.text, event.date_text, ev) or (ev[0] if ev else None))
            if event.date_text:
                when += f' <span class="muted">({html.escape(event.date_text)})</span>'
        rows.append(("Date", when))
        if event.start_date or event.end_date:
            rows.append(("Span", html.escape(f"{event.start_date or '?'} – {event.end_date or '?'}")))
        if event.delegation:
            rows.append(("Delegation", ", ".join(self.person(p, ev) for p in event.delegation)))
        for label, items in (("Topics", event.topics), ("Outcomes", event.outcomes), ("Ceremonies", event.ceremonies)):
            if items:
                rows.append((label, html.escape("; ".join(items))))
        rows.append(("Evidence", self.evidence(ev) or '<span class="muted">—</span>'))
        facts = "".join(f"<dt>{label}</dt><dd>{value}</dd>" for label, value in rows)
        badges = f'<span class="badge {event.status}">{event.status}</span>'
        if event.visit_type:
            badges += f' <span class="badge">{event.visit_type} visit</span>'
        badges += f' <span class="badge">CAMEO {event.cameo}</span>'
        meetings = "".join(self.meeting(m, event) for m in event.meetings)
        meetings_html = f'<h3>Meetings</h3><ol class="meetings">{meetings}</ol>' if meetings else ""
        return (f'<section class="card visit" id="visit-{index}"><h2>Visit {index} {badges}</h2>'
                f"<dl>{facts}</dl>{meetings_html}</section>")

    def people_card(self) -> str:
        doc = self.document
        if not doc.people and not doc.organizations and not doc.places:
            return ""
        parts = []
        if doc.people:
            items = "".join(f"<li>{self.person(p, [])}</li>" for p in doc.people)
            parts.append(f'<h3>People</h3><ul class="plain">{items}</ul>')
        for label, names in (("Organizations", [(o.name + (f" ({o.acronym})" if o.acronym else ""), o.mentions)
                                                for o in doc.organizations]),
                             ("Places", [(p.name, p.mentions) for p in doc.places])):
            if names:
                linked = ", ".join(self.a(name, min(spans, key=lambda s: s.start) if spans else None)
                                   for name, spans in names)
                parts.append(f"<h3>{label}</h3><div>{linked}</div>")
        return '<section class="card entities">' + "".join(parts) + "</section>"

    def article(self) -> str:
        """The article's text with sentences and marks as nested spans."""
        text = self.text
        out: list[str] = []
        pos = 0
        marks = iter(self.accepted)
        pending = next(marks, None)
        boundaries = sorted(self.sentences, key=lambda m: m.start)

        def plain(start: int, end: int) -> str:
            piece = text[start:end]
            return re.sub(f"{UNKNOWN}+", '<span class="gap"> […] </span>', html.escape(piece))

        def inline(start: int, end: int) -> str:
            nonlocal pending
            chunk: list[str] = []
            cursor = start
            while pending is not None and pending.start < end:
                if pending.start < cursor:
                    pending = next(marks, None)
                    continue
                chunk.append(plain(cursor, pending.start))
                chunk.append(f'<mark class="ent {pending.kind}" id="{pending.anchor}">'
                             f"{plain(pending.start, pending.end)}"
                             f'<span class="lbl">{KINDS.get(pending.kind, "")}</span></mark>')
                cursor = pending.end
                pending = next(marks, None)
            chunk.append(plain(cursor, end))
            return "".join(chunk)

        for sentence in boundaries:
            out.append(inline(pos, sentence.start))
            out.append(f'<span class="sent" id="{sentence.anchor}">{inline(sentence.start, sentence.end)}</span>')
            pos = sentence.end
        out.append(inline(pos, len(text)))
        return "".join(out)

    def page(self, title: str) -> str:
        doc = self.document
        meta = " · ".join(x for x in (doc.source.dateline, doc.source.outlet, doc.source.published,
                                       doc.source.path) if x)
        cards = [self.event_card(e, n) for n, e in enumerate(doc.events, 1)]
        if not cards:
            cards.append('<section class="card visit"><h2>No visit reported</h2>'
                         '<div class="muted">diplo found no visit event in this article.</div></section>')
        legend = " ".join(f'<mark class="ent {kind}">{KINDS[kind].title()}</mark>' for kind in KINDS)
        legend += ' <span class="sent">evidence sentence</span>'
        notes = "".join(f'<div class="note">⚠ {html.escape(w)}</div>' for w in doc.warnings)
        if UNKNOWN in self.text:
            notes += '<div class="note">The article text was not available: only the sentences and names the ' \
                     "record carries are shown.</div>"
        return (
            "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{html.escape(title)} · diplo</title><style>{CSS}</style></head><body>"
            f'<header><h1>{html.escape(title)}</h1><div class="meta">{html.escape(meta)}</div></header>'
            f'<div class="legend">{legend}</div>'
            f'<main><article id="article">{self.article()}</article>'
            f'<aside>{"".join(cards)}{self.people_card()}{notes}</aside></main>'
            "</body></html>\n"
        )


def page_title(document: Document, text: str) -> str:
    """The article's first line when it reads like a headline, else its file name."""
    first = next((line.strip() for line in text.split("\n") if line.strip() and UNKNOWN not in line), "")
    if first and len(first) <= 160:
        return first
    if document.source.path and document.source.path != "-":
        return document.source.path.rsplit("/", 1)[-1]
    return "Article"


def render_page(document: Document, text: str | None = None, *, title: str | None = None) -> str:
    """The HTML page of one record.

    Args:
        document: the record, e.g. `extract(text)` or a saved `diplo extract --json` line.
        text: the article it was extracted from; without it (or when the record's spans do not point
            into it) the page shows only what the record carries: its sentences and names.
        title: the page heading; default the article's first line.
    """
    if text is None or not text_matches(document, text):
        text = sparse_text(document)
    return PageBuilder(document, text).page(title or page_title(document, text))
