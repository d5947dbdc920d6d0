"""Many articles at once: folders walked, the pipeline run in batches and worker processes.

`Batch` reads the inputs in the parent process, sends groups of articles to workers that each load
the pipeline once, and yields one outcome per article in input order whatever the worker count:
`Extracted` (the Document as JSON), `Failure` (path and reason) or `Skipped` (already done).
Bad input never stops a batch. No Typer or Rich here: the CLI renders progress and the summary.

Where a group is extracted is an `Executor`: this module's process pool by default, or a Dask
cluster (`extractor.distributed`); reading, ordering, failures and writing are the same for both.
"""

from __future__ import annotations

import gc
import logging
import multiprocessing
import os
import signal
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from extractor.chunking import MAX_CHARS, merge_documents, split_text
from extractor.errors import ExtractorError
from extractor.sources import DEFAULT_GLOBS, Article, Failure, find_inputs, read_inputs
from models import Document

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

logger = logging.getLogger(__name__)

# Articles sent to a worker at once, and the batch size of `nlp.pipe`: small enough for a smooth
# progress bar and little lost work on Ctrl-C, large enough that the pipe's batching pays.
GROUP_SIZE = 32
# The smallest group when workers share a short run of files: nlp.pipe is as fast from 16 texts up.
_MIN_SHARED_GROUP = 16
# Characters of text in one `nlp.pipe` batch: 32 articles, or a few parts of a long text, so that
# the Docs in memory at once stay small whatever the input.
BATCH_CHARS = 250_000
_WARM_UP_TEXT = ("LIMA, May 3 (AP) - Visiting Foreign Minister Ana Costa of Portugal called on Peruvian "
                 "President Dina Boluarte in Lima on Monday.\n")


@dataclass(frozen=True)
class Extracted:
    """An article's record: `document` is `Document.model_dump_json()`, one line.

    `language` is the code of the language the text is in when it does not look English (the
    record then has no entities and says so in its warnings), else None.
    """

    path: str
    sha256: str
    document: str
    events: int
    language: str | None = None


@dataclass(frozen=True)
class Skipped:
    """An article already in the output of an earlier run (same path and sha256)."""

    path: str


Outcome = Extracted | Failure | Skipped


@dataclass
class Summary:
    """What a batch did: articles extracted, events found, failures, articles skipped, time taken."""

    articles: int = 0
    events: int = 0
    failures: int = 0
    skipped: int = 0
    not_english: int = 0
    started: float = field(default_factory=time.perf_counter)
    seconds: float = 0.0

    def count(self, outcome: Outcome) -> None:
        """Add one outcome to the counts."""
        if isinstance(outcome, Extracted):
            self.articles += 1
            self.events += outcome.events
            self.not_english += outcome.language is not None
        elif isinstance(outcome, Failure):
            self.failures += 1
        else:
            self.skipped += 1
        self.seconds = time.perf_counter() - self.started


