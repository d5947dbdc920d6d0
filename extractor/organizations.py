"""Named organizations of an article: the lexicon's institutions and the trained NER's bodies, with
acronyms and shortened names folded into their long forms ('U.N. Security Council' -> United Nations
Security Council), a known name inside a longer one left to the longer one, and page chrome, fragments
of offices, programmes and gatherings left out (`extractor.credits` tells credits and chrome from cited
sources). Formations known by their number and embassies described in lowercase are added.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from spacy.tokens import Doc, Span, Token

from extractor import geography
from extractor.credits import (
    cited_as_source,
    cited_outlets,
    cited_platform,
    is_chrome,
    is_credit,
    is_outlet,
    outlet_names_printed,
    outlet_row,
)
from extractor.dateline import Dateline
from extractor.lexicon import Entry, Lexicon
from extractor.people import country_in_name, demonym_at
from extractor.resources import gazetteer


@dataclass
class OrgRecord:
    """A named organization with its acronym, country and character spans."""

    name: str
    acronym: str | None
    country: str | None
    spans: list[tuple[int, int]] = field(default_factory=list)
    venue_only: bool = True


def _labelled(span: Span, label: str) -> Span:
    return Span(span.doc, span.start, span.end, label=label)


@cache
def _org_heads() -> frozenset[str]:
    heads = gazetteer("name_heads", "word")
    return frozenset(w for w, row in heads.items() if row.get("kind") == "organization")


@cache
def venue_heads() -> frozenset[str]:
    return frozenset(w for w, row in gazetteer("name_heads", "word").items() if row.get("kind") == "venue")


_TRAILING = frozenset({"'s", "\u2019s", "'", ",", "."})


def strip_article(span: Span) -> Span:
    start, end = span.start, span.end
    while start < end and span.doc[start].lower_ in ("the", "a", "an"):
        start += 1
    while end > start and (span.doc[end - 1].text in _TRAILING or span.doc[end - 1].is_space):
        end -= 1
    return span.doc[start:end]


def find_organizations(doc: Doc, lex: Lexicon, person_tokens: set[int],
                       dateline: Dateline | None) -> list[OrgRecord]:
    """Named organizations, acronyms folded into their long forms ('ISPR' -> Inter-Services Public
    Relations)."""
    venue_words = venue_heads()
    person_words = person_word_set(doc, person_tokens)
    by_key: dict[str, OrgRecord] = {}
    acronyms: dict[str, OrgRecord] = {}

    def add(name: str, acronym: str | None, country: str | None, span: Span, venue: bool,
            per_state: bool = False) -> None:
        key = geography.fold(name)
        if per_state:
            # Each state has its own Ministry of Defence; one printed without its state joins the
            # article's only one.
            same = [k for k in by_key if k.split("|")[0] == key]
            key = f"{key}|{country}" if country or len(same) != 1 else same[0]
            record = by_key.get(key)
        else:
            record = by_key.get(key) or (acronyms.get(acronym.lower()) if acronym else None)
        if record is None:
            record = OrgRecord(name, acronym, country)
            by_key[key] = record
        record.acronym = record.acronym or acronym
        record.country = record.country or country
        record.spans.append((span.start_char, span.end_char))
        record.venue_only = record.venue_only and venue
        if record.acronym:
            acronyms[record.acronym.lower()] = record

    def add_outlet(span: Span) -> None:
        row = outlet_row(span.text)
        long = str(row.get("long") or row.get("name") or span.text)
        short = span.text if geography.fold(long) != geography.fold(span.text) else None
        add(long, short, row.get("country"), span, False)

    ner_orgs = [_labelled(_before_rank(_extend_name(strip_article(e)), lex), e.label_)
                for e in doc.ents if e.label_ in ("ORG", "FAC")]
    entries = lex.all("ORG")
    defined = _defined_acronyms(doc, ner_orgs)
    for entry in entries:
        span = entry.span
        if span.end_char <= (dateline.end if dateline else 0):
            continue
        if is_outlet(span.text):
            if is_credit(span) or is_chrome(span):
                continue
            if cited_as_source(span):
                add_outlet(span)  # 'the minister told AFP': the agency, not the Philippine forces
                continue  # else the body: "the PTI's plea"
        if _no_mention_of_the_body(entry, entries, ner_orgs, lex, venue_words):
            continue
        printed = span.text
        is_acronym = (printed.replace(".", "").isupper() and len(printed) <= 8) or \
            printed.replace(".", "").lower() == str(entry.row.get("acronym") or "").lower()  # 'Unesco'
        if is_acronym and printed.replace(".", "") in defined and \
                geography.fold(defined[printed.replace(".", "")]) != geography.fold(entry.canonical):
            continue  # the text spells out its own 'NSC': National Security Committee (NSC)
        generic = entry.row.get("kind") == "ministry" and entry.row.get("country") is None
        owner = _owner_country(span) if generic or entry.row.get("kind") == "intergovernmental" else None
        if owner and not generic:
            # "Russia's Security Council": the state's own council, not the UN's
            add(printed, None, owner, span, False)
            continue
        # A ministry any state has is named one way: 'Foreign Ministry' is the Ministry of Foreign Affairs.
        inverted = generic and not printed.lower().startswith("ministry")
        short = not generic and _short_form(printed, _expand_country(entry.canonical))
        full = is_acronym or inverted or short or printed.lower() == entry.canonical.lower()
        name = entry.canonical if full else printed
        add(_expand_country(name), entry.row.get("acronym"), entry.row.get("country") or owner, span, False,
            per_state=generic)
    for span in ner_orgs:
        if not span.text or not (span.text[:1].isupper() or _ordinal_unit(span)) or len(span) == 0:
            continue
        if any(t.i in person_tokens for t in span) or _owned_lexicon_body(span, lex):
            continue
        inner = lex.at(span.start, "ORG")
        if (lex.covers(span.start, "ORG") and inner is None) or (inner is not None and not (
                len(span) > inner.end - inner.start and _extends(span, inner.span, lex))):
            continue  # the lexicon's name, unless the NER's is a longer body ('Nepal Army Battle School')
        if any(lex.covers(t.i, "RANK", "TITLE", "HONORIFIC", "POSTNOMINAL") for t in span) and \
                not any(t.lower_ in gazetteer("name_heads", "word") for t in span):
            continue
        if dateline and span.start_char < dateline.end:
            continue
        if span.start and doc[span.start - 1].text == "(" and \
                span[0].text.rstrip("-") in outlet_names_printed():
            continue  # "(MENAFN- Kuwait News Agency (KUNA))": a credit
        if is_outlet(span.text) and not is_chrome(span):
            if not is_credit(span):  # 'the minister told Reuters': an agency the article cites
                add_outlet(span)
            continue
        if is_chrome(span) or geography.country(span.text) or geography.demonym(span.text) \
                or geography.city(span.text) or names_a_person(span, person_words):
            continue
        if span[-1].lower_ in venue_words or span.label_ == "FAC" or not _looks_like_body(span, lex):
            continue
        if _used_as_venue(span) and not any(t.lower_ in _org_heads() for t in span):
            continue  # "at the Aiwan-e-Sadr", "at Qasr Al Shati": a building
        acronym = _defined_acronym(doc, span)
        if acronym and acronym.lower() in acronyms:
            acronyms[acronym.lower()].spans.append((span.start_char, span.end_char))
            continue
        if span.text.isupper() and span.text.lower() in acronyms:
            acronyms[span.text.lower()].spans.append((span.start_char, span.end_char))
            continue
        name, owner = _without_owner(span)
        name = name.replace("Airforce", "Air Force")  # 'Ghana Airforce'
        add(_expand_country(name), acronym, owner or country_in_name(span.text), span, False)
    def named_already(span: Span) -> bool:
        return any(a <= span.start_char < b for r in by_key.values() for a, b in r.spans)

    for span in _numbered_formations(doc):
        if not named_already(span):
            add(span.text, None, country_in_name(span.text), span, False)
    for span, state in _described_embassies(doc):
        printed_form = by_key.get(geography.fold(f"{geography.country_name(state)} Embassy"))
        if printed_form is not None:
            printed_form.spans.append((span.start_char, span.end_char))  # the 'US Embassy' it names again
        else:
            add(f"Embassy of {geography.country_name(state)}", None, state, span, False)
    for span in cited_outlets(doc):
        in_dateline = dateline is not None and span.start_char < dateline.end
        if not named_already(span) and not in_dateline and not is_credit(span):
            add_outlet(span)
    return _merge_state_forms([r for r in by_key.values() if r.name.split()[-1].lower() not in venue_words])


def _no_mention_of_the_body(entry: Entry, entries: list[Entry], ner_orgs: list[Span], lex: Lexicon,
                            venue_words: frozenset[str]) -> bool:
    """A lexicon match that does not name the body itself: part of a longer name, of an office, of a
    place's or a text's name, page chrome, a building, a share button."""
    span = entry.span
    if _inside_longer_name(entry, entries, ner_orgs, lex) or is_chrome(span):
        return True  # "Security Council" inside "Supreme National Security Council"
    if any(t.start <= span.start and span.end <= t.end and (t.end - t.start) > len(span)
           and (entry.row.get("kind") == "staff" or _begins_longer_name(span, t.end))
           for t in lex.all("TITLE")):
        return True  # "Joint Chiefs of Staff" inside the office "Chairman of the Joint Chiefs of Staff"
    if _names_a_thing_of(span, venue_words) or _begins_portfolio(span):
        return True  # "Canadian Forces Base", "the UN Charter": a place or a text named after the body
    if entry.row.get("kind") == "other" and _used_as_venue(span) and \
            not any(t.lower_ in _org_heads() for t in span):
        return True  # "at the Aiwan-e-Sadr": a building
    return entry.row.get("kind") == "platform" and not cited_platform(span)  # "Follow us on Facebook"


_FORMATION_HEADS = frozenset({"battalion", "brigade", "regiment", "division", "corps", "fleet", "rifles",
                              "squadron", "wing", "command", "area", "army", "group"})


def _numbered_formations(doc: Doc) -> list[Span]:
    """'a battalion from the 11th Gorkha Rifles', 'the 5th Fleet': military formations known by their
    number, which the tagger often leaves untagged."""
    found = []
    for token in doc:
        if not token.text[:1].isdigit() or not _ordinal_unit(doc[token.i : token.i + 2]):
            continue
        end = token.i + 1
        while end < len(doc) and end - token.i <= 4 and doc[end].text[:1].isupper() and doc[end].is_alpha:
            end += 1
        if end > token.i + 1 and doc[end - 1].lower_ in _FORMATION_HEADS:
            found.append(doc[token.i : end])
    return found


def _described_embassies(doc: Doc) -> list[tuple[Span, str]]:
    """'the Indian embassy', 'US embassy officials': a state's embassy, named as 'Embassy of India'."""
    found = []
    for token in doc:
        if token.text != "embassy" or token.i == 0:  # 'the US Embassy' is the tagger's
            continue
        for start in range(max(0, token.i - 3), token.i):
            owner = demonym_at(doc, start)
            if owner and owner[1] == token.i and geography.country_name(owner[0]):
                found.append((doc[start : token.i + 1], owner[0]))
                break
    return found


