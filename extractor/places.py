"""Places named in an article: countries, cities, regions and seas, under canonical names.

The gazetteers (pycountry, geonames, the data files) say what a name can be; the sentence says
whether it is one here: 'Medina' in 'Danilo Medina' and 'Casa' in 'Casa Rosada' are not.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from extractor import geography
from extractor.dateline import Dateline
from extractor.lexicon import Lexicon
from extractor.organizations import names_a_person, person_word_set, strip_article, venue_heads
from extractor.resources import gazetteer

PLACE_LABELS = ("GPE", "LOC")
_NUMERIC_LABELS = ("MONEY", "PERCENT", "QUANTITY", "CARDINAL")


@dataclass
class PlaceRecord:
    """A named place with its kind, country and character spans."""

    name: str
    kind: str
    country: str | None
    spans: list[tuple[int, int]] = field(default_factory=list)

def find_places(doc: Doc, lex: Lexicon, person_tokens: set[int], dateline: Dateline | None,
                org_tokens: set[int]) -> list[PlaceRecord]:
    """Countries, cities and regions named in the text, canonical names and kinds attached."""
    found: dict[str, PlaceRecord] = {}
    context = _context_countries(doc)

    def add(name: str, kind: str, country: str | None, start: int, end: int) -> None:
        key = geography.fold(name)
        record = found.setdefault(key, PlaceRecord(name, kind, country))
        record.spans.append((start, end))

    if dateline:
        for printed, start in _dateline_cities(dateline):
            city = geography.city(printed, context)
            if city:
                add(_city_name(city.name, printed), "city", city.iso3, start, start + len(printed))
            elif (entry := geography.country(printed) or geography.subdivision(printed, context)) is not None:
                add(_canonical(entry, printed), entry.kind, entry.iso3, start, start + len(printed))
            else:
                # A dateline names a place even when the gazetteer does not know it.
                add(_printed(printed), "city", None, start, start + len(printed))
        for printed, start, end in dateline.places:
            entry = geography.country(printed) or geography.subdivision(printed, context)
            if entry is not None:
                add(_canonical(entry, printed), entry.kind, entry.iso3, start, end)
    person_words = person_word_set(doc, person_tokens)
    for raw in _candidates(doc, lex):
        span = strip_article(raw) if raw.label_ else raw
        if not span.text or (dateline and dateline.start <= span.start_char < dateline.end):
            continue
        if (found_state := _state_after_city(doc, span)) is not None:
            state, city_span, city = found_state
            add(state.name, "region", state.iso3, span.start_char, span.end_char)
            add(_city_name(city.name, city_span.text), "city", city.iso3, city_span.start_char, city_span.end_char)
            continue
        if any(t.i in person_tokens or t.i in org_tokens for t in span) or \
                (names_a_person(span, person_words) and not _after_place_preposition(doc, span)):
            continue
        if not span.text[:1].isupper() or span.text.lower() in ("the", "a", "an") or \
                span[-1].lower_ in venue_heads() or _after_venue_of(doc, span):
            continue
        entry = geography.country(span.text) or geography.country(f"the {span.text}")
        if _inside_compound(doc, span) and not (entry and "-" in span.text):
            continue
        if entry:
            if entry.kind != "country" and _inside_longer_name(doc, span, lex):
                continue
            name = entry.name if entry.kind == "country" or _adds_feature_word(span.text, entry.name) \
                else _printed(span.text)
            add(name, entry.kind, entry.iso3, span.start_char, span.end_char)
            continue
        if geography.demonym(span.text) or _joins_demonyms_or_countries(span.text) or \
                not _may_be_a_place_word(span) or _inside_longer_name(doc, span, lex):
            continue
        if _short_capitals(span.text):
            continue  # 'ISR', 'ST', 'IOR': an acronym the gazetteer does not know is no place
        city = geography.city(span.text, context)
        region = geography.subdivision(span.text, context)
        if city and not (region and region.iso3 in context and city.iso3 not in context):
            add(_city_name(city.name, span.text), "city", city.iso3, span.start_char, span.end_char)
            continue
        if region:
            add(_canonical(region, span.text), "region", region.iso3, span.start_char, span.end_char)
            continue
        if raw.label_ in PLACE_LABELS and not lex.covers(span.start, "ORG") and _read_as_place(doc, span):
            kind = "region" if raw.label_ == "LOC" else "other"
            # 'Shibuya Ward' is Shibuya; 'Eastern Province' stays whole.
            bare = geography.without_unit_word(span.text)
            name = span.text if geography.is_generic(bare) else bare
            add(_printed(name), kind, None, span.start_char, span.end_char)
    return list(found.values())


def _candidates(doc: Doc, lex: Lexicon) -> list[Span]:
    """Spans that may name a place: gazetteer countries (longest match), the statistical NER's
    places, and gazetteer cities or state codes the NER missed."""
    candidates: list[Span] = []
    taken = {t.i for e in doc.ents for t in e if e.label_ in _NUMERIC_LABELS}
    for token in doc:
        # Gazetteer names first (longest match): "Bay of Bengal", "Guinea-Bissau", "United Arab Emirates".
        if token.i in taken or not token.text[:1].isupper() or not geography.may_start_country(token.text):
            continue
        for length in (5, 4, 3, 2, 1):
            span = doc[token.i : token.i + length]
            if span.end - span.start == length and not any(t.is_space for t in span) and \
                    geography.country(span.text):
                candidates.append(span)
                taken.update(range(span.start, span.end))
                break
    for ent in doc.ents:
        if ent.label_ in PLACE_LABELS and not _continues_name(doc, ent) and not any(t.i in taken for t in ent):
            span = _widened_to_gazetteer_name(doc, ent, taken)
            candidates.append(span)
            taken.update(range(span.start, span.end))
    taken.update(t.i for e in doc.ents for t in e if e.label_ in PLACE_LABELS)
    for token in doc:
        # Cities the statistical NER missed: a gazetteer city after a preposition of place.
        if token.lower_ not in ("in", "to", "from", "at", "near", "of") or token.i + 1 >= len(doc) or \
                not doc[token.i + 1].text[:1].isupper() or token.i + 1 in taken:
            continue
        for length in (4, 3, 2, 1):
            span = doc[token.i + 1 : token.i + 1 + length]
            if span.end > len(doc) or not all(t.text[:1].isupper() for t in span) or \
                    any(t.i in taken for t in span) or _continues_name(doc, span) or _part_of_other_entity(span):
                continue
            if geography.city(span.text) and not lex.covers(span.start, "ORG", "TITLE", "RANK"):
                candidates.append(span)
                taken.update(range(span.start, span.end))
                break
    for token in doc:
        # 'Norfolk, VA': a state's postal code after a city and a comma.
        if token.i not in taken and len(token.text) == 2 and token.text.isalpha() and token.text.isupper() and \
                token.i >= 2 and doc[token.i - 1].text == ",":
            candidates.append(doc[token.i : token.i + 1])
    return candidates


def _widened_to_gazetteer_name(doc: Doc, ent: Span, taken: set[int]) -> Span:
    """'Boa' + 'Vista' -> 'Boa Vista': the NER cut a place the gazetteer knows whole."""
    for start, end in ((ent.start, ent.end + 2), (ent.start, ent.end + 1), (ent.start - 1, ent.end)):
        if start < 0 or end > len(doc) or (start, end) == (ent.start, ent.end):
            continue
        added = [t for t in doc[start:end] if t.i < ent.start or t.i >= ent.end]
        if any(t.i in taken or not t.is_alpha or not t.text[:1].isupper() for t in added) or \
                any("\n" in t.whitespace_ for t in doc[start : end - 1]):
            continue
        text = doc[start:end].text
        if geography.city(text) or geography.subdivision(text):
            return Span(doc, start, end, label=ent.label_)
    return ent


_PLACE_PREPOSITIONS = frozenset({"in", "at", "to", "from", "near", "outside", "into", "across", "via", "toward",
                                 "towards", "inside"})
_NAME_PARTICLES = frozenset({"von", "van", "der", "den", "bin", "ibn", "ben"})


def _after_place_preposition(doc: Doc, span: Span) -> bool:
    """'in Medan', 'outside the capital': a preposition of place right before the name."""
    k = span.start - 1
    if k >= 0 and doc[k].lower_ == "the":
        k -= 1
    return k >= 0 and doc[k].lower_ in _PLACE_PREPOSITIONS


def _may_be_a_place_word(span: Span) -> bool:
    """'Her Majesty', 'the North': a pronoun or a bare compass word is no town of that name."""
    if len(span) == 1 and (span[0].pos_ in ("PRON", "DET") or span[0].is_stop):
        return False
    return not geography.is_generic(span.text)


def _short_capitals(text: str) -> bool:
    return text.isalpha() and text.isupper() and len(text) <= 3


def _part_of_other_entity(span: Span) -> bool:
    """'Sri' of 'Sri Lankan', 'Áras' of 'Áras an Uachtaráin': the first words of a nationality or a
    person's name that goes on past them."""
    doc = span.doc
    last = span[-1]
    return last.ent_type_ in ("NORP", "PERSON") and span.end < len(doc) and doc[span.end].ent_iob_ == "I"