def cpu_count() -> int:
    """The CPUs this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


def shared_group_size(total: int, workers: int, largest: int = GROUP_SIZE) -> int:
    """Articles per group when `workers` share `total` articles: at most `largest`, groups of even size.

    Several groups per worker, so that none waits while another finishes the last big group, and
    as many groups for each worker: 80 articles on 2 workers go in 6 groups of 14, not 5 of 16,
    where one worker would get 48 articles and the other 32.
    """
    if total <= 0:
        return largest
    size = max(_MIN_SHARED_GROUP, min(largest, -(-total // (workers * 4))))
    groups = -(-total // size)
    if groups < workers:
        return size  # a short run: one group, extracted in this process
    groups = -(-groups // workers) * workers
    return -(-total // groups)


def _failure(article: Article, err: BaseException) -> Failure:
    lines = str(err).strip().splitlines()
    message = f"{type(err).__name__}: {lines[0]}" if lines else type(err).__name__
    return Failure(article.path, f"extraction failed ({message})")


@dataclass(frozen=True)
class _Job:
    """One text to extract: its publication date (None: the one it prints) and its source."""

    text: str
    published: str | None
    source: Any


@dataclass
class _Plan:
    """How a job runs: its parts (offset, text), the date they resolve against, its language."""

    job: _Job
    parts: list[tuple[int, str]]
    published: str | None
    language: str | None
    documents: list[tuple[int, Document]] = field(default_factory=list)
    error: Exception | None = None


def _plan(job: _Job, max_chars: int) -> _Plan:
    from extractor.language import foreign_language
    from extractor.records import published_of

    language = foreign_language(job.text)
    if language is not None:
        return _Plan(job, [], published_of(job.text, job.published), language)
    parts = split_text(job.text, max_chars)
    # The header date is looked for once per text (`prepare` does it for a whole text).
    published = published_of(job.text, job.published) if len(parts) > 1 else job.published
    return _Plan(job, parts, published, None)


def _chunks(jobs: list[tuple[_Plan, int, str]], batch_size: int) -> Iterator[list[tuple[_Plan, int, str]]]:
    """`jobs` in runs of at most `batch_size` texts and, past the first, `BATCH_CHARS` characters."""
    chunk: list[tuple[_Plan, int, str]] = []
    size = 0
    for job in jobs:
        if chunk and (len(chunk) >= batch_size or size + len(job[2]) > BATCH_CHARS):
            yield chunk
            chunk, size = [], 0
        chunk.append(job)
        size += len(job[2])
    if chunk:
        yield chunk


def _run_pipeline(nlp: Language, chunk: list[tuple[_Plan, int, str]]) -> Iterator[Doc | Exception]:
    """Each part of `chunk` through `nlp.pipe`, in order; if the batch fails, each remaining part alone."""
    from extractor.records import prepare

    done = 0
    try:
        for doc in nlp.pipe((prepare(nlp, text, plan.published) for plan, _, text in chunk),
                            batch_size=len(chunk)):
            done += 1
            yield doc
        return
    except Exception:  # one bad text spoils its batch: find it by running each text alone
        logger.debug("a batch of %d texts failed; running them one by one", len(chunk), exc_info=True)
    for plan, _, text in chunk[done:]:
        try:
            yield nlp(prepare(nlp, text, plan.published))
        except Exception as err:
            yield err


Progress = Callable[[int, int], None]


def _documents(nlp: Language, jobs: Sequence[_Job], *, batch_size: int, max_chars: int,
               progress: Progress | None = None) -> list[tuple[_Plan, Document | Exception]]:
    """The Document of each job, or the error that stopped it: the one code path of every extraction.

    Texts longer than `max_chars` run in sentence-aligned parts whose records are merged; a text
    that does not look English is not run. Each part's Doc becomes a Document as soon as the
    pipeline yields it, so a long text never holds more than one batch of Docs.
    `progress(parts_done, parts_total)` is called after each part.
    """
    from extractor.language import warning
    from extractor.records import empty_document, sha256, to_document

    plans = [_plan(job, max_chars) for job in jobs]
    parts = [(plan, offset, text) for plan in plans for offset, text in plan.parts]
    done = 0
    for chunk in _chunks(parts, max(1, batch_size)):
        for (plan, offset, _), doc in zip(chunk, _run_pipeline(nlp, chunk), strict=True):
            done += 1
            if progress is not None:
                progress(done, len(parts))
            if plan.error is not None:
                continue
            if isinstance(doc, Exception):
                plan.error = doc
                continue
            try:
                plan.documents.append((offset, to_document(doc, source=plan.job.source)))
            except Exception as err:
                plan.error = err
    results: list[tuple[_Plan, Document | Exception]] = []
    for plan in plans:
        digest = sha256(plan.job.text)
        if plan.error is not None:
            results.append((plan, plan.error))
        elif plan.language is not None:
            empty = empty_document(plan.job.text, source=plan.job.source, published=plan.published,
                                   warnings=[warning(plan.language)])
            results.append((plan, empty))
        else:
            try:
                results.append((plan, merge_documents(plan.documents, sha256=digest)))
            except Exception as err:
                results.append((plan, err))
    return results


def extract_document(nlp: Language, text: str, *, published: str | None = None, source: Any = None,
                     max_chars: int = MAX_CHARS, progress: Progress | None = None) -> Document:
    """The record of one text, as `diplo batch` makes it; the pipeline's errors are raised."""
    [(_, result)] = _documents(nlp, [_Job(text, published, source)], batch_size=GROUP_SIZE,
                               max_chars=max_chars, progress=progress)
    if isinstance(result, Exception):
        raise result
    return result


