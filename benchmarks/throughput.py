"""Speed and memory of diplo against plain spaCy on the same articles, measured in one run.

    .venv/bin/python benchmarks/throughput.py --corpus /work/shared/devset --copies 4
    .venv/bin/python benchmarks/throughput.py --corpus /tmp/realdev
    .venv/bin/python benchmarks/throughput.py            # 500 invented articles (samples/ + templates)
    .venv/bin/python benchmarks/throughput.py --corpus DIR --no-dask   # without the engines table

Every `*.txt` of `--corpus` (`--copies` times) is written to a temporary folder, then, one after the
other and interleaved over `--rounds` rounds (the best of each kept):

1. cold start: `diplo extract ONE.txt --json` as a whole process, against a process that imports
   spaCy, loads the same model and runs that one article;
2. whole process: `diplo batch DIR --workers 1` (and `--workers 2`) from start to exit, against a
   process that loads the model and runs `nlp.pipe` over the same texts, reading them from disk;
   and the time the batch's summary line reports (from the workers being ready to the last record
   written), which leaves the start-up out;
3. engines (with dask installed, unless `--no-dask`): `diplo batch DIR --engine dask --workers 2`
   (a LocalCluster of 2 worker processes) against the local engine's `--workers 2` run of the same
   round; the two outputs must be the same bytes;
4. steady: in this process, after loading, diplo's batch path (`extract_articles`) and a loop of
   `extract()` against `nlp.pipe`;
5. peak memory per worker: the largest resident set of one process of the tree (the parent of a
   `--workers 2` run included: it holds the pipeline the workers were forked from). RSS counts the
   pages a forked worker shares with its parent in both, so the tree's sum overstates the machine's use.

Every process runs with one BLAS thread (`OPENBLAS_NUM_THREADS=1`), which diplo's CLI sets for
itself: plain spaCy gets the same, so the ratios are of diplo's own work.

It prints the figures, their ratios against the targets, and Markdown tables for the README.
Timings depend on the machine and on what else runs on it; this is a script, not a test.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import os
import random
import re
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

VISITORS = [
    ("Norwegian", "Norway", "Foreign Minister", "Ingrid Halvorsen"),
    ("Japanese", "Japan", "Defence Minister", "Kenji Morita"),
    ("Chilean", "Chile", "President", "Gabriel Boric"),
    ("Indonesian", "Indonesia", "Navy Chief Admiral", "Budi Santoso"),
    ("Mexican", "Mexico", "Foreign Secretary", "Lucia Ramirez"),
    ("Kenyan", "Kenya", "Chief of Defence Forces General", "Charles Kahariri"),
    ("Polish", "Poland", "Prime Minister", "Marek Nowicki"),
    ("Egyptian", "Egypt", "Foreign Minister", "Karim Mansour"),
    ("Brazilian", "Brazil", "Trade Minister", "Paulo Azevedo"),
    ("Vietnamese", "Vietnam", "Deputy Prime Minister", "Tran Van Long"),
]
HOSTS = [
    ("ANKARA", "Ankara", "Turkish", "Foreign Minister", "Hakan Fidan", "Reuters"),
    ("NAIROBI", "Nairobi", "Kenyan", "President", "William Ruto", "AFP"),
    ("CANBERRA", "Canberra", "Australian", "Defence Minister", "Richard Marles", "AAP"),
    ("OTTAWA", "Ottawa", "Canadian", "Foreign Minister", "Melanie Joly", "CP"),
    ("ISLAMABAD", "Islamabad", "Pakistani", "Prime Minister", "Shehbaz Sharif", "APP"),
    ("BERLIN", "Berlin", "German", "Chancellor", "Olaf Scholz", "dpa"),
    ("SEOUL", "Seoul", "South Korean", "Foreign Minister", "Cho Tae-yul", "Yonhap"),
    ("ACCRA", "Accra", "Ghanaian", "President", "Nana Akufo-Addo", "GNA"),
]
VERBS = ["met", "called on", "held talks with", "paid a courtesy call on"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
MONTHS = ["Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec"]
TOPICS = ["trade and investment", "maritime security", "energy cooperation", "climate finance",
          "defence industry cooperation", "migration", "food security", "regional stability"]
FILLER = [
    "Officials said the talks were held in a cordial atmosphere and covered the full range of bilateral "
    "ties.",
    "The two sides reviewed progress on agreements signed during a previous visit and agreed to meet again "
    "next year.",
    "A joint statement issued after the meeting said both governments were committed to deeper cooperation.",
    "Analysts said the visit reflected growing interest in the region from partners further afield.",
    "The delegation also included senior officials from the ministries of finance, energy and agriculture.",
    "Later in the day the visiting delegation toured a port facility and met business leaders.",
    "Both sides expressed satisfaction with the growth in two-way trade over the past five years.",
]


def synthetic_article(rng: random.Random) -> str:
    """One invented newswire article of about 150 to 250 words."""
    adjective, country, title, name = rng.choice(VISITORS)
    dateline, city, host_adjective, host_title, host_name, outlet = rng.choice(HOSTS)
    topic, other = rng.sample(TOPICS, 2)
    day = rng.choice(DAYS)
    lines = [
        f"{dateline}, {rng.choice(MONTHS)} {rng.randint(1, 28)} ({outlet}) - {adjective} {title} {name} "
        f"{rng.choice(VERBS)} {host_adjective} {host_title} {host_name} in {city} on {day} and discussed "
        f"{topic} and {other}.",
        "",
        f"{name} arrived in {city} on a {rng.choice(['two', 'three', 'four'])}-day official visit at the "
        f"invitation of the {host_adjective.lower()} government, the first by a {adjective} "
        f"{title.split()[-1].lower()} in {rng.randint(3, 12)} years.",
        "",
        *rng.sample(FILLER, 3),
        "",
        f"\"{country} sees this partnership as essential,\" {name} told reporters after the meeting with "
        f"{host_name}, adding that the two countries would sign an agreement on {other} before the end "
        "of the year.",
    ]
    return "\n".join(lines) + "\n"


def write_corpus(folder: Path, corpus: Path | None, copies: int, count: int) -> list[str]:
    """The benchmark's articles, written to `folder`: `corpus`'s *.txt `copies` times, or invented ones."""
    if corpus is not None:
        texts = [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt"))] * max(1, copies)
        if not texts:
            raise SystemExit(f"{corpus}: no *.txt articles")
    else:
        rng = random.Random(20240726)
        texts = [p.read_text(encoding="utf-8") for p in sorted((REPO / "samples").glob("*.txt"))]
        while len(texts) < count:
            texts.append(synthetic_article(rng))
        texts = texts[:count]
    for number, text in enumerate(texts):
        (folder / f"{number:05d}.txt").write_text(text, encoding="utf-8")
    return texts


class MemoryPeak:
    """The largest resident memory of a process tree, sampled (Linux /proc): summed, and of one process."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.peak_kb = 0
        self.largest_kb = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    @staticmethod
    def _tree(pid: int) -> list[int]:
        pids, todo = [], [pid]
        while todo:
            current = todo.pop()
            pids.append(current)
            for children in Path(f"/proc/{current}/task").glob("*/children"):
                with contextlib.suppress(OSError):
                    todo.extend(int(c) for c in children.read_text().split())
        return pids

    @staticmethod
    def _rss_kb(pid: int) -> int:
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            return 0
        found = re.search(r"^VmRSS:\s+(\d+) kB", status, re.MULTILINE)
        return int(found.group(1)) if found else 0

    def _run(self) -> None:
        while not self._stop.is_set():
            sizes = [self._rss_kb(p) for p in self._tree(self.pid)]
            self.peak_kb = max(self.peak_kb, sum(sizes))
            self.largest_kb = max(self.largest_kb, *sizes)
            time.sleep(0.1)

    def __enter__(self) -> MemoryPeak:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()


