"""People: names with their rank, office, body and country, and one cluster per real person.

A newswire names an official behind a chain of modifiers: "Libyan Armed Forces Commander-in-Chief
Lt Gen Saddam Khalifa Haftar", "Chief of Army Staff (COAS) General Syed Asim Munir", "Federal
Minister for Defence Production Raza Hayat Hiraj". One module per stage:

- `words`: name particles, folding and capitalisation, shared by every stage;
- `countries`, `bodies`, `offices`: a country, an institution, a rank or office at a token;
- `chains`: `parse_chain` reads a name's modifiers left to right (country, body, office with its
  complement, rank, honorific);
- `names`: where the name behind a chain ends;
- `mentions`: `find_mentions`, every named mention and role description in a Doc;
- `appositions`: offices and countries a mention takes from its neighbours;
- `clustering`: a mention whose name words are all in a fuller name is that person;
- `partners`: a spouse named as such ('his wife X') and the partner whose country the record gives;
- `model`: the `Chain`, `Mention` and `PersonCluster` the stages pass between them.

`extractor.records` writes one `Person` per cluster (the only place spaCy meets pydantic).
"""

from __future__ import annotations

from extractor.people.clustering import add_name_word_mentions, cluster_mentions, keep_person
from extractor.people.countries import country_at, country_in_name, demonym_at
from extractor.people.mentions import find_mentions
from extractor.people.model import Chain, Mention, PersonCluster
from extractor.people.offices import title_text

__all__ = [
    "Chain",
    "Mention",
    "PersonCluster",
    "add_name_word_mentions",
    "cluster_mentions",
    "country_at",
    "country_in_name",
    "demonym_at",
    "find_mentions",
    "keep_person",
    "title_text",
]
