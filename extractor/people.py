"""People: names with their rank, office, body and country, and one cluster per real person.

A newswire names an official behind a chain of modifiers: "Libyan Armed Forces Commander-in-Chief
Lt Gen Saddam Khalifa Haftar", "Chief of Army Staff (COAS) General Syed Asim Munir", "Federal
Minister for Defence Production Raza Hayat Hiraj". `parse_chain` reads such a chain left to right
(country, body, office with its complement, rank, honorific) and `name_end` reads the name behind
it. Mentions are then clustered: a mention whose name words are all in a fuller name is that person.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from extractor import geography
from extractor.lexicon import Entry, Lexicon
from extractor.resources import gazetteer

PARTICLES = {"bin", "bint", "ibn", "al", "el", "da", "de", "dos", "das", "do", "van", "von", "der", "den",
             "la", "le", "di", "du", "ben", "abu", "y"}
SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}
_MONTHS_AND_DAYS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
}
_NOT_NAME_WORDS = {"the", "a", "an", "and", "on", "in", "at", "of", "for", "to", "with", "during", "after",
                   "before", "both", "his", "her", "their", "its", "this", "that", "also", "later", "earlier",
                   "meanwhile", "according", "speaking", "mr", "mrs", "ms"}
# Words that qualify an office without changing it ("acting President", "then prime minister").
_OFFICE_QUALIFIERS = {"acting", "interim", "incumbent", "newly-appointed", "outgoing", "caretaker"}
_PAST_QUALIFIERS = {"former", "then", "late", "ex"}
_DIPLOMAT_TITLES = ("ambassador", "high commissioner", "envoy", "attache", "attaché", "charge", "chargé",
                    "consul", "representative")
_RETIRED = re.compile(r"^\(?\s*(retd|retired|r)\s*\.?\s*\)?$", re.I)
_MAX_NAME_TOKENS = 8


@dataclass
class Chain:
    """The modifiers printed before (or after) a name, and what they say about the person."""

    start: int
    end: int
    rank: Entry | None = None
    retired: bool = False
    title_parts: list[str] = field(default_factory=list)
    title_keys: list[str] = field(default_factory=list)
    honorifics: list[str] = field(default_factory=list)
    organization: Entry | Span | None = None
    country: str | None = None
    definite: bool = False
    visiting: bool = False
    posted_to: str | None = None
    past: bool = False
    role: Entry | None = None

    @property
    def has_role(self) -> bool:
        return bool(self.rank or self.title_parts or self.honorifics)

    @property
    def title(self) -> str | None:
        return " and ".join(self.title_parts) if self.title_parts else None


@dataclass
class Mention:
    """One printed reference to a person: a name with its chain, or a role description."""

    start: int
    end: int
    name_words: list[str]
    chain: Chain
    is_name: bool = True
    pronoun: bool = False

    @property
    def text(self) -> str:
        return " ".join(self.name_words)

    def key(self) -> set[str]:
        return name_key(self.name_words)


@dataclass
class PersonCluster:
    """One real person and every mention of them."""

    mentions: list[Mention]
    country: str | None = None
    organization: str | None = None
    organization_country: str | None = None
    visiting: bool = False

    @property
    def head(self) -> Mention | None:
        named = [m for m in self.mentions if m.is_name]
        return max(named, key=lambda m: (len(m.key()), -m.start)) if named else None

    @property
    def name(self) -> str | None:
        """The most complete printed name; None for a visitor the text does not name."""
        return self.head.text if self.head else None

    @property
    def first_start(self) -> int:
        return min(m.start for m in self.mentions)

    def key(self) -> set[str]:
        keys: set[str] = set()
        for mention in self.mentions:
            if mention.is_name:
                keys |= mention.key()
        return keys

    def chains(self) -> list[Chain]:
        return [m.chain for m in sorted(self.mentions, key=lambda m: m.start)]

    @property
    def rank(self) -> Entry | None:
        return next((c.rank for c in self.chains() if c.rank is not None), None)

    @property
    def retired(self) -> bool:
        return any(c.retired for c in self.chains())

    @property
    def title(self) -> str | None:
        titles = [c.title for c in self.chains() if c.title]
        if not titles:
            return None
        first = titles[0]
        # A later, fuller form of the same office is the more specific one.
        for later in titles[1:]:
            if first.lower() in later.lower() and len(later) > len(first):
                first = later
        return first

    @property
    def title_keys(self) -> set[str]:
        keys: set[str] = set()
        for chain in self.chains():
            keys.update(chain.title_keys)
        return keys

    @property
    def honorifics(self) -> list[str]:
        seen: list[str] = []
        for chain in self.chains():
            seen.extend(h for h in chain.honorifics if h not in seen)
        return seen


def fold_word(word: str) -> str:
    """A name word folded for comparison: 'Al-Harbi' -> 'al-harbi', 'Güler' -> 'guler'."""
    return geography.fold(word).replace(" ", "-").strip(".'")


def name_key(words: list[str]) -> set[str]:
    """The words that identify a person: no particles, suffixes or initials."""
    parts: list[str] = []
    for word in words:
        parts.extend(p for p in re.split(r"[-\s]", fold_word(word)) if p)
    return {p for p in parts if len(p) > 1 and p not in PARTICLES and p not in SUFFIXES}


# Reading the text -------------------------------------------------------------------------------

def _is_capitalised(token: Token) -> bool:
    text = token.text
    if not text[:1].isupper():
        return False
    letters = text.replace("'", "").replace("’", "").replace(".", "").replace("-", "")
    if not letters.isalpha():
        return False
    return not (len(letters) > 1 and letters.isupper() and not _all_caps_text(token.doc))


def _all_caps_text(doc: Doc) -> bool:
    """True for a text printed all in capitals, where acronyms cannot be told from names."""
    flag = doc.user_data.get("diplo_all_caps")
    if flag is None:
        flag = doc.user_data["diplo_all_caps"] = doc.text.isupper()
    return bool(flag)


def country_at(doc: Doc, i: int, max_len: int = 6) -> tuple[str, int] | None:
    """A country printed at token `i` ('Sri Lanka', "People's Republic of China"): (ISO3, end)."""
    if not geography.may_start_country(doc[i].text):
        return None
    for length in range(min(max_len, len(doc) - i), 0, -1):
        span = doc[i : i + length]
        if not span.text[:1].isupper():
            continue
        entry = geography.country(span.text)
        if entry and entry.iso3 and entry.kind == "country":
            return entry.iso3, i + length
    return None


def demonym_at(doc: Doc, i: int) -> tuple[str, int] | None:
    """A demonym ('Libyan', 'Sri Lankan') or a possessive country ("Nepal's") at token `i`."""
    for length in (3, 2, 1):
        if i + length > len(doc):
            continue
        span = doc[i : i + length]
        if span.text[:1].isupper():
            iso3 = geography.demonym(span.text)
            if iso3:
                return iso3, i + length
    found = country_at(doc, i)
    if found and found[1] < len(doc) and doc[found[1]].text in ("'s", "’s", "'"):
        return found[0], found[1] + 1
    if found and found[1] < len(doc) and _is_capitalised(doc[found[1]]):
        # A country used as an adjective: "Pakistan Prime Minister", "Nepal Army".
        return found
    return None


def org_at(doc: Doc, lex: Lexicon, i: int, ner_orgs: dict[int, Span]) -> Entry | Span | None:
    """An institution starting at token `i`: a lexicon match, else a NER organization."""
    entry = lex.at(i, "ORG")
    ner = ner_orgs.get(i)
    if ner is not None:
        # The small NER often runs a body into the rank and name after it: "Bangladesh Navy Admiral M ...".
        cut = next((k for k in range(ner.start + 1, ner.end) if lex.at(k, "RANK", "TITLE", "HONORIFIC")), None)
        if cut is not None:
            ner = doc[ner.start : cut]
        heads = gazetteer("name_heads", "word")
        # ... or into the name after its head noun: "People's Committee Le Thanh Hai".
        after_head = next((k + 1 for k in range(ner.start, ner.end - 1) if doc[k].lower_ in heads
                           and doc[k + 1].lower_ not in ("of", "for", "and", "&", "(", "-")), None)
        if after_head is not None:
            ner = doc[ner.start : after_head]
    if entry and (ner is None or entry.end >= ner.end):
        return entry
    return ner


def _parenthetical_end(doc: Doc, i: int) -> int | None:
    """The end of a short parenthesis at `i` holding an acronym or retired mark: '(COAS)', '(Retd)'."""
    if i >= len(doc) or doc[i].text != "(":
        return None
    for j in range(i + 1, min(i + 6, len(doc))):
        if doc[j].text == ")":
            inner = doc[i + 1 : j].text.replace(" ", "")
            if inner and (inner.replace("-", "").replace("&", "").isupper() or _RETIRED.match(inner)):
                return j + 1
            return None
    return None


def _complement_end(doc: Doc, lex: Lexicon, i: int, ner_orgs: dict[int, Span],
                    person_starts: set[int]) -> tuple[str, int, object] | None:
    """What follows 'of'/'for' after an office: ('country'|'org'|'portfolio', end, value)."""
    j = i + 1
    if j < len(doc) and doc[j].lower_ == "the":
        j += 1
    if j >= len(doc):
        return None
    found = country_at(doc, j)
    org = org_at(doc, lex, j, ner_orgs)
    if found and not (org is not None and org.end > found[1]):
        return "country", found[1], found[0]
    if doc[j].lower_ == "republic" and j + 2 < len(doc) and doc[j + 1].lower_ == "of":
        found = country_at(doc, j + 2)
        if found:
            return "country", found[1], found[0]
    iso3 = geography.demonym(doc[j].text) if doc[j].text[:1].isupper() else None
    if iso3 and j + 1 < len(doc) and doc[j + 1].lower_ == "republic":
        return "country", j + 2, iso3
    if org is not None and not (isinstance(org, Entry) and org.label != "ORG"):
        return "org", org.end, org
    portfolio = gazetteer("portfolios", "word")
    k = j
    while k < len(doc) and k not in person_starts:
        token = doc[k]
        word = token.lower_
        if token.text[:1].isupper() and (word in portfolio or lex.at(k, "TITLE")) and not lex.at(k, "RANK") or word in ("and", "&", ",") and k + 1 < len(doc) and doc[k + 1].text[:1].isupper() \
                and (doc[k + 1].lower_ in portfolio) and k + 1 not in person_starts:
            k += 1
        elif token.text == "(":
            close = next((m for m in range(k + 1, min(k + 5, len(doc))) if doc[m].text == ")"), None)
            if close is None or not all(doc[m].lower_ in portfolio for m in range(k + 1, close)):
                break
            k = close + 1
        else:
            break
    if k > j:
        return "portfolio", k, doc[i:k].text
    return None


def _role_or_title(doc: Doc, lex: Lexicon, i: int) -> tuple[Entry | None, Entry | None]:
    """The rank and the office starting at `i`; for a word that is both (Commander, Captain), the
    reading that fits what follows: a name after it makes it a rank."""
    rank = lex.at(i, "RANK")
    title = lex.at(i, "TITLE")
    if rank and title and rank.end == title.end:
        nxt = doc[rank.end] if rank.end < len(doc) else None
        if nxt is not None and _is_capitalised(nxt) and not lex.at(rank.end, "ORG", "TITLE", "RANK"):
            return rank, None
        return None, title
    if rank and title:
        return (rank, None) if rank.end > title.end else (None, title)
    return rank, title


def title_text(entry: Entry) -> str:
    """An office as the record writes it: abbreviations and lower-case forms expanded."""
    printed = entry.span.text
    letters = printed.replace(".", "").replace("-", "").replace(" ", "")
    if entry.row.get("name") and (printed[:1].islower() or (letters.isupper() and len(letters) <= 6)):
        return str(entry.row["name"])
    return printed


def parse_chain(doc: Doc, lex: Lexicon, i: int, ner_orgs: dict[int, Span], person_starts: set[int],
                limit: int | None = None) -> Chain:
    """Read the modifiers of a name from token `i` up to where the name (or anything else) begins."""
    stop = len(doc) if limit is None else limit
    chain = Chain(start=i, end=i)
    j = i
    while j < stop:
        token = doc[j]
        word = token.lower_
        if j == i and word in ("the", "his", "her", "their") and not lex.at(j, "HONORIFIC"):
            chain.definite = True
            j += 1
            continue
        if word == "visiting":
            chain.visiting = True
            j += 1
            continue
        if word in _OFFICE_QUALIFIERS:
            j += 1
            continue
        if word in _PAST_QUALIFIERS and j + 1 < stop:
            chain.past = True
            j += 1
            continue
        rank, title = _role_or_title(doc, lex, j)
        if rank:
            chain.rank = rank
            j = rank.end
            close = _parenthetical_end(doc, j)
            if close and _RETIRED.match(doc[j + 1 : close - 1].text.replace(" ", "")):
                chain.retired = True
                j = close
            continue
        if title:
            text = title_text(title)
            j = title.end
            # "Energy and Natural Resources Minister": portfolio words printed before the office.
            chain.title_keys.append(title.key)
            while j < stop and doc[j].lower_ in ("of", "for", "to"):
                if doc[j].lower_ == "to":
                    if not any(d in text.lower() for d in _DIPLOMAT_TITLES):
                        break
                    found = country_at(doc, j + 1) or (
                        country_at(doc, j + 2) if j + 2 < len(doc) and doc[j + 1].lower_ == "the" else None)
                    if not found:
                        break
                    text = f"{text} to {doc[j + 1 : found[1]].text.removeprefix('the ')}"
                    chain.posted_to = found[0]
                    j = found[1]
                    continue
                comp = _complement_end(doc, lex, j, ner_orgs, person_starts)
                if comp is None:
                    break
                kind, end, value = comp
                if kind == "country":
                    chain.country = chain.country or str(value)
                elif kind == "org":
                    assert isinstance(value, (Entry, Span))
                    if _is_staff_body(value):
                        text = f"{text} {doc[j:end].text}"
                    else:
                        chain.organization = chain.organization or value
                else:
                    text = f"{text} {doc[j:end].text}"
                j = end
            if j + 1 < stop and doc[j].lower_ == "and" and re.search(r" (of|for) ", text):
                # "Minister for Foreign Affairs and East African Cooperation": the portfolio goes on.
                end = _portfolio_end(doc, lex, j + 1, person_starts)
                if end > j + 1:
                    text = f"{text} {doc[j:end].text}"
                    j = end
            if j < stop and doc[j].text[:1].isupper() and doc[j].lower_ in gazetteer("portfolios", "word") \
                    and not re.search(r" (of|for|to) ", text) and not lex.at(j, "TITLE", "RANK", "ORG"):
                # "Secretary Planning Awais ...": a portfolio printed straight after the office.
                end = _portfolio_end(doc, lex, j, person_starts)
                if end < stop and _is_capitalised(doc[end]):
                    text = f"{text} {doc[j:end].text}"
                    j = end
            chain.title_parts.append(text)
            if j < stop and doc[j].lower_ == "and" and j + 1 < stop:
                _, nxt_title = _role_or_title(doc, lex, j + 1)
                if nxt_title or (doc[j + 1].text[:1].isupper() and _portfolio_then_title(doc, lex, j + 1)):
                    j += 1
                    continue
            continue
        honorific = lex.at(j, "HONORIFIC")
        if honorific:
            if honorific.row.get("strip", True) is False:
                break
            # "Sheikh"/"Prince" inside a name ("Hassan Sheikh Mohamud") is a name word, not a style.
            chain.honorifics.append(honorific.span.text)
            j = honorific.end
            continue
        if lex.at(j, "POSTNOMINAL"):
            j = lex.at(j, "POSTNOMINAL").end  # type: ignore[union-attr]
            continue
        close = _parenthetical_end(doc, j)
        if close and j > i:
            j = close
            continue
        if token.text[:1].isupper() and _portfolio_then_title(doc, lex, j):
            end = _portfolio_then_title(doc, lex, j)
            assert end is not None
            title = lex.at(end, "TITLE")
            assert title is not None
            chain.title_parts.append(f"{doc[j:end].text} {title_text(title)}")
            chain.title_keys.append(title.key)
            j = title.end
            continue
        org = org_at(doc, lex, j, ner_orgs)
        if org is not None and not _org_is_name(org, doc, lex) and not (chain.has_role and _reads_as_name(org)):
            chain.organization = chain.organization or org
            org_country = _org_country(org)
            chain.country = chain.country or org_country
            j = org.end
            if j < stop and doc[j].text in ("'s", "’s"):
                j += 1
            continue
        found = demonym_at(doc, j)
        if found and not (j < len(doc) and lex.at(j, "ORG")):
            chain.country = chain.country or found[0]
            j = found[1]
            continue
        role = lex.at(j, "ROLE")
        if role and chain.definite:
            chain.role = role
            chain.visiting = chain.visiting or role.key == "guest"
            j = role.end
            continue
        break
    chain.end = j
    return chain


def _portfolio_then_title(doc: Doc, lex: Lexicon, j: int) -> int | None:
    """Where an office starts after capitalised portfolio words ('Energy and Natural Resources Minister')."""
    portfolio = gazetteer("portfolios", "word")
    k = j
    while k < len(doc) and (doc[k].lower_ in portfolio and (doc[k].text[:1].isupper() or doc[k].lower_ == "and")):
        if lex.at(k, "TITLE"):
            break
        k += 1
    if k > j and k < len(doc) and lex.at(k, "TITLE") and doc[k - 1].lower_ != "and":
        return k
    return None


def _is_staff_body(org: Entry | Span) -> bool:
    """A staff body named inside an office stays in the title ('Chief of the General Staff')."""
    return isinstance(org, Entry) and org.row.get("kind") == "staff"


def _org_is_name(org: Entry | Span, doc: Doc, lex: Lexicon) -> bool:
    """A NER 'organization' that is really a rank+name run ('Field Marshal Asim Munir')."""
    if isinstance(org, Entry):
        return False
    return any(lex.at(k, "RANK", "TITLE", "HONORIFIC") for k in range(org.start, org.end))


def _reads_as_name(org: Entry | Span) -> bool:
    """A NER 'organization' after an office that is a personal name ('President Kassym-Jomart Tokayev'):
    capitalised words with no head word of a body ('Council', 'Army') and no country in them."""
    if isinstance(org, Entry):
        return False
    heads = gazetteer("name_heads", "word")
    words = [t for t in org if t.is_alpha]
    return bool(words) and all(t.text[:1].isupper() and t.lower_ not in heads for t in words) and \
        country_in_name(org.text) is None


def _org_country(org: Entry | Span) -> str | None:
    if isinstance(org, Entry):
        return org.row.get("country")
    return country_in_name(org.text)


def country_in_name(text: str) -> str | None:
    """The country a body's name carries: 'Pakistan Army' -> PAK, 'Royal Saudi Land Forces' -> SAU."""
    words = text.replace("’s", "").replace("'s", "").split()
    for length in (3, 2, 1):
        for k in range(len(words) - length + 1):
            phrase = " ".join(words[k : k + length])
            if not phrase[:1].isupper():
                continue
            entry = geography.country(phrase)
            if entry and entry.iso3 and entry.kind == "country":
                return entry.iso3
            iso3 = geography.demonym(phrase)
            if iso3:
                return iso3
    return None