def _merge_state_forms(records: list[OrgRecord]) -> list[OrgRecord]:
    """"Colombia's Armed Forces" and "the Armed Forces of Colombia" are one body."""
    by_name = {geography.fold(r.name): r for r in records}
    kept = []
    for record in records:
        state = geography.country_name(record.country)
        full = by_name.get(geography.fold(f"{record.name} of {state}")) if state else None
        if state is None:
            # "the country's National Defence Forces" after "the National Defence Forces of Maldives"
            prefix = geography.fold(f"{record.name} of ")
            forms = [r for r in records if geography.fold(r.name).startswith(prefix) and r.country]
            full = forms[0] if len(forms) == 1 else None
        if full is not None and full is not record:
            full.spans.extend(record.spans)
            full.venue_only = full.venue_only and record.venue_only
        else:
            kept.append(record)
    return kept


_NOT_BODY_WORDS = {"agreement", "treaty", "corridor", "partnership", "programme", "program", "initiative",
                   "declaration", "exercise", "accord", "pact", "convention", "protocol", "plan", "vision",
                   "strategy", "framework", "deal", "summit", "for", "staff", "format", "parade", "day"}
_GENERIC_BODIES = {"army", "navy", "presidency", "department", "cabinet", "state", "government", "ministry",
                   "secretaries", "committee", "council", "military", "parliament"}


