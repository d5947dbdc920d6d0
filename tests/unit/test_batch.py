"""Batches: records in input order whatever the worker count, failures isolated, long texts in parts."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from extractor.batch import Batch, Extracted, Skipped, extract_articles, shared_group_size
from extractor.records import sha256
from extractor.sources import Article, Failure
from models import Document
from models.spans import spans_in


@Language.component("diplo_test_bomb")
def _bomb(doc: Doc) -> Doc:
    if "EXPLODE" in doc.text:
        raise RuntimeError("boom\nsecond line")
    return doc


@pytest.fixture
def exploding_nlp(nlp: Language) -> Iterator[Language]:
    """The session pipeline with a last pipe that fails on texts saying EXPLODE, removed afterwards."""
    nlp.add_pipe("diplo_test_bomb", last=True)
    try:
        yield nlp
    finally:
        nlp.remove_pipe("diplo_test_bomb")


def test_extract_articles_keeps_the_order_and_the_source(nlp: Language,
                                                         news_articles: tuple[str, ...]) -> None:
    articles = [Article(f"a{i}.txt", text) for i, text in enumerate(news_articles)]
    results = extract_articles(nlp, articles, batch_size=2)
    assert [r.path for r in results] == [a.path for a in articles]
    for article, result in zip(articles, results, strict=True):
        assert isinstance(result, Extracted)
        document = Document.model_validate_json(result.document)
        assert document.source.path == article.path
        assert document.source.sha256 == result.sha256 == sha256(article.text)
        assert result.events == len(document.events)


def test_the_published_date_of_an_input_reaches_the_record(nlp: Language) -> None:
    [result] = extract_articles(nlp, [Article("p.html", "The minister met his counterpart.", "2024-08-08")])
    assert isinstance(result, Extracted)
    assert json.loads(result.document)["source"]["published"] == "2024-08-08"


def test_an_article_the_pipeline_fails_on_does_not_sink_its_batch(exploding_nlp: Language,
                                                                   news_articles: tuple[str, ...]) -> None:
    articles = [Article("good1.txt", news_articles[0]), Article("bad.txt", "EXPLODE here."),
                Article("good2.txt", news_articles[1])]
    results = extract_articles(exploding_nlp, articles)
    assert isinstance(results[0], Extracted) and isinstance(results[2], Extracted)
    assert results[1] == Failure("bad.txt", "extraction failed (RuntimeError: boom)")


def test_a_long_text_is_run_in_parts_and_nothing_is_cut(nlp: Language,
                                                        news_articles: tuple[str, ...]) -> None:
    text = "\n".join(news_articles)
    [result] = extract_articles(nlp, [Article("long.txt", text)], max_chars=300)
    assert isinstance(result, Extracted)
    document = json.loads(result.document)
    assert document["source"]["sha256"] == sha256(text)
    assert any(w.startswith("long text: processed in") for w in document["warnings"])
    spans = list(spans_in(document))
    assert spans and all(text[s["start"] : s["end"]] == s["text"] for s in spans)
    assert max(s["end"] for s in spans) > 300  # the last parts were read too


def _folder(tmp_path: Path, texts: tuple[str, ...], copies: int) -> Path:
    for number in range(copies):
        for index, text in enumerate(texts):
            (tmp_path / f"{number:02d}-{index}.txt").write_text(text)
    return tmp_path


def test_the_output_order_does_not_depend_on_the_worker_count(tmp_path: Path,
                                                              news_articles: tuple[str, ...]) -> None:
    folder = _folder(tmp_path, news_articles, 2)
    (folder / "zz-empty.txt").write_text("")
    runs = []
    for workers in (1, 2):
        with Batch([str(folder)], workers=workers, group_size=3) as batch:
            assert batch.workers == workers
            runs.append(list(batch))
    assert runs[0] == runs[1]
    assert [type(o) for o in runs[0]] == [Extracted] * 10 + [Failure]
    assert [o.path for o in runs[0]] == sorted(o.path for o in runs[0])


def test_a_batch_skips_what_an_earlier_run_did(tmp_path: Path, news_articles: tuple[str, ...]) -> None:
    folder = _folder(tmp_path, news_articles[:2], 1)
    first = str(folder / "00-0.txt")
    with Batch([str(folder)], done={(first, sha256(news_articles[0]))}, workers=1) as batch:
        outcomes = list(batch)
    assert outcomes[0] == Skipped(first) and isinstance(outcomes[1], Extracted)
    assert (batch.summary.articles, batch.summary.skipped, batch.summary.failures) == (1, 1, 0)


@Language.component("diplo_test_crash")
def _crash(doc: Doc) -> Doc:
    if "CRASH-THE-WORKER" in doc.text:
        os._exit(1)  # as a worker killed by the system (out of memory) dies: no exception, no cleanup
    return doc


def test_a_worker_that_dies_is_replaced_and_the_batch_goes_on(nlp: Language, tmp_path: Path,
                                                              news_articles: tuple[str, ...]) -> None:
    folder = _folder(tmp_path, news_articles, 1)
    (folder / "02-x.txt").write_text("CRASH-THE-WORKER now.")
    nlp.add_pipe("diplo_test_crash", last=True)  # forked workers inherit the parent's pipeline
    try:
        with Batch([str(folder)], workers=2, group_size=1) as batch:
            outcomes = list(batch)
    finally:
        nlp.remove_pipe("diplo_test_crash")
    assert [o.path for o in outcomes] == sorted(str(p) for p in folder.iterdir())
    failed = [o for o in outcomes if isinstance(o, Failure)]
    assert [o.path for o in failed] == [str(folder / "02-x.txt")]
    assert failed[0].reason.startswith("extraction failed (BrokenProcessPool")
    assert sum(isinstance(o, Extracted) for o in outcomes) == len(news_articles)


@pytest.mark.parametrize(("total", "workers", "size"), [(80, 2, 14), (120, 2, 15), (17, 2, 9), (1000, 2, 32),
                                                       (10, 2, 16), (90, 3, 15)],
                         ids=["80-on-2", "120-on-2", "17-on-2", "1000-on-2", "short-run", "90-on-3"])
def test_workers_sharing_a_run_get_as_many_groups_each(total: int, workers: int, size: int) -> None:
    assert shared_group_size(total, workers) == size
    groups = -(-total // size)
    assert groups == 1 or groups % workers == 0
