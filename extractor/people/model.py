"""What the stages pass between them: a name's modifiers (`Chain`), one printed reference
(`Mention`) and one real person with all their mentions (`PersonCluster`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span

from extractor.lexicon import Entry
from extractor.people.words import name_key


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
    office_start: int | None = None  # an office set off before the chain ("Chief of Army Staff, General X")
    credit: bool = False  # the name of a photo credit or a byline: a person of the page, no more

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
    def credited_only(self) -> bool:
        """Named only in a photo credit or a byline: a person of the page, not of the story."""
        return bool(self.mentions) and all(m.chain.credit for m in self.mentions)

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