def name_end(doc: Doc, lex: Lexicon, i: int) -> int:
    """Where a personal name starting at token `i` ends (== i when no name starts there)."""
    heads = gazetteer("name_heads", "word")
    j = i
    while j < len(doc) and j - i < _MAX_NAME_TOKENS:
        token = doc[j]
        word = token.lower_
        if j > i and lex.at(j, "RANK", "TITLE", "POSTNOMINAL", "ORG"):
            break
        honorific = lex.at(j, "HONORIFIC")
        if honorific and honorific.row.get("strip", True) is False:
            j = honorific.end
            continue
        if j > i and word in PARTICLES and j + 1 < len(doc) and _is_capitalised(doc[j + 1]):
            j += 1
            continue
        if j > i and token.text in ("-", "'") and not doc[j - 1].whitespace_ and not token.whitespace_ \
                and j + 1 < len(doc) and (_is_capitalised(doc[j + 1]) or (doc[j + 1].is_alpha and token.text == "-")):
            j += 2  # "Al-Harbi", "Park Min-jun"
            continue
        if j > i and word.rstrip(".") in {s.rstrip(".") for s in SUFFIXES} and token.text[:1].isupper():
            j += 1
            continue
        if _is_capitalised(token) and word not in _MONTHS_AND_DAYS and word not in _NOT_NAME_WORDS:
            if j > i and word in heads:
                return i  # "Prime Minister House", "State Council": a building or body, not a person
            j += 1
            continue
        break
    while j > i and (doc[j - 1].lower_ in PARTICLES or doc[j - 1].text in ("-", "'")):
        j -= 1
    if j > i and doc[i : j].text.lower() in heads:
        return i
    return j


