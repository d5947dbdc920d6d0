"""Speed and memory of diplo against plain spaCy on the same articles, measured in one run.

    .venv/bin/python benchmarks/throughput.py --corpus /work/shared/devset --copies 4
    .venv/bin/python benchmarks/throughput.py --corpus /tmp/realdev
    .venv/bin/python benchmarks/throughput.py            # 500 invented articles (samples/ + templates)

Every `*.txt` of `--corpus` (`--copies` times) is written to a temporary folder, then, one after the
other and interleaved over `--rounds` rounds (the best of each kept):

1. cold start: `diplo extract ONE.txt --json` as a whole process, against a process that imports
   spaCy, loads the same model and runs that one article;
2. whole process: `diplo batch DIR --workers 1` (and `--workers 2`) from start to exit, against a
   process that loads the model and runs `nlp.pipe` over the same texts, reading them from disk;
3. steady: in this process, after loading, diplo's batch path (`extract_articles`) and a loop of
   `extract()` against `nlp.pipe`;
4. peak memory: the largest sum of resident set sizes over each process tree, per worker.

It prints the figures, their ratios against the targets, and a Markdown table for the README.
Timings depend on the machine and on what else runs on it; this is a script, not a test.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import subprocess
import sys
import tempfile
import threading
import time
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


def run(command: list[str]) -> tuple[float, float, str]:
    """(wall seconds, peak MiB of the process tree, stderr) of a command run to its end."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    with MemoryPeak(process.pid) as memory:
        _, stderr = process.communicate()
    wall = time.perf_counter() - start
    if process.returncode != 0:
        raise SystemExit(f"{command[:3]} failed ({process.returncode}): {stderr[-2000:]}")
    return wall, memory.peak_kb / 1024, stderr


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


def main() -> None:
    """Measure and print the report and the README table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=None,
                        help="folder of *.txt articles (default: invented ones)")
    parser.add_argument("--copies", type=int, default=1, help="times each article of --corpus is used")
    parser.add_argument("--articles", type=int, default=500, help="invented articles when no --corpus")
    parser.add_argument("--model", default=None, help="spaCy pipeline (default: the one diplo picks)")
    parser.add_argument("--rounds", type=int, default=2, help="runs of each, interleaved; the best is kept")
    options = parser.parse_args()
    from extractor.pipeline import default_model

    model = options.model or default_model()
    diplo = diplo_command()
    with tempfile.TemporaryDirectory(prefix="diplo-bench-") as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        texts = write_corpus(folder, options.corpus, options.copies, options.articles)
        n = len(texts)
        words = sum(len(t.split()) for t in texts)
        one = sorted(folder.iterdir())[0]
        name = f"{options.corpus} x{options.copies}" if options.corpus else "invented articles"
        print(f"{name}: {n} articles, {words / n:.0f} words each, model {model}, {os.cpu_count()} CPUs, "
              f"Python {sys.version.split()[0]}, best of {options.rounds} rounds, "
              f"load average {os.getloadavg()[0]:.2f}", flush=True)
        best: dict[str, tuple[float, float]] = {}

        def keep(key: str, wall: float, memory: float) -> None:
            if key not in best or wall < best[key][0]:
                best[key] = (wall, max(memory, best.get(key, (0.0, 0.0))[1]))

        model_option = ["--model", options.model] if options.model else []
        for _ in range(max(1, options.rounds)):
            keep("plain_cold", *run([sys.executable, "-c", PLAIN_ONE, model, str(one)])[:2])
            keep("diplo_cold", *run([*diplo, "extract", str(one), "--json", *model_option])[:2])
            keep("plain_all", *run([sys.executable, "-c", PLAIN_ALL, model, str(folder)])[:2])
            for workers in (1, 2):
                out = Path(tmp) / f"out-{workers}.jsonl"
                wall, memory, stderr = run([*diplo, "batch", str(folder), "--workers", str(workers),
                                            "-o", str(out), *model_option])
                keep(f"diplo_{workers}", wall, memory)
                last = stderr.strip().splitlines()[-1] if stderr.strip() else ""
                if not re.search(r"\d+ articles", last):
                    raise SystemExit(f"diplo batch printed no summary: {stderr[-500:]}")
        rates = steady(model, texts)
    capacity = parallel_capacity()
    plain_cold, diplo_cold = best["plain_cold"][0], best["diplo_cold"][0]
    plain_all, plain_mem = best["plain_all"]
    one_wall, one_mem = best["diplo_1"]
    two_wall, two_mem = best["diplo_2"]
    cold_ratio = diplo_cold / plain_cold
    whole_ratio = plain_all / one_wall
    speedup = one_wall / two_wall
    steady_ratio = rates["batch"] / rates["plain"]
    per_worker = max(one_mem, two_mem / 2)
    print(f"\n{'':44} {'plain spaCy':>12} {'diplo':>10} {'ratio':>7}  target")
    print(f"{'cold start, load + one article (s)':44} {plain_cold:12.2f} {diplo_cold:10.2f} "
          f"{cold_ratio:6.2f}x  <= 1.40x {verdict(cold_ratio, 1.4, at_most=True)}")
    print(f"{'whole process, 1 worker (articles/s)':44} {n / plain_all:12.1f} {n / one_wall:10.1f} "
          f"{whole_ratio:6.2f}x  >= 0.90x {verdict(whole_ratio, 0.9)}")
    print(f"{'whole process, 2 workers (articles/s)':44} {'':12} {n / two_wall:10.1f} {speedup:6.2f}x"
          f"  >= 1.70x of 1 worker {verdict(speedup, 1.7)} (pure Python, 2 processes: {capacity:.2f}x)")
    print(f"{'steady, after loading (articles/s)':44} {rates['plain']:12.1f} {rates['batch']:10.1f} "
          f"{steady_ratio:6.2f}x  (extract() loop: {rates['loop']:.1f}/s, "
          f"{rates['loop'] / rates['plain']:.2f}x)")
    print(f"{'peak memory per worker (MiB)':44} {plain_mem:12.0f} {per_worker:10.0f} {'':7}  <= 500 "
          f"{verdict(per_worker, 500, at_most=True)}")
    print(f"load average at the end: {os.getloadavg()[0]:.2f} (other work on the machine skews every figure)")
    print(f"\nREADME table ({name}, {n} articles):\n")
    print("| measure | plain spaCy | diplo | diplo / spaCy |")
    print("|---|---:|---:|---:|")
    print(f"| cold start: load + one article | {plain_cold:.2f} s | {diplo_cold:.2f} s | {cold_ratio:.2f}x |")
    print(f"| whole process, `--workers 1` | {n / plain_all:.1f} art/s | {n / one_wall:.1f} art/s | "
          f"{whole_ratio:.2f} |")
    print(f"| whole process, `--workers 2` | | {n / two_wall:.1f} art/s | {speedup:.2f}x of 1 worker |")
    print(f"| steady, after loading | {rates['plain']:.1f} art/s | {rates['batch']:.1f} art/s | "
          f"{steady_ratio:.2f} |")
    print(f"| peak memory per worker | {plain_mem:.0f} MiB | {per_worker:.0f} MiB | |")


if __name__ == "__main__":
    main()
