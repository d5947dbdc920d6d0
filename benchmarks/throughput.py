"""Throughput of `diplo batch` against plain spaCy on the same 500 articles, and peak memory.

    .venv/bin/python benchmarks/throughput.py [--articles 500] [--model NAME]

Writes 500 invented newswire articles (from templates below, plus the repo's samples/*.txt) to a
temporary folder, then measures, one after the other on this machine:

1. plain spaCy: `spacy.load(model).pipe(texts)` with the model's full default pipeline;
2. `diplo batch DIR --workers 1 -o FILE` in a subprocess;
3. `diplo batch DIR --workers 2 -o FILE` in a subprocess.

Throughputs are articles per second of steady work, load time excluded on both sides: for spaCy the
timed loop, for diplo the time its summary line reports (from the pipeline being ready to the last
record written: reading, decoding, extraction and JSON writing included). Wall times with start-up
are printed too. Peak memory is the largest sum of resident set sizes over the process tree.
Targets: diplo / spaCy >= 0.9, and 2 workers >= 1.6x one. This is a script, not a test: timings
depend on the machine and on what else runs on it.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

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
    "Officials said the talks were held in a cordial atmosphere and covered the full range of bilateral ties.",
    "The two sides reviewed progress on agreements signed during a previous visit and agreed to meet again next year.",
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
        f"invitation of the {host_adjective.lower()} government, the first by a {adjective} {title.split()[-1].lower()} "
        f"in {rng.randint(3, 12)} years.",
        "",
        *rng.sample(FILLER, 3),
        "",
        f"\"{country} sees this partnership as essential,\" {name} told reporters after the meeting with "
        f"{host_name}, adding that the two countries would sign an agreement on {other} before the end of the year.",
    ]
    return "\n".join(lines) + "\n"


def write_articles(folder: Path, count: int) -> list[str]:
    """`count` articles in `folder`: the repo's samples first, then synthetic ones."""
    rng = random.Random(20240726)
    texts = [p.read_text(encoding="utf-8") for p in sorted((REPO / "samples").glob("*.txt"))]
    while len(texts) < count:
        texts.append(synthetic_article(rng))
    texts = texts[:count]
    for number, text in enumerate(texts):
        (folder / f"{number:04d}.txt").write_text(text, encoding="utf-8")
    return texts


class MemoryPeak:
    """The largest sum of resident memory over a process and its descendants, sampled (Linux /proc)."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.peak_kb = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    @staticmethod
    def _tree(pid: int) -> list[int]:
        pids, todo = [], [pid]
        while todo:
            current = todo.pop()
            pids.append(current)
            for children in Path(f"/proc/{current}/task").glob("*/children"):
                try:
                    todo.extend(int(c) for c in children.read_text().split())
                except OSError:
                    pass
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
            self.peak_kb = max(self.peak_kb, sum(self._rss_kb(p) for p in self._tree(self.pid)))
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


def run_plain_spacy(nlp: Any, texts: list[str]) -> tuple[float, float]:
    """(seconds of the timed `nlp.pipe` loop, peak RSS in MiB) for the model's full pipeline."""
    start, cpu = time.perf_counter(), time.process_time()
    for _ in nlp.pipe(texts):
        pass
    seconds = time.perf_counter() - start
    return seconds, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, time.process_time() - cpu