def _valid_name(doc: Doc, start: int, end: int) -> bool:
    span = doc[start:end]
    if not name_key([t.text for t in span]):
        return False
    portfolio = gazetteer("portfolios", "word")
    if all(t.lower_ in portfolio or not t.is_alpha for t in span):
        return False  # "Diaspora Affairs": a ministry's portfolio, not a person
    if geography.country(span.text) or geography.demonym(span.text):
        return False
    if end - start > 1 and any(geography.fold(c.name) == geography.fold(span.text) for c in geography.cities(span.text)):
        return False  # "Ho Chi Minh City"
    return not (end - start == 1 and geography.cities(span.text) and not _followed_by_verb(doc, end))


def _followed_by_verb(doc: Doc, end: int) -> bool:
    return end < len(doc) and doc[end].pos_ in ("VERB", "AUX")


def _name_words(doc: Doc, lex: Lexicon, start: int, end: int) -> list[str]:
    """The name as printed, hyphens and apostrophes rejoined ('Al-Harbi')."""
    words: list[str] = []
    glue = False
    for token in doc[start:end]:
        if token.text in ("-", "'") and words:
            words[-1] += token.text
            glue = True
            continue
        if glue and words:
            words[-1] += token.text
            glue = False
        else:
            words.append(token.text)
    return words