def _inside_longer_name(doc: Doc, span: Span, lex: Lexicon) -> bool:
    """'Casa' of 'Casa Rosada', 'Medina' of 'Danilo Medina', 'Leyen' of 'von der Leyen': the place
    word is one word of a longer proper name (not where a headline capitalises every word)."""
    if _title_case_line(doc, span):
        return False
    if span.start >= 2 and doc[span.start - 1].lower_ in _NAME_PARTICLES and doc[span.start - 1].is_lower and \
            doc[span.start - 2].text[:1].isupper():
        return True
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    joined_before = before is not None and before.whitespace_ == " " and _name_word(before, lex)
    joined_after = after is not None and span[-1].whitespace_ == " " and _name_word(after, lex) and \
        not _ends_in_name_head(doc, span.end)
    return joined_before or joined_after


def _ends_in_name_head(doc: Doc, start: int) -> bool:
    """'Dushanbe International Airport': the words after a city make a building or a body, which
    leaves the city a city."""
    end = start
    while end < len(doc) and end - start < 4 and doc[end].is_alpha and doc[end].text[:1].isupper():
        end += 1
    return end > start and doc[end - 1].lower_ in gazetteer("name_heads", "word")


def _name_word(token, lex: Lexicon) -> bool:
    """A capitalised word that carries on a name: not a place, date, title, rank, demonym or function word."""
    if not (token.is_alpha and token.text[:1].isupper() and token.pos_ == "PROPN") or token.is_stop:
        return False
    if token.ent_type_ in PLACE_LABELS + ("DATE", "TIME", "NORP") or lex.covers(token.i, "TITLE", "RANK"):
        return False
    text = token.text
    return not (geography.country(text) or geography.demonym(text) or geography.is_generic(text)
                or geography.may_start_country(text) and token.i + 1 < len(token.doc) and
                geography.country(f"{text} {token.doc[token.i + 1].text}"))


