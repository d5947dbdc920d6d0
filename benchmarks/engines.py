"""The local engine against the Dask engine: whole `diplo batch` runs on the same folder, in one run.

    .venv/bin/python benchmarks/engines.py [--corpus DIR ...] [--copies 4] [--workers 2] [--repeat 1]

Copies the *.txt files of each corpus folder (default: the repo's samples/) `--copies` times into a
temporary folder, each copy with its own closing line so that no two texts are the same, then times

1. `diplo batch DIR --workers N -o FILE` (the local engine's process pool), and
2. `diplo batch DIR --engine dask --workers N -o FILE` (a LocalCluster of N worker processes),

each in a subprocess, alternating, `--repeat` times, and prints a markdown table: wall time (start-up
included: loading the pipeline, starting the workers or the cluster), the time the summary line
reports (from the workers being ready to the last record written), articles per second, and the
ratio of the Dask engine's wall time to the local one's. The two outputs must be the same bytes.
This is a script, not a test: timings depend on the machine and on what else runs on it.
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SUMMARY = re.compile(r"(\d+) articles, .* in ([\d.]+) s")


def build_folder(corpus: Path, copies: int, into: Path) -> int:
    """Copy each *.txt of `corpus` `copies` times into `into`; the number of files written."""
    texts = sorted(corpus.glob("*.txt"))
    if not texts:
        raise SystemExit(f"error: {corpus}: no *.txt files")
    into.mkdir(parents=True)
    for copy in range(copies):
        for path in texts:
            text = path.read_text(encoding="utf-8", errors="replace").rstrip("\n")
            (into / f"{copy:02d}-{path.name}").write_text(f"{text}\n\n(Archive copy {copy + 1}.)\n", encoding="utf-8")
    return copies * len(texts)


def run_batch(folder: Path, out: Path, options: list[str]) -> tuple[float, float, int]:
    """One `diplo batch` process: (wall seconds, seconds its summary reports, articles)."""
    command = [sys.executable, "-m", "extractor", "batch", str(folder), "-o", str(out), *options]
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True)
    wall = time.perf_counter() - started
    found = SUMMARY.search(done.stderr)
    if done.returncode != 0 or found is None:
        raise SystemExit(f"error: {' '.join(command)} exited {done.returncode}: {done.stderr.strip()[-500:]}")
    return wall, float(found.group(2)), int(found.group(1))


def main() -> None:
    """Time both engines on each corpus and print the table."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", action="append", type=Path, help="folder of *.txt articles (repeatable)")
    parser.add_argument("--copies", type=int, default=4, help="copies of each article (default 4)")
    parser.add_argument("--workers", type=int, default=2, help="worker processes of both engines (default 2)")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each engine; medians are shown")
    args = parser.parse_args()
    corpora = args.corpus or [REPO / "samples"]
    engines = {"local": ["--workers", str(args.workers)],
               "dask": ["--engine", "dask", "--workers", str(args.workers)]}
    rows = []
    with tempfile.TemporaryDirectory(prefix="diplo-engines-") as scratch:
        for number, corpus in enumerate(corpora):
            folder = Path(scratch) / f"corpus-{number}"
            files = build_folder(corpus, args.copies, folder)
            times: dict[str, list[tuple[float, float]]] = {name: [] for name in engines}
            outputs: dict[str, bytes] = {}
            for _ in range(args.repeat):
                for name, options in engines.items():
                    out = Path(scratch) / f"{number}-{name}.jsonl"
                    wall, steady, articles = run_batch(folder, out, options)
                    times[name].append((wall, steady))
                    outputs[name] = out.read_bytes()
            if outputs["local"] != outputs["dask"]:
                raise SystemExit(f"error: {corpus}: the two engines' outputs differ")
            walls = {name: statistics.median(w for w, _ in runs) for name, runs in times.items()}
            steadies = {name: statistics.median(s for _, s in runs) for name, runs in times.items()}
            for name in engines:
                rows.append((f"{corpus} x{args.copies}", files, name, walls[name], steadies[name],
                             files / steadies[name], walls[name] / walls["local"]))
    print(f"`diplo batch`, {args.workers} workers, median of {args.repeat} run(s); outputs identical.\n")
    print("| folder | articles | engine | wall s | summary s | articles/s | wall vs local |")
    print("|---|---:|---|---:|---:|---:|---:|")
    for folder_name, files, name, wall, steady, rate, ratio in rows:
        print(f"| {folder_name} | {files} | {name} | {wall:.1f} | {steady:.1f} | {rate:.1f} | {ratio:.2f} |")


if __name__ == "__main__":
    main()