def find_mentions(doc: Doc, lex: Lexicon) -> tuple[list[Mention], list[Mention]]:
    """Every person mention in `doc`: (named mentions, role descriptions such as 'the premier')."""
    ner_orgs: dict[int, Span] = {}
    for ent in doc.ents:
        if ent.label_ != "ORG":
            continue
        # NER runs a body into its bracketed acronym ("... Congress (NPC"): the acronym is read apart.
        end = next((t.i for t in ent if t.text == "("), ent.end)
        if end > ent.start:
            ner_orgs[ent.start] = doc[ent.start : end]
            # Chains skip the article, so "the Standing Committee ..." is found at "Standing" too.
            if doc[ent.start].lower_ == "the" and end > ent.start + 1:
                ner_orgs[ent.start + 1] = doc[ent.start + 1 : end]
    person_starts = {e.start for e in doc.ents if e.label_ == "PERSON"}
    for ent in doc.ents:
        if ent.label_ == "PERSON":
            k = ent.start
            while k < ent.end and lex.at(k, "RANK", "TITLE", "HONORIFIC"):
                k = max(e.end for e in lex.by_start[k] if e.label in ("RANK", "TITLE", "HONORIFIC"))
            person_starts.add(k)
    anchors = sorted({e.start for e in lex.all("RANK", "TITLE", "HONORIFIC", "ROLE")}
                     | {_portfolio_start(doc, e.start) for e in lex.all("TITLE")}
                     | {t.i for t in doc if t.lower_ in ("the", "his", "her") and t.i + 1 < len(doc)}
                     | {t.i for t in doc if t.text[:1].isupper() and demonym_at(doc, t.i)}
                     | set(ner_orgs))
    named: list[Mention] = []
    roles: list[Mention] = []
    covered: set[int] = set()
    offices: dict[int, Chain] = {}  # an office with no name, by the comma that ends it
    for anchor in anchors:
        if anchor in covered:
            continue
        # An anchor starts a chain only at the beginning of a noun phrase, not inside a name.
        if anchor > 0 and _is_capitalised(doc[anchor - 1]) and anchor - 1 not in covered \
                and not lex.covers(anchor - 1, "RANK", "TITLE", "HONORIFIC", "ORG") \
                and not demonym_at(doc, anchor - 1) and doc[anchor - 1].is_sent_start is not True:
            continue
        chain = parse_chain(doc, lex, anchor, ner_orgs, person_starts)
        if chain.end == anchor or (chain.end == anchor + 1 and chain.definite):
            continue
        end = name_end(doc, lex, chain.end) if chain.has_role or chain.end in person_starts else chain.end
        if end > chain.end and _valid_name(doc, chain.end, end):
            mention = Mention(chain.end, end, _name_words(doc, lex, chain.end, end), chain)
            named.append(mention)
            covered.update(range(anchor, end))
        elif chain.definite and (chain.title_parts or chain.role or chain.rank):
            roles.append(Mention(anchor, chain.end, [], chain, is_name=False))
            covered.update(range(anchor, chain.end))
        elif chain.has_role:
            covered.update(range(anchor, chain.end))
            if chain.title_parts and chain.end < len(doc) and doc[chain.end].text == ",":
                offices[chain.end] = chain
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        start = ent.start
        while start < ent.end and (lex.at(start, "RANK", "TITLE", "HONORIFIC", "POSTNOMINAL")):
            start = max(e.end for e in lex.by_start[start])
        end = start
        while end < ent.end and not lex.at(end, "POSTNOMINAL") and doc[end].text not in ("'s", "’s", ","):
            end += 1
        if start >= end or any(k in covered for k in range(start, end)):
            continue
        if not all(_is_capitalised(t) or t.lower_ in PARTICLES or t.text in ("-", "'") or
                   t.lower_.rstrip(".") in {s.rstrip('.') for s in SUFFIXES} for t in doc[start:end]):
            continue
        if not _valid_name(doc, start, end) or _looks_like_body(doc, start, end):
            continue
        chain = Chain(start=start, end=start)
        named.append(Mention(start, end, _name_words(doc, lex, start, end), chain))
        covered.update(range(start, end))
    claimed = _attach_offices_before(named, offices)
    _attach_appositions(doc, lex, named, ner_orgs, person_starts, claimed)
    _attach_counterpart_appositions(doc, lex, named, roles)
    named.sort(key=lambda m: m.start)
    roles.sort(key=lambda m: m.start)
    _share_listed_country(doc, named)
    _counterpart_offices(doc, named)
    return named, roles


