"""Factory "diplo_visit_events": who visited whom, where and when.

Reads the people, places and dateline set by "diplo_entities" and the dependency parse; sets
`doc._.diplo_events` to a list of `VisitDraft`. One module per stage:

- `vocabulary`: trigger words and the patterns of future, background and dated sentences;
- `references`: names, role descriptions and pronouns mapped to people;
- `links`: meeting links between two people in one sentence;
- `trips`: visits stated by a trip (arrivals, 'will visit', 'his visit to'), and destinations;
- `orientation`: which side of a meeting travelled;
- `delegations`: who travels with the visitor, who attended;
- `places`, `timing`, `agenda`: where, when and what of each visit;
- `assembly`: the stages run in order and grouped per visitor and host country.
"""

from __future__ import annotations

from spacy.language import Language

from extractor.events.assembly import VisitAssembler
from extractor.events.drafts import MeetingDraft, VisitDraft
from extractor.lexicon import require_pipes

__all__ = ["MeetingDraft", "VisitAssembler", "VisitDraft", "make_visit_events"]


@Language.factory("diplo_visit_events", assigns=["doc._.diplo_events"],
                  requires=["doc.sents", "doc.ents", "doc._.diplo_people"],
                  default_config={"min_confidence": 0.0})
def make_visit_events(nlp: Language, name: str, *, min_confidence: float) -> VisitAssembler:
    """Build the visit-event component."""
    require_pipes(nlp, "diplo_visit_events", "diplo_entities")
    return VisitAssembler(nlp, name, min_confidence=min_confidence)
