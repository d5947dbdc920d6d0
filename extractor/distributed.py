"""Past one machine: diplo on a Dask cluster (`pip install 'diplo[dask]'`).

Two entry points:

- `DaskEngine`, the executor behind `diplo batch --engine dask`: `Batch` reads the inputs, keeps
  them in order and writes the output as with the local engine; only the extraction of each group
  of articles runs on the cluster's workers. Without a scheduler address it starts a LocalCluster
  of worker processes on this machine.
- `extract_bag(bag)`, for those who already hold a Dask bag (or dataframe column) of texts: a bag
  of `Document`s, one per text, in the same order.

Each worker process loads the pipeline once and reuses it (`worker_pipeline`); the workers of a
LocalCluster are forked from the process that loaded it, and so start with it.
dask and distributed are imported only here, and only when used, so the default install and the
CLI's start-up do not need them.
"""

from __future__ import annotations

import gc
import logging
import os
import threading
from collections.abc import Iterable, Mapping
from functools import cache
from typing import TYPE_CHECKING, Any

from extractor.batch import (
    GROUP_SIZE,
    ExecutorFactory,
    Extracted,
    GroupFuture,
    extract_articles,
    start_method,
    warm_up,
)
from extractor.chunking import MAX_CHARS
from extractor.errors import ExitCode, ExtractorError
from extractor.sources import Article, Failure

if TYPE_CHECKING:
    import dask.bag
    from distributed import Client, LocalCluster
    from spacy.language import Language

    from models import Document

logger = logging.getLogger(__name__)

INSTALL_HINT = "pip install 'diplo[dask]'"
# The LocalCluster's scheduler: a group whose worker died is tried once more on another (then its
# articles fail); a worker holds only the group it runs, so a death never counts against others.
# Its workers do not sample their own stacks every 10 ms: with no dashboard, nobody reads the profile.
# A cluster given by address keeps its own settings (`allowed-failures` is 3 by default).
LOCAL_SCHEDULER_CONFIG = {"distributed.scheduler.allowed-failures": 1,
                          "distributed.scheduler.worker-saturation": 1.0,
                          "distributed.worker.profile.enabled": False}
CONNECT_TIMEOUT = "30s"


class DaskMissingError(ExtractorError):
    """`--engine dask` without dask and distributed installed."""

    exit_code = ExitCode.USAGE


class ClusterError(ExtractorError):
    """The Dask scheduler cannot be reached."""

    exit_code = ExitCode.ERROR


def require_dask() -> None:
    """Raise DaskMissingError, naming the extra to install, unless dask.distributed imports."""
    try:
        import dask  # noqa: F401
        import distributed  # noqa: F401
    except ImportError as err:
        raise DaskMissingError(f"the Dask engine needs dask and distributed ({err}): "
                               f"{INSTALL_HINT}") from None


# Worker side. A worker may run several tasks at once in threads: one pipeline per process, used
# by one thread at a time (spaCy pipelines are not meant to be shared between threads).
_PIPELINE_LOCK = threading.Lock()


@cache
def _loaded(model: str | None) -> Language:
    from extractor.pipeline import load_pipeline

    nlp = load_pipeline(model)
    warm_up(nlp)
    gc.freeze()  # loaded for the worker's life: full collections need not walk it again
    return nlp


def worker_pipeline(model: str | None = None) -> Language:
    """The pipeline of this worker process, loaded and warmed up on first use, then reused."""
    with _PIPELINE_LOCK:
        return _loaded(model)


def _ready(model: str | None) -> int:
    worker_pipeline(model)
    return os.getpid()


def _extract_group(articles: list[Article], model: str | None, batch_size: int,
                   max_chars: int) -> list[Extracted | Failure]:
    with _PIPELINE_LOCK:
        return extract_articles(_loaded(model), articles, batch_size=batch_size, max_chars=max_chars)