def parts_of(text: str, max_chars: int = MAX_CHARS) -> int:
    """How many parts `text` runs in (1 for any news article)."""
    return len(split_text(text, max_chars))


def extract_articles(nlp: Language, articles: Sequence[Article], *, batch_size: int = GROUP_SIZE,
                     max_chars: int = MAX_CHARS) -> list[Extracted | Failure]:
    """The record of each article, in order, the texts run through `nlp.pipe` together.

    A text longer than `max_chars` is run in sentence-aligned parts whose records are merged. An
    article the pipeline fails on becomes a Failure; the others are unaffected.
    """
    jobs = [_Job(article.text, article.published, {"path": article.path}) for article in articles]
    results: list[Extracted | Failure] = []
    for article, (plan, document) in zip(articles, _documents(nlp, jobs, batch_size=batch_size,
                                                              max_chars=max_chars), strict=True):
        if isinstance(document, Exception):
            results.append(_failure(article, document))
        else:
            results.append(Extracted(article.path, document.source.sha256, document.model_dump_json(),
                                     len(document.events), plan.language))
    return results


def warm_up(nlp: Language) -> None:
    """Run one short article, so that data the components load on first use is loaded now.

    Done before the workers fork, they share it instead of each loading it again.
    """
    extract_articles(nlp, [Article("-", _WARM_UP_TEXT)])


# Worker processes: the pipeline is loaded once per process by the pool's initializer.
_worker_nlp: Language | None = None
_worker_error: ExtractorError | None = None


def _init_worker(model: str | None) -> None:
    global _worker_nlp, _worker_error
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    from extractor.pipeline import load_pipeline

    try:
        _worker_nlp = load_pipeline(model)
    except ExtractorError as err:
        _worker_error = err


def _worker_ready() -> int:
    if _worker_error is not None:
        raise _worker_error
    return os.getpid()


def _worker_extract(articles: list[Article], batch_size: int, max_chars: int) -> list[Extracted | Failure]:
    if _worker_error is not None:
        raise _worker_error
    assert _worker_nlp is not None
    return extract_articles(_worker_nlp, articles, batch_size=batch_size, max_chars=max_chars)


def start_method() -> str:
    """How worker processes start: fork shares the parent's loaded pipeline with them at no cost (on
    Linux, where it is safe); spawn elsewhere."""
    methods = multiprocessing.get_all_start_methods()
    return "fork" if sys.platform == "linux" and "fork" in methods else "spawn"


def _context() -> Any:
    return multiprocessing.get_context(start_method())


class GroupFuture(Protocol):
    """The pending records of one group: a `concurrent.futures.Future` or a Dask future."""

    def result(self) -> list[Extracted | Failure]: ...

    def done(self) -> bool: ...

    def cancelled(self) -> bool: ...

    def exception(self) -> BaseException | None: ...


class Executor(Protocol):
    """Where groups of articles are extracted, in parallel; `Batch` keeps the order and the writing.

    `slots` is the number of groups extracted at once (`Batch` keeps twice as many in flight).
    `lost_workers(err)` says whether `err` broke every group in flight (then the executor has
    restarted its workers and `Batch` sends them again); any other error fails its group only.
    """

    slots: int

    def submit(self, articles: list[Article], batch_size: int, max_chars: int) -> GroupFuture: ...

    def lost_workers(self, err: BaseException) -> bool: ...

    def close(self, *, abort: bool = False) -> None: ...


# Builds and starts an executor for a number of workers and a model name (None: the best installed).
ExecutorFactory = Callable[[int, str | None], Executor]