def _owner_country(span: Span) -> str | None:
    """The state printed before a body ('Turkish Foreign Ministry', "Nepal's Ministry of Defence")
    or after it ('the Ministry of Foreign Affairs of the Republic of Türkiye')."""
    doc = span.doc
    for start in range(max(0, span.start - 4), span.start):
        found = demonym_at(doc, start)
        if found and found[1] == span.start:
            return found[0]
    k = span.end
    if k < len(doc) and doc[k].lower_ == "of":
        k += 1
        if k < len(doc) and doc[k].lower_ == "the":
            k += 1
        for length in (4, 3, 2, 1):
            entry = geography.country(doc[k : k + length].text) if k + length <= len(doc) else None
            if entry is not None and entry.kind == "country":
                return entry.iso3
    return None


def _inside_longer_name(entry: Entry, entries: list[Entry], ner_orgs: list[Span], lex: Lexicon) -> bool:
    """A known body's name inside a longer name: 'Security Council' in 'Supreme National Security
    Council', 'Nepal Army' in 'Nepal Army Battle School'. A state printed before it ('Turkish Foreign
    Ministry') or a hyphen ('EU-Mercosur', 'non-EU') does not make a longer name."""
    span = entry.span
    if any(e.start <= span.start and span.end <= e.end and e.end - e.start > len(span) for e in entries):
        return True
    return any(o.start <= span.start and span.end <= o.end and len(o) > len(span) and _extends(o, span, lex)
               for o in ner_orgs)


