"""Shared fixtures: the shipped pipeline, loaded once per test session, and short invented articles."""

from __future__ import annotations

import pytest
from spacy.language import Language

# Invented newswire items, written for the tests: a dateline, a visitor, a host, a meeting.
NEWS_ARTICLES = (
    "ANKARA, March 14 (Reuters) - Norwegian Foreign Minister Ingrid Halvorsen met Turkish Foreign "
    "Minister Hakan Fidan in Ankara on Friday to discuss trade and energy links.\n",
    "NAIROBI, May 3 (AFP) - Japanese Defence Minister Kenji Morita called on Kenyan President William "
    "Ruto at State House on Tuesday. The two sides agreed to expand maritime training.\n",
    "HANOI, Oct 9: Chilean President Gabriel Boric arrived in Hanoi on a three-day state visit and held "
    "talks with Vietnamese Prime Minister Pham Minh Chinh on Thursday.\n",
    "CANBERRA, July 21 (AAP) - Indonesian Navy Chief Admiral Budi Santoso called on Australian Chief of "
    "Navy Vice Admiral Mark Hammond in Canberra on Monday.\n",
    "OTTAWA, Feb 2 - Mexican Foreign Secretary Lucia Ramirez met Canadian Foreign Minister Melanie Joly "
    "in Ottawa on Wednesday and discussed migration and trade.\n",
)


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The trained pipeline diplo ships with, plus diplo's components."""
    from extractor.pipeline import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def news_articles() -> tuple[str, ...]:
    """A few short invented news items, each reporting one visit."""
    return NEWS_ARTICLES
