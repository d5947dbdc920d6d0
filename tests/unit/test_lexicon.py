"""extractor.lexicon: the `diplo_lexicon` factory, its packaged patterns, clear errors for missing pipes."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

import extractor.entities
import extractor.events
import extractor.lexicon  # noqa: F401  (registers the factories)
from extractor.errors import PipelineError
from extractor.lexicon import LEXICON_KEY, Lexicon, LexiconRuler, deferrable_word, shipped_patterns

MENTION = "Lt Gen Rauf Guliyev called on the Chief of Army Staff."


def _matches(doc: spacy.tokens.Doc) -> set[tuple[str, str, str]]:
    return {(span.text, span.label_, span.id_) for span in doc.spans[LEXICON_KEY]}


def test_lexicon_factory_matches_the_shipped_patterns_in_a_blank_pipeline() -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe(LEXICON_KEY)
    assert isinstance(ruler, LexiconRuler)
    found = _matches(nlp(MENTION))
    assert ("Lt Gen", "RANK", "lieutenant-general") in found
    assert ("Chief of Army Staff", "TITLE", "chief-of-army-staff") in found
    assert len(ruler) == len(shipped_patterns())


def test_added_patterns_join_the_shipped_ones() -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe(LEXICON_KEY)
    ruler.add_patterns([{"label": "TITLE", "pattern": "Grand Vizier", "id": "grand-vizier"}])
    found = _matches(nlp("Lt Gen Ali met the Grand Vizier."))
    assert {("Lt Gen", "RANK", "lieutenant-general"), ("Grand Vizier", "TITLE", "grand-vizier")} <= found


def test_lexicon_patterns_round_trip_through_bytes() -> None:
    nlp = spacy.blank("en")
    vizier = {"label": "TITLE", "pattern": "Grand Vizier", "id": "grand-vizier"}
    nlp.add_pipe(LEXICON_KEY).add_patterns([vizier])
    other = spacy.blank("en")
    other.add_pipe(LEXICON_KEY).from_bytes(nlp.get_pipe(LEXICON_KEY).to_bytes())
    assert len(other.get_pipe(LEXICON_KEY)) == len(shipped_patterns()) + 1
    assert _matches(other(MENTION + " The Grand Vizier")) == _matches(nlp(MENTION + " The Grand Vizier"))


TEXTS = ["Talks were held on trade.", MENTION, "The Prime Minister met the Chief of the Air Staff.",
         "Vice Admiral Ahmed, the Deputy Chief of Naval Staff, met the Ambassador of Japan in Karachi."]


def test_deferred_phrases_match_as_if_every_pattern_were_tokenized_at_once() -> None:
    lazy = spacy.blank("en")
    lazy.add_pipe(LEXICON_KEY)
    eager = spacy.blank("en")
    eager.add_pipe("span_ruler", config={"spans_key": LEXICON_KEY, "phrase_matcher_attr": "LOWER"}) \
        .add_patterns(shipped_patterns())
    for text in TEXTS:  # the first has none of the phrases; later ones need phrases deferred by then
        assert _matches(lazy(text)) == _matches(eager(text)), text
    assert ("Chief of the Air Staff", "TITLE") in {(t, label) for t, label, _ in _matches(lazy(TEXTS[2]))}


def test_a_phrase_is_tokenized_only_once_a_doc_has_its_first_word() -> None:
    nlp = spacy.blank("en")
    made: list[str] = []
    make_doc = nlp.make_doc
    nlp.make_doc = lambda text: made.append(text) or make_doc(text)  # type: ignore[method-assign]
    nlp.add_pipe(LEXICON_KEY)
    nlp.get_pipe(LEXICON_KEY)(make_doc(TEXTS[0]))
    phrases = [p["pattern"] for p in shipped_patterns() if isinstance(p["pattern"], str)]
    assert "Chief of Army Staff" not in made
    assert len(made) < len(phrases) / 4
    nlp.get_pipe(LEXICON_KEY)(make_doc(MENTION))
    assert "Chief of Army Staff" in made


def test_every_deferred_shipped_phrase_starts_with_its_word() -> None:
    nlp = spacy.blank("en")
    deferred = [(p["pattern"], word) for p in shipped_patterns() if isinstance(p["pattern"], str)
                and (word := deferrable_word(p["pattern"], nlp.tokenizer.rules))]
    assert len(deferred) > 1000
    assert [(phrase, word) for phrase, word in deferred if nlp.make_doc(phrase)[0].lower_ != word] == []


@pytest.mark.parametrize(("phrase", "word"), [("Chief of Army Staff", "chief"), ("Lt. Gen.", None),
                                              ("al-Qaeda", None), ("19-gun salute", None),
                                              ("cannot attend", None), ("", None)])
def test_a_phrase_is_deferred_only_when_its_first_token_is_plain(phrase: str, word: str | None) -> None:
    assert deferrable_word(phrase, spacy.blank("en").tokenizer.rules) == word


def test_removing_a_label_removes_its_deferred_phrases() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe(LEXICON_KEY).remove("TITLE")
    assert not any(label == "TITLE" for _, label, _ in _matches(nlp(MENTION)))
    assert ("Lt Gen", "RANK", "lieutenant-general") in _matches(nlp(MENTION))


def test_initialize_resets_the_lexicon_to_the_shipped_patterns() -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe(LEXICON_KEY)
    ruler.clear()
    assert len(ruler) == 0
    nlp.initialize()
    assert len(ruler) == len(shipped_patterns())


def test_entities_without_the_lexicon_is_a_clear_error() -> None:
    with pytest.raises(PipelineError, match=r"diplo_entities needs diplo_lexicon earlier in the pipeline"):
        spacy.blank("en").add_pipe("diplo_entities")


def test_visit_events_without_the_entities_is_a_clear_error() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe(LEXICON_KEY)
    with pytest.raises(PipelineError, match=r"diplo_visit_events needs diplo_entities earlier"):
        nlp.add_pipe("diplo_visit_events")


def test_a_doc_the_lexicon_did_not_see_is_a_clear_error() -> None:
    with pytest.raises(PipelineError, match="has no 'diplo_lexicon' spans"):
        Lexicon.of(spacy.blank("en")(MENTION))


_PARSER_CALLS: list[int] = []


@Language.component("test_count_parser_calls")
def _count_parser_calls(doc: spacy.tokens.Doc) -> spacy.tokens.Doc:
    _PARSER_CALLS.append(1)
    return doc


def test_building_the_pipeline_does_not_run_the_parser() -> None:
    """The lexicon's pattern docs come from the tokenizer: no pipe after it runs while diplo loads.

    spaCy's own `SpanRuler.add_patterns` runs every earlier pipe over each pattern string; a counter
    placed right after the parser would then be called thousands of times.
    """
    from extractor.pipeline import add_diplo_pipes, default_model

    nlp = spacy.load(default_model())
    nlp.add_pipe("test_count_parser_calls", after="parser")
    _PARSER_CALLS.clear()
    add_diplo_pipes(nlp)
    assert len(nlp.get_pipe(LEXICON_KEY).patterns) == len(shipped_patterns())  # patterns now loaded
    assert _PARSER_CALLS == []
    nlp(MENTION)
    assert _PARSER_CALLS == [1], "the counter must see the parser's documents"