def _burn(count: int) -> int:
    total = 0
    for number in range(count):
        total += number * number
    return total


def parallel_capacity() -> float:
    """How much faster 2 processes of pure Python run than 1 on this machine now (2.0 when idle)."""
    from concurrent.futures import ProcessPoolExecutor

    count = 10_000_000
    start = time.perf_counter()
    _burn(count)
    _burn(count)
    serial = time.perf_counter() - start
    with ProcessPoolExecutor(2) as pool:
        start = time.perf_counter()
        list(pool.map(_burn, [count, count]))
        parallel = time.perf_counter() - start
    return serial / parallel


@dataclass
class Run:
    """A command run to its end: wall seconds, peak MiB of its process tree and of its largest process."""

    wall: float
    tree_mib: float
    largest_mib: float
    stderr: str

    @property
    def summary_seconds(self) -> float:
        """The seconds `diplo batch`'s summary line reports (start-up left out)."""
        found = SUMMARY.search(self.stderr)
        if found is None:
            raise SystemExit(f"diplo batch printed no summary: {self.stderr[-500:]}")
        return float(found.group(1))


SUMMARY = re.compile(r"\d+ articles, .* in ([\d.]+) s")


def run(command: list[str]) -> Run:
    """Run `command` to its end, sampling its memory."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    with MemoryPeak(process.pid) as memory:
        _, stderr = process.communicate()
    wall = time.perf_counter() - start
    if process.returncode != 0:
        raise SystemExit(f"{command[:3]} failed ({process.returncode}): {stderr[-2000:]}")
    return Run(wall, memory.peak_kb / 1024, memory.largest_kb / 1024, stderr)


PLAIN_ONE = ("import sys, spacy\nnlp = spacy.load(sys.argv[1])\n"
             "nlp(open(sys.argv[2], encoding='utf-8').read())\n")
PLAIN_ALL = ("import sys, spacy, pathlib\nnlp = spacy.load(sys.argv[1])\n"
             "paths = sorted(pathlib.Path(sys.argv[2]).glob('*.txt'))\n"
             "texts = [p.read_text(encoding='utf-8') for p in paths]\n"
             "for _ in nlp.pipe(texts):\n    pass\n")


def diplo_command() -> list[str]:
    """The installed `diplo` script beside this Python, else `python -m extractor`."""
    diplo = Path(sys.executable).with_name("diplo")
    return [str(diplo)] if diplo.exists() else [sys.executable, "-m", "extractor"]


def steady(model: str, texts: list[str]) -> dict[str, float]:
    """Articles per second after loading: plain `nlp.pipe`, diplo's batch path, diplo's `extract()` loop."""
    import spacy

    from extractor import extract
    from extractor.batch import extract_articles
    from extractor.pipeline import load_pipeline
    from extractor.sources import Article

    plain = spacy.load(model)
    nlp = load_pipeline(model)
    articles = [Article(f"{i}.txt", text) for i, text in enumerate(texts)]
    list(plain.pipe(texts[:5]))
    extract_articles(nlp, articles[:5])
    start = time.perf_counter()
    list(plain.pipe(texts))
    plain_rate = len(texts) / (time.perf_counter() - start)
    start = time.perf_counter()
    extract_articles(nlp, articles)
    batch_rate = len(texts) / (time.perf_counter() - start)
    start = time.perf_counter()
    for text in texts:
        extract(text, nlp=nlp)
    loop_rate = len(texts) / (time.perf_counter() - start)
    return {"plain": plain_rate, "batch": batch_rate, "loop": loop_rate}


def verdict(value: float, target: float, *, at_most: bool = False) -> str:
    """'met' or 'NOT met' for `value` against `target`."""
    return "met" if (value <= target if at_most else value >= target) else "NOT met"


def dask_installed() -> bool:
    """Whether the Dask engine can run here (`pip install 'diplo[dask]'`)."""
    return all(importlib.util.find_spec(name) is not None for name in ("dask", "distributed"))


def main() -> None:
    """Measure and print the report and the README tables."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=None,
                        help="folder of *.txt articles (default: invented ones)")
    parser.add_argument("--copies", type=int, default=1, help="times each article of --corpus is used")
    parser.add_argument("--articles", type=int, default=500, help="invented articles when no --corpus")
    parser.add_argument("--model", default=None, help="spaCy pipeline (default: the one diplo picks)")
    parser.add_argument("--rounds", type=int, default=2, help="runs of each, interleaved; the best is kept")
    parser.add_argument("--no-dask", action="store_true", help="leave out the Dask engine's runs")
    options = parser.parse_args()
    from extractor.cli import one_blas_thread
    from extractor.pipeline import default_model

    # Plain spaCy runs (and this process measures) with the one BLAS thread diplo's CLI asks for, so
    # that the ratios are of diplo's own work, not of a thread setting.
    one_blas_thread()

    model = options.model or default_model()
    diplo = diplo_command()
    with_dask = not options.no_dask and dask_installed()
    rounds = max(1, options.rounds)
    with tempfile.TemporaryDirectory(prefix="diplo-bench-") as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        texts = write_corpus(folder, options.corpus, options.copies, options.articles)
        n = len(texts)
        words = sum(len(t.split()) for t in texts)
        one = sorted(folder.iterdir())[0]
        name = f"{options.corpus} x{options.copies}" if options.corpus else "invented articles"
        print(f"{name}: {n} articles, {words / n:.0f} words each, model {model}, {os.cpu_count()} CPUs, "
              f"Python {sys.version.split()[0]}, best of {rounds} interleaved rounds, "
              f"load average {os.getloadavg()[0]:.2f}", flush=True)
        best: dict[str, Run] = {}
        largest: dict[str, float] = {}
        summary: dict[str, float] = {}

        def keep(key: str, result: Run, *, batch: bool = False) -> None:
            if key not in best or result.wall < best[key].wall:
                best[key] = result
            largest[key] = max(largest.get(key, 0.0), result.largest_mib)
            if batch:
                summary[key] = min(summary.get(key, float("inf")), result.summary_seconds)

        model_option = ["--model", options.model] if options.model else []
        batches = {"diplo_1": ["--workers", "1"], "diplo_2": ["--workers", "2"]}
        if with_dask:
            batches["dask_2"] = ["--engine", "dask", "--workers", "2"]
        for number in range(rounds):
            keep("plain_cold", run([sys.executable, "-c", PLAIN_ONE, model, str(one)]))
            keep("diplo_cold", run([*diplo, "extract", str(one), "--json", *model_option]))
            keep("plain_all", run([sys.executable, "-c", PLAIN_ALL, model, str(folder)]))
            outputs: dict[str, bytes] = {}
            for key, batch_options in batches.items():
                out = Path(tmp) / f"out-{key}.jsonl"
                keep(key, run([*diplo, "batch", str(folder), *batch_options, "-o", str(out), *model_option]),
                     batch=True)
                outputs[key] = out.read_bytes()
            if len(set(outputs.values())) != 1:
                raise SystemExit(f"the outputs of {', '.join(outputs)} differ")
            so_far = ", ".join(f"{key} {result.wall:.2f} s" for key, result in best.items())
            print(f"round {number + 1}, best so far: {so_far}", flush=True)
        rates = steady(model, texts)
    capacity = parallel_capacity()
    plain_cold, diplo_cold = best["plain_cold"].wall, best["diplo_cold"].wall
    plain_all = best["plain_all"].wall
    one_wall, two_wall = best["diplo_1"].wall, best["diplo_2"].wall
    cold_ratio = diplo_cold / plain_cold
    whole_ratio = plain_all / one_wall
    speedup = one_wall / two_wall
    after_start = summary["diplo_1"] / summary["diplo_2"]
    start_up = one_wall - summary["diplo_1"]
    bound = (start_up + summary["diplo_1"]) / (start_up + summary["diplo_1"] / 2)
    steady_ratio = rates["batch"] / rates["plain"]
    per_worker = max(largest["diplo_1"], largest["diplo_2"])
    plain_mem = largest["plain_all"]
    print(f"\n{'':44} {'plain spaCy':>12} {'diplo':>10} {'ratio':>7}  target")
    print(f"{'cold start, load + one article (s)':44} {plain_cold:12.2f} {diplo_cold:10.2f} "
          f"{cold_ratio:6.2f}x  <= 1.40x {verdict(cold_ratio, 1.4, at_most=True)}")
    print(f"{'whole process, 1 worker (articles/s)':44} {n / plain_all:12.1f} {n / one_wall:10.1f} "
          f"{whole_ratio:6.2f}x  >= 0.90x {verdict(whole_ratio, 0.9)}")
    print(f"{'whole process, 2 workers (articles/s)':44} {'':12} {n / two_wall:10.1f} {speedup:6.2f}x"
          f"  >= 1.70x of 1 worker {verdict(speedup, 1.7)}")
    print(f"{'  after start-up (summary line, articles/s)':44} {'':12} {n / summary['diplo_2']:10.1f} "
          f"{after_start:6.2f}x  of 1 worker's {n / summary['diplo_1']:.1f}/s; start-up {start_up:.2f} s "
          f"caps the whole process at {bound:.2f}x on 2 idle cores")
    print(f"{'steady, after loading (articles/s)':44} {rates['plain']:12.1f} {rates['batch']:10.1f} "
          f"{steady_ratio:6.2f}x  (extract() loop: {rates['loop']:.1f}/s, "
          f"{rates['loop'] / rates['plain']:.2f}x)")
    print(f"{'peak memory per worker (MiB)':44} {plain_mem:12.0f} {per_worker:10.0f} {'':7}  <= 500 "
          f"{verdict(per_worker, 500, at_most=True)} (process trees: 1 worker "
          f"{best['diplo_1'].tree_mib:.0f}, 2 workers {best['diplo_2'].tree_mib:.0f}, shared pages counted "
          "in each process)")
    print(f"pure Python in 2 processes ran {capacity:.2f}x faster than in 1 just now; load average at the "
          f"end {os.getloadavg()[0]:.2f} (other work on the machine skews every figure)")
    if with_dask:
        dask_wall = best["dask_2"].wall
        print(f"{'Dask engine, 2 workers, whole process (s)':44} {two_wall:12.2f} {dask_wall:10.2f} "
              f"{dask_wall / two_wall:6.2f}x  of the local engine's (aim: <= 1.15x, "
              f"{verdict(dask_wall / two_wall, 1.15, at_most=True)})")
    print(f"\nREADME table ({name}, {n} articles, best of {rounds} rounds):\n")
    print("| measure | plain spaCy | diplo | diplo / spaCy |")
    print("|---|---:|---:|---:|")
    print(f"| cold start: load + one article | {plain_cold:.2f} s | {diplo_cold:.2f} s | {cold_ratio:.2f}x |")
    print(f"| whole process, `--workers 1` | {n / plain_all:.1f} art/s | {n / one_wall:.1f} art/s | "
          f"{whole_ratio:.2f} |")
    print(f"| whole process, `--workers 2` | | {n / two_wall:.1f} art/s | {speedup:.2f}x of 1 worker |")
    print(f"| after start-up, `--workers 2` | | {n / summary['diplo_2']:.1f} art/s | "
          f"{after_start:.2f}x of 1 worker |")
    print(f"| steady, after loading | {rates['plain']:.1f} art/s | {rates['batch']:.1f} art/s | "
          f"{steady_ratio:.2f} |")
    print(f"| peak memory per worker | {plain_mem:.0f} MiB | {per_worker:.0f} MiB | |")
    if with_dask:
        print(f"\nDask table ({name}, {n} articles, `diplo batch --workers 2`, best of {rounds} rounds, "
              "outputs identical):\n")
        print("| engine | whole process | after start-up | articles/s (whole) | wall vs local |")
        print("|---|---:|---:|---:|---:|")
        for key, label in (("diplo_2", "local (process pool)"), ("dask_2", "dask (LocalCluster)")):
            print(f"| {label} | {best[key].wall:.2f} s | {summary[key]:.2f} s | {n / best[key].wall:.1f} | "
                  f"{best[key].wall / two_wall:.2f} |")


if __name__ == "__main__":
    main()