def _extends(longer: Span, span: Span, lex: Lexicon) -> bool:
    """The NER's longer name is a body of its own: it adds name words to the known one, not a state
    ('Turkish Foreign Ministry', 'JICA Pakistan Office'), a rank or a person ('Navy Admiral ...')."""
    doc = span.doc
    extra = [t for t in longer if not span.start <= t.i < span.end]
    if any(lex.covers(t.i, "RANK", "TITLE", "HONORIFIC") or t.ent_type_ == "PERSON" for t in extra):
        return False
    if any(t.lower_ in venue_heads() for t in extra):
        return False  # 'League of Arab States Headquarters', 'White House National Security Council'
    after = doc[span.end] if span.end < longer.end else None
    if after is not None and after.text[:1].isupper() and after.is_alpha:
        # 'Nepal Army Battle School', 'United Nations Economic Commission for ...'; not 'NATO Allies',
        # 'JICA Pakistan Office' or a name run into the next ('Ministry of Foreign Affairs Pham Thu Hang')
        return _head_word(doc[span.end : longer.end]).lower_ in _org_heads() and \
            not (geography.country(after.text) or geography.demonym(after.text))
    if _head_word(longer).lower_ not in _org_heads():
        return False
    if span.start == longer.start:
        return False
    before = doc[span.start - 1]
    if before.text in _JOINERS or _owner_country(span) is not None:
        return False
    return (before.text[:1].isupper() and before.is_alpha) or before.text in ("'s", "\u2019s", "&")