def _title_case_line(doc: Doc, span: Span) -> bool:
    """A headline or menu line that capitalises most of its words."""
    start = doc.text.rfind("\n", 0, span.start_char) + 1
    known = doc.user_data.setdefault("diplo_title_case_lines", {})
    if start not in known:
        end = doc.text.find("\n", span.end_char)
        line = doc.char_span(start, len(doc.text) if end < 0 else end, alignment_mode="expand")
        # Names are capitalised anywhere; a headline also capitalises its common and function words.
        words = [t for t in line if t.is_alpha and len(t.text) > 3 and (t.is_stop or t.pos_ != "PROPN")] \
            if line is not None else []
        known[start] = len(words) >= 2 and sum(t.text[:1].isupper() for t in words) / len(words) > 0.7
    return bool(known[start])


def _joins_demonyms_or_countries(text: str) -> bool:
    """'Turkmen-Turkish cooperation', 'U.S.-Australia ties': a compound of two sides is no place."""
    parts = [p for p in text.split("-") if p]
    return len(parts) > 1 and all(geography.demonym(p) or geography.country(p) for p in parts)


def _state_after_city(doc: Doc, span: Span) -> tuple[geography.PlaceEntry, Span, geography.City] | None:
    """'Norfolk, VA' -> Virginia (and Norfolk): a two-letter state code after a city of a country
    that has such a state."""
    if len(span) != 1 or len(span.text) != 2 or not span.text.isupper() or span.start < 2 or \
            doc[span.start - 1].text != ",":
        return None
    for length in (3, 2, 1):
        if span.start - 1 - length < 0:
            continue
        city_span = doc[span.start - 1 - length : span.start - 1]
        if not all(t.text[:1].isupper() for t in city_span):
            continue
        for city in geography.cities(city_span.text):
            state = geography.subdivision_by_code(city.iso3, span.text)
            if state is not None:
                return state, city_span, city
    return None


def _read_as_place(doc: Doc, span: Span) -> bool:
    """A name no gazetteer knows is a place only where the sentence says so: after a preposition of
    place, with a unit or feature word ('Shibuya Ward', 'Ruvuma River'), after a place's possessive ('Tokyo's Shibuya') or
    before ', <known place>' ('Cilangkap, East Jakarta'); never as a modifier ('Gorkha soldiers')."""
    if span.root.pos_ == "ADJ" or (span.root.dep_ in ("compound", "amod") and span.root.head.pos_ == "NOUN"):
        return False
    if _after_place_preposition(doc, span) or geography.without_unit_word(span.text) != span.text or \
            span[-1].lower_ in gazetteer("feature_words", "word"):
        return True
    if span.start >= 2 and doc[span.start - 1].text in ("'s", "’s") and _known_place(doc[span.start - 2].text):
        return True
    if span.start >= 2 and doc[span.start - 1].text == "," and _place_before_comma(doc, span.start - 1):
        return True
    if span.end + 1 < len(doc) and doc[span.end].text == ",":
        return any(_known_place(doc[span.end + 1 : span.end + 1 + n].text) for n in (1, 2, 3)
                   if span.end + 1 + n <= len(doc))
    return False