def _attach_offices_before(named: list[Mention], offices: dict[int, Chain]) -> set[int]:
    """'called on Chief of the Naval Staff, Admiral X', 'Deputy Prime Minister and Foreign Minister,
    Y accorded him a welcome': an office set off by a comma before a name is that person's.
    Returns the commas of the offices so given, which no name before them can take as an apposition."""
    claimed: set[int] = set()
    for mention in named:
        office = offices.get(mention.chain.start - 1)
        own = mention.chain
        if office is None or own.title_parts:
            continue
        own.title_parts, own.title_keys = list(office.title_parts), list(office.title_keys)
        own.country = own.country or office.country
        own.organization = own.organization or office.organization
        own.visiting = own.visiting or office.visiting
        own.rank = own.rank or office.rank
        claimed.add(mention.chain.start - 1)
    return claimed


def _share_listed_country(doc: Doc, named: list[Mention]) -> None:
    """'Pakistan President X and Prime Minister Y', 'the Iranian President X, Foreign Minister Y and
    ...': a country printed before the first office of a list of officials holds for the offices
    listed after it that print none of their own."""
    listed: set[int] = set()
    for first, then in zip(named, named[1:], strict=False):
        if then.chain.country or not then.chain.title_parts or first.chain.country is None or \
                then.chain.start != first.end + 1 or doc[first.end].lower_ not in ("and", ","):
            continue
        lead = first.chain.start + (doc[first.chain.start].lower_ == "the")
        if id(first) in listed or demonym_at(doc, lead) or lead > 0 and demonym_at(doc, lead - 1):
            then.chain.country = first.chain.country
            listed.add(id(then))