_JOINERS = frozenset({"-", "\u2013", "/"})


_INSTRUMENTS = frozenset({"charter", "treaty", "convention", "protocol"})
_OWN_PLACES = frozenset({"headquarters", "hq", "secretariat"})


def _names_a_thing_of(span: Span, venue_words: frozenset[str]) -> bool:
    """A known body's name that begins the name of a place or a text: 'Canadian Forces Base',
    'United Nations Charter' (its headquarters are still the body's)."""
    doc = span.doc
    nxt = doc[span.end] if span.end < len(doc) else None
    if nxt is None or not nxt.text[:1].isupper():
        return False
    return (nxt.lower_ in venue_words and nxt.lower_ not in _OWN_PLACES) or nxt.lower_ in _INSTRUMENTS


def _ordinal_unit(span: Span) -> bool:
    """'7th Infantry Battalion', '101 Area': a formation known by its number."""
    first = span[0].lower_
    numbered = first.isdigit() or (first[:-2].isdigit() and first[-2:] in ("st", "nd", "rd", "th"))
    return len(span) > 1 and numbered and span[1].text[:1].isupper()


def _begins_portfolio(span: Span) -> bool:
    """'Minister of Presidency Affairs': the body's name begins a portfolio."""
    doc = span.doc
    return span.end < len(doc) and doc[span.end].text == "Affairs"


def _head_word(span: Span) -> Token:
    """The word naming what kind of body a name is: 'Commission' in 'Economic Commission for Latin
    America', 'League' in 'League of Arab States'."""
    cut = next((t.i for t in span if t.lower_ in ("of", "for", "on") and t.i > span.start), span.end)
    return span.doc[cut - 1]


def _begins_longer_name(span: Span, title_end: int) -> bool:
    """Inside an office, a body's name that runs on into a longer one ('Joint Chiefs of Staff' in
    'Chairman Joint Chiefs of Staff Committee'); 'President of the European Commission' and 'NATO
    Secretary General' name the body itself."""
    doc = span.doc
    return span.end < title_end and doc[span.end].lower_ in _org_heads()


def _defined_acronyms(doc: Doc, ner_orgs: list[Span]) -> dict[str, str]:
    """Acronyms the text spells out itself: 'National Security Committee (NSC)' -> {'NSC': ...}."""
    found: dict[str, str] = {}
    for span in ner_orgs:
        acronym = _defined_acronym(doc, span)
        if acronym:
            found.setdefault(acronym, span.text)
    return found


def _short_form(printed: str, canonical: str) -> bool:
    """'Security Council', 'AU Commission', 'U.S. State Department': a shortened or abbreviated
    form of the known name, which is then written in full."""
    words = set(geography.fold(printed.replace(".", "")).split()) - {"the", "of", "and"}
    full = set(geography.fold(canonical).split()) - {"the", "of", "and"}
    if words < full:
        return True
    letters = [w.replace(".", "") for w in printed.split()[:-1]]
    return any(w.isupper() and 1 < len(w) <= 5 for w in letters)


def _without_owner(span: Span) -> tuple[str, str | None]:
    """"Iran's Supreme National Security Council" -> the council, of IRN: a possessive state is no
    part of the body's name."""
    doc = span.doc
    for k in range(span.start + 1, min(span.end - 1, span.start + 4)):
        if doc[k].text in ("'s", "\u2019s"):
            found = demonym_at(doc, span.start)
            if found and found[1] == k + 1:
                return doc[k + 1 : span.end].text, found[0]
    return span.text, None


def _owned_lexicon_body(span: Span, lex: Lexicon) -> bool:
    """A NER name that is a known body behind its state's name ('Turkish Foreign Ministry'): the
    lexicon's match stands for it, its state as the body's country."""
    return any(e.end == span.end and e.start > span.start and _owner_country(e.span) is not None
               for e in lex.all("ORG") if span.start < e.start < span.end)