def children_cpu() -> float:
    """CPU seconds used by the finished child processes so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_diplo(folder: Path, workers: int, model: str | None) -> tuple[float, float, float, str]:
    """(seconds reported by the summary, wall seconds, peak MiB of the process tree, summary line)."""
    diplo = Path(sys.executable).with_name("diplo")
    command = [str(diplo) if diplo.exists() else sys.executable, *([] if diplo.exists() else ["-m", "extractor"]),
               "batch", str(folder), "--workers", str(workers), "-o", str(folder.parent / f"out-{workers}.jsonl")]
    if model:
        command += ["--model", model]
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    with MemoryPeak(process.pid) as memory:
        _, stderr = process.communicate()
    wall = time.perf_counter() - start
    summary = stderr.strip().splitlines()[-1] if stderr.strip() else ""
    found = re.search(r" in ([\d.]+) s", summary)
    if process.returncode != 0 or not found:
        raise SystemExit(f"diplo batch failed ({process.returncode}): {stderr}")
    return float(found.group(1)), wall, memory.peak_kb / 1024, summary


def main() -> None:
    """Measure and print the report."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--model", default=None, help="spaCy pipeline (default: the one diplo picks)")
    parser.add_argument("--rounds", type=int, default=2, help="runs of each, interleaved; the best is kept")
    options = parser.parse_args()
    import spacy

    from extractor.pipeline import default_model

    model = options.model or default_model()
    plain_nlp = spacy.load(model)
    with tempfile.TemporaryDirectory(prefix="diplo-bench-") as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        texts = write_articles(folder, options.articles)
        n = len(texts)
        words = sum(len(t.split()) for t in texts)
        print(f"{n} articles, {words} words ({words / n:.0f} per article), model {model}, "
              f"{os.cpu_count()} CPUs, Python {sys.version.split()[0]}, best of {options.rounds} rounds, "
              f"load average at start {os.getloadavg()[0]:.2f}")
        list(plain_nlp.pipe(texts[:5]))  # warm-up, as diplo's batch warms up before its clock starts
        runs: dict[str, list[tuple[float, ...]]] = {"plain": [], "one": [], "two": []}
        summaries = {}
        for _ in range(max(1, options.rounds)):
            runs["plain"].append(run_plain_spacy(plain_nlp, texts))
            for key, workers in (("one", 1), ("two", 2)):
                seconds, wall, memory, summaries[key] = run_diplo(folder, workers, options.model)
                runs[key].append((seconds, wall, memory))
        # CPU seconds per article, start-up excluded: a run on all articles minus a run on a tenth.
        # Other work on the machine barely changes CPU time, unlike wall time.
        tenth = Path(tmp) / "tenth"
        tenth.mkdir()
        for path in sorted(folder.iterdir())[: n // 10]:
            (tenth / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
        before = children_cpu()
        run_diplo(tenth, 1, options.model)
        small = children_cpu() - before
        run_diplo(folder, 1, options.model)
        large = children_cpu() - before - small
        diplo_cpu = (large - small) / (n - n // 10)
        plain_cpu = min(r[2] for r in runs["plain"]) / n
        capacity = parallel_capacity()
        plain, plain_mem, _ = min(runs["plain"])
        one, one_wall, one_mem = min(runs["one"])
        two, two_wall, two_mem = min(runs["two"])
        one_summary, two_summary = summaries["one"], summaries["two"]
    rows = [
        ("plain spaCy nlp.pipe, 1 process", plain, None, plain_mem),
        ("diplo batch --workers 1", one, one_wall, one_mem),
        ("diplo batch --workers 2", two, two_wall, two_mem),
    ]
    print(f"\n{'run':34} {'articles/s':>10} {'seconds':>8} {'wall s':>7} {'peak MiB':>9}")
    for name, seconds, wall, memory in rows:
        print(f"{name:34} {n / seconds:10.1f} {seconds:8.2f} {wall if wall else float('nan'):7.1f} {memory:9.0f}")
    print(f"\nlast diplo --workers 1: {one_summary}\nlast diplo --workers 2: {two_summary}")
    print(f"load average at the end: {os.getloadavg()[0]:.2f} (other work on the machine skews every number)")
    ratio, speedup = plain / one, one / two
    print(f"\ndiplo (1 worker) / plain spaCy throughput: {ratio:.2f}  (target >= 0.90: "
          f"{'met' if ratio >= 0.9 else 'NOT met'})")
    print(f"same, in CPU time per article:             {plain_cpu / diplo_cpu:.2f}  (diplo "
          f"{diplo_cpu * 1000:.1f} ms, spaCy {plain_cpu * 1000:.1f} ms; barely affected by other load)")
    print(f"2 workers / 1 worker throughput:           {speedup:.2f}  (target >= 1.60: "
          f"{'met' if speedup >= 1.6 else 'NOT met'}; 2 processes of pure Python ran {capacity:.2f}x one "
          "here, 2.00 on an idle machine)")


if __name__ == "__main__":
    main()