class DaskEngine:
    """The executor of `diplo batch --engine dask`: groups of articles extracted on Dask workers.

    Args:
        workers: Worker processes of the LocalCluster started when `scheduler` is None.
        model: spaCy pipeline name, loaded on each worker (it must be installed there).
        scheduler: Address of a running cluster's scheduler ('tcp://10.0.0.5:8786'); None starts
            a LocalCluster of `workers` single-threaded processes on loopback.
    """

    def __init__(self, workers: int, model: str | None, *, scheduler: str | None = None) -> None:
        require_dask()
        import dask
        from distributed import Client, LocalCluster

        self.model = model
        self._cluster: LocalCluster | None = None
        if scheduler is None:
            # Where the local engine forks its workers from this process once it holds the loaded
            # pipeline, so does a cluster on this machine: its workers start with it.
            method = start_method()
            if method == "fork":
                _loaded(model)
            config = {**LOCAL_SCHEDULER_CONFIG, "distributed.worker.multiprocessing-method": method}
            with dask.config.set(config):
                self._cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                             host="127.0.0.1", dashboard_address=None,
                                             silence_logs=logging.ERROR)
            self.client: Client | None = Client(self._cluster)
        else:
            try:
                self.client = Client(scheduler, timeout=CONNECT_TIMEOUT)
            except (OSError, TimeoutError, ValueError) as err:
                raise ClusterError(f"cannot reach the Dask scheduler at {scheduler} ({err})") from None
        try:
            self.slots = self._load_on_workers()
        except BaseException:
            self.close(abort=True)
            raise

    def _load_on_workers(self) -> int:
        """Load the pipeline on every worker now (a missing model fails here); the threads in all."""
        assert self.client is not None
        threads = self.client.nthreads()
        futures = [self.client.submit(_ready, self.model, workers=[address], allow_other_workers=False,
                                      pure=False) for address in threads]
        self.client.gather(futures)
        return max(1, sum(threads.values()))

    def submit(self, articles: list[Article], batch_size: int, max_chars: int) -> GroupFuture:
        """Send one group to the cluster; a worker that dies has it run again on another."""
        assert self.client is not None
        future: GroupFuture = self.client.submit(_extract_group, articles, self.model, batch_size, max_chars,
                                                 pure=False)
        return future

    def lost_workers(self, err: BaseException) -> bool:
        """Never: the scheduler itself moves a dead worker's groups to the others."""
        return False

    def close(self, *, abort: bool = False) -> None:
        """Disconnect (the scheduler drops this client's work); stop the LocalCluster if one was started."""
        client, self.client = self.client, None
        cluster, self._cluster = self._cluster, None
        if client is not None:
            client.close()
        if cluster is not None:
            cluster.close()


def dask_executor(scheduler: str | None) -> ExecutorFactory:
    """The executor factory `Batch` takes: (workers, model) -> a started DaskEngine on `scheduler`."""
    require_dask()

    def factory(workers: int, model: str | None) -> DaskEngine:
        return DaskEngine(workers, model, scheduler=scheduler)

    return factory


def _article(index: int, item: str | Mapping[str, Any], published: str | None) -> tuple[Article, str | None]:
    """The Article of a bag element, and the name its record carries (None for a bare text)."""
    if isinstance(item, str):
        return Article(f"#{index}", item, published), None
    name = item.get("id", item.get("path"))
    path = str(name) if name is not None else None
    text = item.get("text")
    text = text if isinstance(text, str) else ""
    return Article(path or f"#{index}", text, item.get("published") or published), path


def _extract_partition(items: Iterable[str | Mapping[str, Any]], published: str | None, model: str | None,
                       batch_size: int, max_chars: int) -> list[Document]:
    from extractor.records import sha256
    from models import Document, Source

    pairs = [_article(index, item, published) for index, item in enumerate(items)]
    readable = [article for article, _ in pairs if article.text.strip()]
    found = iter(_extract_group(readable, model, batch_size, max_chars) if readable else [])
    documents = []
    for article, path in pairs:
        result = next(found) if article.text.strip() else Failure(article.path, "no text")
        if isinstance(result, Extracted):
            document = Document.model_validate_json(result.document)
            source = document.source.model_copy(update={"path": path})
            document = document.model_copy(update={"source": source})
        else:
            source = Source(path=path, sha256=sha256(article.text), published=article.published)
            document = Document(source=source, warnings=[result.reason])
        documents.append(document)
    return documents


def extract_bag(bag: dask.bag.Bag, *, published: str | None = None, model: str | None = None,
                batch_size: int = GROUP_SIZE, max_chars: int = MAX_CHARS) -> dask.bag.Bag:
    """A bag of `Document`s, one per element of `bag`, in the same order (lazy, as bags are).

    An element is an article's text, or a mapping with `text` and optional `id` (kept as
    `source.path`) and `published` (YYYY-MM-DD; else `published`, else the date the article
    prints), as `dataframe.to_bag(format="dict")` gives. Each partition runs through `nlp.pipe` on
    one worker, whose pipeline is loaded once. An article without text, or that the pipeline fails
    on, gives a Document with no events and the reason in `warnings`: the partition goes on.

        docs = extract_bag(ddf[["id", "text"]].to_bag(format="dict"))
    """
    require_dask()
    return bag.map_partitions(_extract_partition, published, model, batch_size, max_chars)