def _expand_country(name: str) -> str:
    """'U.S. Department of Defense' -> 'United States Department of Defense': a country printed as
    an abbreviation inside a body's name is written out."""
    first, _, rest = name.partition(" ")
    entry = geography.country(first) if rest and first.replace(".", "").isupper() else None
    if entry is not None and entry.kind == "country" and len(first.replace(".", "")) <= 3:
        return f"{entry.name} {rest}"
    return name


_GENERIC_SERVICES = {"air force", "defence force", "defense force", "defence forces", "defense forces",
                     "armed forces", "national guard",
                     "coast guard", "honour guard", "honor guard", "guard of honour", "guard of honor",
                     "police", "navy", "army"}
_PUBLICATION_WORDS = {"news", "daily", "times", "post", "herald", "tribune", "gazette", "journal"}


def _looks_like_body(span: Span, lex: Lexicon) -> bool:
    """A NER 'organization' worth reporting: not a lone word, a programme or an office's portfolio."""
    if any(t.is_alpha and t.text[:1].islower() and t.lower_ not in ("of", "the", "and", "for", "de", "al")
           for t in span):
        return False  # "Philippine armed forces": a description, not a name
    words = [t.lower_ for t in span if t.is_alpha]
    if not words or words[-1] in _NOT_BODY_WORDS:
        return False
    if words[-1] not in _org_heads() and any(w in _NOT_BODY_WORDS - {"for", "staff"} for w in words):
        return False  # "Joint Defence Agreement Review"; but the "Amazon Cooperation Treaty Organization"
    if len(span) == 1:
        return False
    if not any(t.lower_ in gazetteer("name_heads", "word") or t.lower_ in _PUBLICATION_WORDS for t in span):
        return False  # "National Unity", "Juan Bosch Housing Project", "Super Mushshak": no word names a body
    unqualified = " ".join(w for w in words if not geography.demonym(w))
    if " ".join(words) in _GENERIC_SERVICES or unqualified == "party":
        return False  # "Air Force", "the Honour Guard", "Vietnamese Party General Secretary": no own name
    numbered = _ordinal_unit(span) or (span.start > 0 and _ordinal_unit(span.doc[span.start - 1 : span.end]))
    if words[-1] == "congress" and numbered:
        return False  # "the 13th National Party Congress": a gathering
    if "heads" in words or _party_organ(span, lex):
        return False  # "Council of Heads of State": offices meeting; a party's organs fold into the party
    if lex.covers(span.start, "RANK", "TITLE") and len(span) > 1 and span[1].lower_ == "of":
        return False  # "the honorary rank of General of the Indian Army"
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    if nxt is not None and nxt.lower_ in _NOT_BODY_WORDS - {"for", "staff"}:
        return False  # "the Youth Building the Future program"
    if len(words) == 1 and words[0] in _GENERIC_BODIES:
        return False
    heads = gazetteer("name_heads", "word")
    if _head_word(span).lower_ not in heads and _after_office(span, lex):
        return False
    return not (span[0].lower_ in _GENERIC_BODIES and len(span) <= 2 and span[-1].lower_ in _GENERIC_BODIES)


_ORGAN_HEADS = frozenset({"committee", "bureau", "office", "commission", "secretariat", "politburo"})


def _party_organ(span: Span, lex: Lexicon) -> bool:
    """'Central Committee', 'Standing Committee of the Political Bureau' of a party named beside it:
    the party is the body (devset convention: party organs fold into the party)."""
    if _head_word(span).lower_ not in _ORGAN_HEADS:
        return False
    doc = span.doc
    for party in (e for e in lex.all("ORG") if e.row.get("kind") == "party"):
        if span.start <= party.start < span.end:
            return True  # "the General Office of the CPC Central Committee"
        between = doc[party.end : span.start] if party.end <= span.start else doc[span.end : party.start]
        bracketed = all(t.text in "()" or t.is_upper for t in between)
        if party.end <= span.start and len(between) <= 3 and bracketed:
            return True  # "the Communist Party of China (CPC) Central Committee"
        if party.start >= span.end and [t.lower_ for t in between] in (["of"], ["of", "the"]):
            return True  # "the Political Bureau of the Communist Party of China"
    return False