class ProcessPool:
    """The local engine: worker processes forked from this one, each loading the pipeline once."""

    def __init__(self, workers: int, model: str | None) -> None:
        self.slots = workers
        self.model = model
        self._pool: ProcessPoolExecutor | None = None
        self._start()

    def _start(self) -> None:
        self._pool = ProcessPoolExecutor(self.slots, mp_context=_context(), initializer=_init_worker,
                                         initargs=(self.model,))
        try:
            for ready in [self._pool.submit(_worker_ready) for _ in range(self.slots)]:
                ready.result()
        except BaseException:
            self.close(abort=True)
            raise

    def submit(self, articles: list[Article], batch_size: int, max_chars: int) -> GroupFuture:
        """Send one group to a worker process."""
        assert self._pool is not None
        return self._pool.submit(_worker_extract, articles, batch_size, max_chars)

    def lost_workers(self, err: BaseException) -> bool:
        """A worker died (killed, out of memory): the pool is broken, so start a fresh one."""
        if not isinstance(err, BrokenProcessPool):
            return False
        logger.warning("a worker process died; restarting the workers")
        self.close(abort=True)
        self._start()
        return True

    def close(self, *, abort: bool = False) -> None:
        """Stop the workers; with `abort`, at once, dropping the work not yet done."""
        pool, self._pool = self._pool, None
        if pool is None:
            return
        if not abort:
            pool.shutdown(wait=True)
            return
        # No public way to terminate a pool's processes before Python 3.14.
        processes = list((getattr(pool, "_processes", None) or {}).values())
        pool.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            process.terminate()
        for process in processes:
            process.join(5)


