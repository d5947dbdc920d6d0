"""Places named in an article (extractor.places): what the gazetteers know is a place only where the
sentence uses it as one.

Every sentence here is invented for the test.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from extractor.lexicon import Lexicon
from extractor.places import find_places
from models import Document

Run = Callable[..., Document]


def place_names(document: Document) -> set[str]:
    return {p.name for p in document.places}


@pytest.mark.parametrize(("sentence", "fragment"), [
    ("President Luis Abinader met Monday in Casa Rosada with his counterpart.", "Casa"),
    ("Commission President Ursula von der Leyen arrived in Kyiv by train on Friday.", "Leyen"),
    ("The visitors saw a team of Sri Lankan doctors at work in the ward.", "Sri"),
])
def test_a_word_of_a_longer_proper_name_is_no_place(run: Run, sentence: str, fragment: str) -> None:
    assert fragment not in place_names(run(sentence))


@pytest.mark.parametrize(("sentence", "word"), [
    ("The leaders mourned the passing of Her Majesty the Queen during the talks in Ottawa.", "Her"),
    ("The defence minister travelled to the North on instructions from the president.", "North"),
])
def test_a_pronoun_or_a_bare_compass_word_is_no_town(run: Run, sentence: str, word: str) -> None:
    assert word not in place_names(run(sentence))


@pytest.mark.parametrize(("sentence", "word"), [
    ("The delegation toured the technology park, observing capabilities in ISR, cyber and space.", "ISR"),
    ("Join ST's channel for the latest news.", "ST"),
    ("Dahal, 68, will be accompanied by his daughter and a large delegation.", "Dahal"),
])
def test_an_unknown_acronym_name_or_compound_of_demonyms_is_no_place(run: Run, sentence: str, word: str) -> None:
    assert word not in place_names(run(sentence))


def test_a_state_code_after_a_city_is_that_state(run: Run) -> None:
    found = place_names(run("After Washington the general will visit military bases in Norfolk, VA, "
                            "San Antonio, TX, and San Diego, CA."))
    assert {"Virginia", "Texas", "California", "Norfolk", "San Antonio"} <= found


def test_a_city_the_ner_cut_in_two_is_the_gazetteers_whole_name(run: Run) -> None:
    found = place_names(run("The ministers met in the city of Boa Vista, Roraima, Brazil, on Monday."))
    assert "Boa Vista" in found
    assert not {"Boa", "Vista"} & found


def test_a_city_spelled_with_its_own_accents_and_spaces_takes_the_gazetteers_name(run: Run) -> None:
    assert "Hanoi" in place_names(run("The president arrived in Hà Nội on Tuesday for a state visit."))


@pytest.mark.parametrize(("sentence", "place"), [
    ("The two generals met at the army headquarters in Kebagusan, South Jakarta, on Friday.", "Kebagusan"),
    ("They agreed to build a border post at the new bridge on the Lumala River next year.", "Lumala River"),
    ("The Prime Minister arrived at Dushanbe International Airport on Sunday.", "Dushanbe"),
])
def test_a_name_the_sentence_uses_as_a_place_stays_a_place(run: Run, sentence: str, place: str) -> None:
    assert place in place_names(run(sentence))


def places_of_parse(nlp: Language, words: list[str], pos: list[str], ents: list[str]) -> set[str]:
    """find_places over a hand-set analysis: the rule is tested whatever the statistical model does."""
    doc = Doc(nlp.vocab, words=words, pos=pos, ents=ents)
    nlp.get_pipe("diplo_lexicon")(doc)
    return {p.name for p in find_places(doc, Lexicon.of(doc), set(), None, set())}


@pytest.mark.parametrize(("given_name", "found"), [("Danilo", set()), ("in", {"Medina"})])
def test_a_place_word_after_a_given_name_is_a_surname(nlp: Language, given_name: str, found: set[str]) -> None:
    words = ["He", "met", "the", "leader", ",", given_name, "Medina", ",", "and", "traders", "."]
    pos = ["PRON", "VERB", "DET", "NOUN", "PUNCT", "PROPN" if given_name[0].isupper() else "ADP", "PROPN",
           "PUNCT", "CCONJ", "NOUN", "PUNCT"]
    ents = ["O"] * 6 + ["B-GPE"] + ["O"] * 4
    assert places_of_parse(nlp, words, pos, ents) == found


@pytest.mark.parametrize(("compound", "found"), [("Turkmen-Turkish", set()), ("Lumala", {"Lumala"})])
def test_a_compound_of_two_nationalities_is_no_region(nlp: Language, compound: str, found: set[str]) -> None:
    words = ["Trade", "grew", "in", compound, "areas", "."]
    ents = ["O", "O", "O", "B-LOC", "O", "O"]
    assert places_of_parse(nlp, words, ["NOUN", "VERB", "ADP", "PROPN", "NOUN", "PUNCT"], ents) == found


def test_a_place_in_the_headline_or_a_caption_before_the_dateline_counts(run: Run) -> None:
    text = ("Kenyan minister visits Tanzania\nThe minister arrives at the airport in Dodoma. PHOTO: AFP\n\n"
            "NAIROBI, May 3 (AFP) - The Kenyan foreign minister left for talks on Saturday.")
    found = place_names(run(text))
    assert {"Tanzania", "Dodoma", "Nairobi"} <= found