def _place_before_comma(doc: Doc, comma: int) -> bool:
    """'in Cilangkap, East Jakarta': the name before the comma is a known place or follows 'in'."""
    start = comma
    while start > 0 and comma - start < 3 and doc[start - 1].text[:1].isupper():
        start -= 1
    if start == comma:
        return False
    return _known_place(doc[start:comma].text) or _after_place_preposition(doc, doc[start:comma])


def _known_place(text: str) -> bool:
    return bool(geography.country(text) or geography.city(text) or geography.subdivision(text))


def _dateline_cities(dateline: Dateline) -> list[tuple[str, int]]:
    """The cities a dateline prints with their offsets: 'Kathmandu/New Delhi' names two."""
    found, start = [], dateline.start
    for part in dateline.city.split("/"):
        found.append((part, start))
        start += len(part) + 1
    return found


def _canonical(entry: geography.PlaceEntry, printed: str) -> str:
    """A country's name; a region's name as printed when it is the gazetteer's own without accents."""
    if entry.kind == "country":
        return entry.name
    return _printed(printed) if geography.fold(printed) == geography.fold(entry.name) else entry.name


def _city_name(canonical: str, printed: str) -> str:
    """The gazetteer's name when the printed form is that name or a longer style of it
    ('Santiago de Chile' -> Santiago) or the same letters spaced apart ('Hà Nội' -> Hanoi); else the
    name as printed ('NEW DELHI' -> New Delhi)."""
    words = set(geography.fold(printed).split())
    if set(geography.fold(canonical).split()) <= words or \
            geography.fold(printed).replace(" ", "") == geography.fold(canonical).replace(" ", ""):
        return canonical  # 'Hà Nội' is Hanoi
    return _printed(printed)


def _continues_name(doc: Doc, span: Span) -> bool:
    """'Naval Dockyard', 'Naval and Maritime Academy': the place word begins a longer name."""
    if span.end >= len(doc):
        return False
    nxt = doc[span.end]
    if nxt.lower_ in ("and", "&") and span.end + 1 < len(doc) and doc[span.end + 1].text[:1].isupper() \
            and not geography.country(doc[span.end + 1].text) and doc[span.end + 1].ent_type_ not in PLACE_LABELS:
        return True
    return nxt.text[:1].isupper() and nxt.is_alpha and nxt.lower_ in gazetteer("name_heads", "word")


def _adds_feature_word(printed: str, canonical: str) -> bool:
    """'the Atlantic' -> 'Atlantic Ocean': the canonical name only adds the kind of feature."""
    extra = set(geography.fold(canonical).split()) - set(geography.fold(printed).split())
    return bool(extra) and extra <= set(gazetteer("feature_words", "word"))


def _after_venue_of(doc: Doc, span: Span) -> bool:
    """'Palace of Independence': the word names a building, not a place."""
    k = span.start - 1
    if k >= 1 and doc[k].lower_ == "of":
        return doc[k - 1].lower_ in gazetteer("name_heads", "word")
    return False


def _printed(text: str) -> str:
    return text.title() if text.isupper() and len(text) > 3 else text


def _inside_compound(doc: Doc, span: Span) -> bool:
    """'Pakistan-Türkiye relations', 'Russia-Africa summit': a place inside a compound name."""
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    joined_before = before is not None and before.text == "-" and not before.whitespace_ and \
        span.start > 1 and not doc[span.start - 2].whitespace_
    joined_after = after is not None and after.text == "-" and not span[-1].whitespace_ and not after.whitespace_
    return joined_before or joined_after


def _context_countries(doc: Doc) -> tuple[str, ...]:
    """Countries named in the text, most named first: they settle ambiguous cities."""
    counts: dict[str, int] = {}
    for token in doc:
        if token.text[:1].isupper() and (geography.may_start_country(token.text) or
                                         geography.may_start_demonym(token.text)):
            entry = geography.country(token.text)
            iso3 = entry.iso3 if entry else geography.demonym(token.text)
            if iso3:
                counts[iso3] = counts.get(iso3, 0) + 1
    return tuple(sorted(counts, key=lambda k: -counts[k]))