def _portfolio_end(doc: Doc, lex: Lexicon, j: int, person_starts: set[int]) -> int:
    """Where capitalised portfolio words from `j` end (joined by 'and' or commas)."""
    portfolio = gazetteer("portfolios", "word")
    k = j
    while k < len(doc) and k not in person_starts:
        token = doc[k]
        if token.text[:1].isupper() and token.lower_ in portfolio and not lex.at(k, "RANK", "TITLE") or token.lower_ in ("and", "&", ",") and k > j and k + 1 < len(doc) and \
                doc[k + 1].text[:1].isupper() and doc[k + 1].lower_ in portfolio and k + 1 not in person_starts:
            k += 1
        else:
            break
    return k


def _portfolio_start(doc: Doc, i: int) -> int:
    """Where capitalised portfolio words before an office begin ('Energy and Natural Resources Minister')."""
    portfolio = gazetteer("portfolios", "word")
    k = i
    while k > 0:
        prev = doc[k - 1]
        if prev.text[:1].isupper() and prev.lower_ in portfolio or prev.lower_ == "and" and k - 2 >= 0 and doc[k - 2].text[:1].isupper() and doc[k - 2].lower_ in portfolio:
            k -= 1
        else:
            break
    return k


def _looks_like_body(doc: Doc, start: int, end: int) -> bool:
    heads = gazetteer("name_heads", "word")
    return doc[end - 1].lower_ in heads or any(geography.country(t.text) for t in doc[start:end])