class Batch:
    """Extract every article under `roots`, yielding one outcome per article in input order.

    Use as a context manager (it starts and stops the worker processes), then iterate:

        with Batch(["articles/"], workers=2) as batch:
            for outcome in batch:
                ...

    Args:
        roots: Files and folders (walked recursively); '-' for standard input.
        globs: File-name patterns read in folders.
        exclude: Paths never read (the run's own output files).
        done: (path, sha256) pairs to skip, from an earlier run's output.
        model: spaCy pipeline name; None for the best installed.
        workers: Processes; None for one per CPU. 1 runs in this process.
        group_size: Articles per worker task and per `nlp.pipe` batch.
        max_chars: Longest text run in one piece; longer ones are split at sentence ends.
        executor: Builds the executor from (workers, model); None for the local engine: worker
            processes, or this process for 1 worker.
    """

    def __init__(self, roots: Iterable[str], *, globs: Iterable[str] = DEFAULT_GLOBS,
                 exclude: Iterable[str] = (), done: Iterable[tuple[str, str]] = (),
                 model: str | None = None, workers: int | None = None, group_size: int = GROUP_SIZE,
                 max_chars: int = MAX_CHARS, executor: ExecutorFactory | None = None) -> None:
        self.inputs = list(find_inputs(roots, globs, exclude))
        self.total = len(self.inputs)
        self.done = set(done)
        self.model = model
        self.group_size = max(1, group_size)
        self.max_chars = max_chars
        self.workers = max(1, workers or cpu_count())
        if self.workers > 1 and group_size > _MIN_SHARED_GROUP:
            self.group_size = shared_group_size(self.total, self.workers, self.group_size)
        json_inputs = (".json", ".jsonl", ".ndjson")
        if not any(isinstance(p, str) and p.lower().endswith(json_inputs) for p in self.inputs):
            # one file, one article: no more workers than groups (a JSON file may hold thousands)
            self.workers = min(self.workers, max(1, -(-self.total // self.group_size)))
        self.summary = Summary()
        self._factory = executor
        self._nlp: Language | None = None
        self._executor: Executor | None = None
        self._started = False
        self._window: deque[_Task] = deque()

    def __enter__(self) -> Batch:
        from extractor.pipeline import load_pipeline

        if self._factory is not None:
            self._executor = self._factory(self.workers, self.model)
        else:
            self._nlp = load_pipeline(self.model)
            warm_up(self._nlp)  # before the workers fork, so that they share what it loads
            # The pipeline lives as long as the process: full collections need not walk it again,
            # and after a fork they do not write to (and so copy) the pages the workers share.
            gc.freeze()
            if self.workers > 1:
                self._executor = ProcessPool(self.workers, self.model)
        self._started = True
        self.summary = Summary()
        return self

    def __exit__(self, kind: type[BaseException] | None, *_: object) -> None:
        self.close(abort=kind is not None)

    def close(self, *, abort: bool = False) -> None:
        """Stop the workers; with `abort`, at once, dropping the work not yet done."""
        executor, self._executor = self._executor, None
        if executor is not None:
            executor.close(abort=abort)

    def _stream(self) -> Iterator[list[Article | Outcome]]:
        """The inputs read, in order, in groups of up to `group_size` articles.

        Read failures and skipped articles ride in the group where they occur, so every outcome
        comes out in input order.
        """
        from extractor.records import sha256

        group: list[Article | Outcome] = []
        size = 0
        for item in self.inputs:
            found = [item] if isinstance(item, Failure) else read_inputs(item)
            self.total += len(found) - 1
            for entry in found:
                if isinstance(entry, Failure):
                    group.append(entry)
                elif (entry.path, sha256(entry.text)) in self.done:
                    group.append(Skipped(entry.path))
                else:
                    group.append(entry)
                    size += 1
                    if size >= self.group_size:
                        yield group
                        group, size = [], 0
        if group:
            yield group

    def __iter__(self) -> Iterator[Outcome]:
        for outcome in self._outcomes():
            self.summary.count(outcome)
            yield outcome

    def _outcomes(self) -> Iterator[Outcome]:
        if not self._started:
            raise RuntimeError("use Batch as a context manager: `with Batch(...) as batch:`")
        for group in self._stream():
            articles = [item for item in group if isinstance(item, Article)]
            if self._executor is None:
                assert self._nlp is not None
                results = extract_articles(self._nlp, articles, batch_size=self.group_size,
                                           max_chars=self.max_chars)
                yield from _interleave(group, results)
                continue
            self._window.append(_Task(group, self._submit(articles) if articles else None))
            while self._window and (self._window[0].future is None
                                    or self._running() >= 2 * self._executor.slots):
                yield from self._pop()
        while self._window:
            yield from self._pop()

    def _submit(self, articles: list[Article]) -> GroupFuture:
        assert self._executor is not None
        return self._executor.submit(articles, self.group_size, self.max_chars)

    def _running(self) -> int:
        return sum(task.future is not None for task in self._window)

    def _pop(self) -> list[Outcome]:
        """The outcomes at the head of the window, waiting for them; removed only once received."""
        head = self._window[0]
        articles = [item for item in head.group if isinstance(item, Article)]
        results: list[Extracted | Failure] = []
        if head.future is not None:
            try:
                results = head.future.result()
            except ExtractorError:
                raise
            except Exception as err:
                assert self._executor is not None
                if self._executor.lost_workers(err):
                    # Every task in flight broke with the workers; the one at the head gets one more
                    # try (it may not be the culprit), the others are simply sent again.
                    for task in list(self._window)[0 if not head.retried else 1 :]:
                        if task.future is not None:
                            task.future = self._submit([i for i in task.group if isinstance(i, Article)])
                    if not head.retried:
                        head.retried = True
                        return []
                results = [_failure(article, err) for article in articles]
        self._window.popleft()
        return _interleave(head.group, results)

    def finished(self) -> list[Outcome]:
        """After an interruption: the outcomes already computed at the head of the window, in order."""
        outcomes: list[Outcome] = []
        while self._window:
            future = self._window[0].future
            if future is not None and (not future.done() or future.cancelled() or future.exception()):
                break
            outcomes.extend(self._pop())
        for outcome in outcomes:
            self.summary.count(outcome)
        return outcomes


def _interleave(group: list[Article | Outcome], results: Iterable[Extracted | Failure]) -> list[Outcome]:
    """The group's outcomes in order: each article replaced by its result, the rest kept."""
    found = iter(results)
    return [next(found) if isinstance(item, Article) else item for item in group]


@dataclass
class _Task:
    """A group of inputs in order, and the future of its articles' records (None: no articles)."""

    group: list[Article | Outcome]
    future: GroupFuture | None
    retried: bool = False