def _after_office(span: Span, lex: Lexicon) -> bool:
    """'Minister of Industry and Advanced Technology': a portfolio printed after an office."""
    doc = span.doc
    k = span.start - 1
    while k >= 0 and k >= span.start - 8:
        token = doc[k]
        if lex.covers(k, "TITLE"):
            return True
        if token.lower_ in ("and", "of", "for", "the", ",", "&") or \
                (token.text[:1].isupper() and token.is_alpha):
            k -= 1
            continue
        return False
    return False


def _before_rank(span: Span, lex: Lexicon) -> Span:
    """The small NER runs a body into the rank after it: 'the Armed Forces of Uzbekistan Major ...'."""
    if len(span) == 0 or span[-1].lower_ in _org_heads():
        return span  # "General Assembly", "Attorney General's Office": the rank word is part of the name
    cut = next((k for k in range(span.start + 1, span.end) if lex.at(k, "RANK", "HONORIFIC")), span.end)
    return span.doc[span.start : cut]


def _extend_name(span: Span) -> Span:
    """Extend a truncated name over 'and'/'of' + capitalised words ('Ministry of Foreign' -> '... Affairs'),
    and a body's remit after 'for' ('Economic Commission' -> '... for Latin America')."""
    doc = span.doc
    heads = gazetteer("name_heads", "word")
    end = span.end
    while end + 1 < len(doc) and doc[end + 1].text[:1].isupper() and doc[end + 1].is_alpha:
        joiner, first = doc[end].lower_, doc[end + 1]
        if joiner == "for":
            if doc[end - 1].lower_ not in _org_heads():
                break
        elif joiner not in ("and", "of", "&") or first.ent_type_ not in ("", "ORG", "PERSON", "NORP"):
            break
        elif joiner != "of" and first.ent_iob_ == "B" and first.ent_type_ == "ORG":
            break  # "Hamas and Fatah": two names
        nxt = end + 2
        while nxt < len(doc) and doc[nxt].text[:1].isupper() and doc[nxt].is_alpha:
            nxt += 1
        if joiner == "of" and doc[nxt - 1].lower_ not in heads:
            break
        end = nxt
    cut = next((t.i for t in doc[span.start : end] if t.text == "("), end)
    while cut > span.start + 1 and doc[cut - 1].lower_ in ("of", "the", "and", "for", "&"):
        cut -= 1  # "Chief of Defence Forces of the ...": the tagger stopped mid-phrase
    return doc[span.start : cut]


def names_a_person(span: Span, person_words: set[str]) -> bool:
    words = [geography.fold(t.text) for t in span if t.is_alpha and len(t.text) > 2]  # as person_word_set
    return bool(words) and all(w in person_words for w in words)


def person_word_set(doc: Doc, person_tokens: set[int]) -> set[str]:
    """Folded words of every person's name: a NER 'place' or 'organization' made of them is a name."""
    return {geography.fold(doc[i].text) for i in person_tokens if doc[i].is_alpha and len(doc[i].text) > 2}


def _used_as_venue(span: Span) -> bool:
    before = span.doc[max(0, span.start - 2) : span.start]
    return any(t.lower_ == "at" for t in before)


def _defined_acronym(doc: Doc, span: Span) -> str | None:
    """The acronym printed in parentheses right after a long name: 'Inter-Services Public Relations
    (ISPR)'."""
    i = span.end
    if i + 2 < len(doc) and doc[i].text == "(" and doc[i + 2].text == ")":
        candidate = doc[i + 1].text
        if candidate.isupper() and 2 <= len(candidate) <= 8:
            return candidate
    return None