def _attach_appositions(doc: Doc, lex: Lexicon, mentions: list[Mention], ner_orgs: dict[int, Span],
                        person_starts: set[int], claimed: set[int]) -> None:
    """Read an office printed after the name: 'Kyriakos Mitsotakis, Prime Minister of the Hellenic
    Republic, ...'; 'Dr Badr Abdelatty, the visiting Minister of Foreign Affairs'."""
    for mention in mentions:
        end = mention.end
        while end < len(doc) and lex.at(end, "POSTNOMINAL"):
            end = lex.at(end, "POSTNOMINAL").end  # type: ignore[union-attr]
        if end + 1 < len(doc) and doc[end].lower_ == "of" and not mention.chain.country:
            found = country_at(doc, end + 1) or (country_at(doc, end + 2) if doc[end + 1].lower_ == "the" else None)
            if found:
                mention.chain.country = found[0]  # "President Emmanuel Laurent of France"
            continue
        if end + 1 >= len(doc) or doc[end].text != ",":
            continue
        start = end + 1
        chain = parse_chain(doc, lex, start, ner_orgs, person_starts)
        if not chain.title_parts or chain.end in claimed:
            continue
        if name_end(doc, lex, chain.end) > chain.end and chain.end in person_starts:
            continue  # a list of people, not an apposition
        own = mention.chain
        if not own.title_parts:
            own.title_parts = chain.title_parts
            own.title_keys = chain.title_keys
        own.rank = own.rank or chain.rank
        own.country = own.country or chain.country
        own.organization = own.organization or chain.organization
        own.visiting = own.visiting or chain.visiting


def _attach_counterpart_appositions(doc: Doc, lex: Lexicon, named: list[Mention], roles: list[Mention]) -> None:
    """'his Indian counterpart, General Upendra Dwivedi', 'the Chief Representative of the Office,
    Naoaki Miyata': a description followed by a name describes that name."""
    by_start = {m.chain.start: m for m in named}
    by_start.update({m.start: m for m in named})
    for role in list(roles):
        k = role.end
        if k + 1 < len(doc) and doc[k].text == "," and k + 1 not in by_start:
            end = name_end(doc, lex, k + 1)
            if end - (k + 1) >= 2 and _valid_name(doc, k + 1, end) and \
                    (end >= len(doc) or not doc[end].text[:1].isupper()):
                mention = Mention(k + 1, end, _name_words(doc, lex, k + 1, end), Chain(start=k + 1, end=k + 1))
                named.append(mention)
                by_start[k + 1] = mention
        if k < len(doc) and doc[k].text == "," and k + 1 in by_start:
            target = by_start[k + 1].chain
            if not target.title_parts and role.chain.title_parts:
                target.title_parts = role.chain.title_parts
                target.title_keys = role.chain.title_keys
            if not target.title_parts and role.chain.role is not None and role.chain.role.key == "counterpart":
                _take_counterpart_office(doc, named, role.start, target)
            target.country = target.country or role.chain.country
            target.organization = target.organization or role.chain.organization
            target.visiting = target.visiting or role.chain.visiting
            roles.remove(role)


def _take_counterpart_office(doc: Doc, named: list[Mention], start: int, target: Chain) -> None:
    """'his Pakistani counterpart(,) X': X holds the office of the one he met, the titled person named
    before in the sentence."""
    owner = [m for m in named if m.start < start and m.chain.title_parts and
             doc[m.start].sent.start == doc[start].sent.start]
    if owner:
        target.title_parts = list(owner[-1].chain.title_parts)
        target.title_keys = list(owner[-1].chain.title_keys)


def _counterpart_offices(doc: Doc, named: list[Mention]) -> None:
    """'met his Argentine counterpart Javier X': a counterpart printed without a comma."""
    for mention in named:
        chain = mention.chain
        if not chain.title_parts and chain.role is not None and chain.role.key == "counterpart":
            _take_counterpart_office(doc, named, chain.start, chain)


# Clustering -------------------------------------------------------------------------------------

def cluster_mentions(named: list[Mention]) -> list[PersonCluster]:
    """Group named mentions by person: fuller names first, then every mention whose name words are
    all in exactly one cluster's names ('Lt Gen Haftar' -> 'Saddam Khalifa Haftar')."""
    clusters: list[PersonCluster] = []
    order = sorted(named, key=lambda m: (-len(m.key()), m.start))
    for mention in order:
        key = mention.key()
        if not key:
            continue
        fits = [c for c in clusters if key <= c.key() and _compatible(c, mention)]
        if not fits:
            clusters.append(PersonCluster([mention]))
            continue
        best = min(fits, key=lambda c: _distance(c, mention))
        best.mentions.append(mention)
    clusters.sort(key=lambda c: c.first_start)
    for found in clusters:
        chains = found.chains()
        found.country = next((c.country for c in chains if c.country), None)
        found.visiting = any(c.visiting for c in chains)
    return clusters


def _compatible(found: PersonCluster, mention: Mention) -> bool:
    """A mention with its own country cannot join a person of another country."""
    own = mention.chain.country
    return not (own and any(c.country and c.country != own for c in found.chains()))


def _distance(found: PersonCluster, mention: Mention) -> int:
    before = [m.start for m in found.mentions if m.start <= mention.start]
    return mention.start - max(before) if before else 10_000 + min(m.start for m in found.mentions)


def add_name_word_mentions(doc: Doc, clusters: list[PersonCluster], lex: Lexicon) -> None:
    """'Fuentes paid a courtesy call on ...': a lone word of one person's full name is that person.

    Only words that belong to a single person and are not places, bodies or offices count.
    """
    owners: dict[str, list[PersonCluster]] = {}
    for found in clusters:
        if len(found.key()) < 2:
            continue
        for word in found.key():
            owners.setdefault(word, []).append(found)
    covered = {i for found in clusters for m in found.mentions for i in range(m.chain.start, m.end)}
    entity_of = {t.i: e for e in doc.ents for t in e}
    for token in doc:
        if token.i in covered or not _is_capitalised(token) or len(token.text) < 3:
            continue
        word = fold_word(token.text)
        holders = owners.get(word)
        if holders and len(holders) > 1 and len({frozenset(h.key()) for h in holders}) == 1:
            # One name the text gave two people (their countries disagreed): the one named last before.
            holders = [min(holders, key=lambda h: _distance(h, Mention(token.i, token.i + 1, [token.text],
                                                                        Chain(start=token.i, end=token.i))))]
        if not holders or len(holders) != 1:
            continue
        entity = entity_of.get(token.i)
        if entity is not None and len(entity) > 1 and entity.label_ != "PERSON":
            continue  # a word inside a longer place or body name
        if lex.covers(token.i, "RANK", "TITLE", "ORG", "HONORIFIC") or geography.country(token.text) or \
                geography.demonym(token.text) or _is_city_name(token.text):
            continue
        neighbours = [doc[k] for k in (token.i - 1, token.i + 1) if 0 <= k < len(doc)]
        if any(_is_capitalised(n) and n.i not in covered and not n.is_sent_start for n in neighbours):
            continue  # part of another name
        holders[0].mentions.append(Mention(token.i, token.i + 1, [token.text], Chain(start=token.i, end=token.i)))


_KNOWN_CITY = 250_000  # a city big enough that its name alone reads as the city, not as a surname


def _is_city_name(text: str) -> bool:
    """True when a well-known gazetteer city has exactly this name ('Tripoli'), not merely as a variant:
    a surname that is also a small town's name ('Torres', 'Castro') stays a name."""
    return any(geography.fold(c.name) == geography.fold(text) and c.population >= _KNOWN_CITY
               for c in geography.cities(text))


def keep_person(found: PersonCluster) -> bool:
    """Report a person only when the text names them: two name words, or one with an office or
    rank ('President Xi' alone is kept; a stray capitalised word is not)."""
    if len(found.key()) >= 2:
        return True
    return any(c.has_role for c in found.chains()) and len(found.mentions) > 0 and _has_long_word(found)


def _has_long_word(found: PersonCluster) -> bool:
    return any(len(word) > 2 for word in found.key())
