"""Synthetic corpora for benchmarks, and `make bench`: ingest and build
1,000 and 10,000 generated articles in a temporary copy of the seeds.

An article is recombined from the paragraphs of the seed texts: a title
line, then paragraphs drawn at random until about ``size`` characters, with
the registered people renamed (invented names, consistently through the
article) and every number varied. The same ``seed`` gives the same corpus;
no two articles of a corpus have the same text. The words are the seeds'
words shuffled: the corpus is for timing the toolkit, never evidence of
anything.
"""

import hashlib
import json
import random
import re
from pathlib import Path

FIRST_NAMES = (
    "Nadeem", "Rukhsana", "Imran", "Saima", "Tariq", "Farah", "Kamran", "Ayesha", "Bilal", "Nusrat",
    "Hamid", "Shazia", "Yasir", "Mehreen", "Asif", "Rabia", "Zubair", "Samina", "Faisal", "Hina",
)
SURNAMES = (
    "Akhtar", "Bibi", "Qureshi", "Malik", "Chaudhry", "Siddiqui", "Baloch", "Khattak", "Afridi", "Yusufzai",
    "Durrani", "Abbasi", "Mirza", "Gilani", "Hashmi", "Bhatti", "Rana", "Awan", "Shinwari", "Marwat",
)
NUMBER_RE = re.compile(r"(?<![\w.,])\d{1,3}(?:,\d{3})*(?![\w,])")


def seed_parts(seeds_dir):
    """``(titles, paragraphs, people)`` of the seed corpus: the titles of
    articles.yml, the paragraphs of more than 80 characters of every text,
    and ``(pattern, {spelling: actor id})`` matching every spelling of a
    registered person (longest first)."""
    from ..core.files import read_yaml
    from ..core.registry import load_registry

    seeds_dir = Path(seeds_dir)
    listed = read_yaml(seeds_dir / "articles.yml", "articles.yml")["articles"]
    titles = [entry["title"]["value"] for entry in listed if entry["title"].get("value")]
    paragraphs = []
    for path in sorted((seeds_dir / "articles").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        paragraphs += [block.strip() for block in re.split(r"\n\s*\n", text) if len(block.strip()) > 80]
    registry = load_registry(seeds_dir)
    owners = {alias: actor_id for alias, actor_id in registry.aliases.items() if registry.kinds.get(actor_id) == "person"}
    spellings = sorted(owners, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, spellings)) + r")(?![\w-])")
    return titles, paragraphs, (pattern, owners)


def _vary_number(match, rng):
    digits = match.group().replace(",", "")
    value = int(digits)
    if 1900 <= value <= 2030 and len(digits) == 4:
        return str(rng.randint(1990, 2020))
    varied = max(1, round(value * rng.uniform(0.6, 1.4))) if value > 3 else value
    return f"{varied:,}" if "," in match.group() else str(varied)


def _rename(text, people, rng):
    """Each registered person renamed, with probability one half, to an invented
    name: full spellings to the full name, one-word spellings to the surname."""
    pattern, owners = people
    names = {}

    def new_name(match):
        actor_id = owners[match.group()]
        if actor_id not in names:
            names[actor_id] = (rng.choice(FIRST_NAMES), rng.choice(SURNAMES)) if rng.random() < 0.5 else None
        if names[actor_id] is None:
            return match.group()
        first, last = names[actor_id]
        return f"{first} {last}" if " " in match.group() else last

    return pattern.sub(new_name, text)


def article(parts, rng, size):
    """One synthetic article: ``{"title", "text"}``."""
    titles, paragraphs, people = parts
    title = NUMBER_RE.sub(lambda m: _vary_number(m, rng), rng.choice(titles))
    chosen, length = [], len(title)
    while length < size:
        paragraph = rng.choice(paragraphs)
        chosen.append(paragraph)
        length += len(paragraph) + 2
    body = NUMBER_RE.sub(lambda m: _vary_number(m, rng), "\n\n".join(chosen))
    return {"title": title, "text": _rename(f"{title}\n\n{body}\n", people, rng)}


def generate(seeds_dir, count, seed=0, size=3700):
    """``count`` distinct synthetic articles, the same for the same ``seed``."""
    parts = seed_parts(seeds_dir)
    rng = random.Random(seed)
    seen, articles = set(), []
    while len(articles) < count:
        item = article(parts, rng, size)
        digest = hashlib.sha256(item["text"].encode("utf-8")).digest()
        if digest not in seen:
            seen.add(digest)
            articles.append(item)
    return articles


def write_jsonl(path, articles):
    with open(path, "w", encoding="utf-8") as handle:
        for item in articles:
            handle.write(json.dumps(item, ensure_ascii=False) + "\n")


# make bench ------------------------------------------------------------------------


class TreeMemory:
    """The peak resident memory of a process and all its descendants, sampled."""

    def __init__(self, pid, every=0.05):
        import threading

        import psutil

        self.process, self.every, self.peak = psutil.Process(pid), every, 0
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self._sample, daemon=True)
        self.thread.start()

    def _sample(self):
        import psutil

        while not self.stopped.is_set():
            try:
                tree = [self.process, *self.process.children(recursive=True)]
                total = 0
                for process in tree:
                    try:
                        total += process.memory_info().rss
                    except psutil.Error:
                        pass
                self.peak = max(self.peak, total)
            except psutil.Error:
                return
            self.stopped.wait(self.every)

    def stop(self):
        self.stopped.set()
        self.thread.join()
        return self.peak / 2**20


def timed(command):
    """``(seconds, peak MB of the process tree, CPU seconds of the children)`` of one command."""
    import resource
    import subprocess
    import time

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    process = subprocess.Popen(command)
    memory = TreeMemory(process.pid)
    if process.wait() != 0:
        memory.stop()
        raise SystemExit(f"failed: {' '.join(map(str, command))}")
    seconds = time.perf_counter() - start
    peak = memory.stop()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return seconds, peak, cpu


def run_size(seeds_dir, count, seed, workers, scratch):
    """Generate ``count`` articles, ingest and build them in a copy of the seeds under ``scratch``."""
    import shutil
    import sys

    from ..core.machine import available_cores

    scratch = Path(scratch)
    scratch.mkdir()
    shutil.copytree(seeds_dir, scratch / "seeds")
    write_jsonl(scratch / "articles.jsonl", generate(seeds_dir, count, seed))
    cache = ["--cache", str(scratch / "cache.sqlite")]
    run = [sys.executable, "-m", "peshawar"]
    ingest = run + ["ingest", str(scratch / "articles.jsonl"), "--seeds", str(scratch / "seeds"), *cache]
    if workers:
        ingest += ["--workers", str(workers)]
    build = run + ["build", "--seeds", str(scratch / "seeds"), "--db", str(scratch / "peshawar.db"), *cache]
    ingest_s, ingest_mb, ingest_cpu = timed(ingest)
    build_s, build_mb, _ = timed(build)
    cores = workers or available_cores()
    return {
        "articles": count, "seconds": round(ingest_s + build_s, 1), "ingest_seconds": round(ingest_s, 1),
        "build_seconds": round(build_s, 1), "peak_rss_mb": round(max(ingest_mb, build_mb), 1),
        "ingest_cpu_busy": round(ingest_cpu / (ingest_s * cores), 2),
        "db_mb": round((scratch / "peshawar.db").stat().st_size / 2**20, 1),
    }


def main(argv=None):
    import argparse
    import os
    import tempfile

    from ..core.paths import SEEDS

    parser = argparse.ArgumentParser(description="Ingest and build generated corpora; last line one JSON object.")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--workers", type=int, default=None)
    args = parser.parse_args(argv)
    os.environ.setdefault("PYTHONPATH", str(Path(__file__).resolve().parents[2]))
    runs = []
    # One scratch folder, removed after the last run: on a file system without
    # a journal (ext4 as this machine mounts it), the inodes of files deleted
    # in the last seconds to minutes are skipped one by one when new files are
    # created, so removing the 1,000-article run's files just before the
    # 10,000-article run would slow that run's writes by an amount that has
    # nothing to do with this code.
    with tempfile.TemporaryDirectory(prefix="peshawar-bench-") as scratch:
        for count in args.sizes:
            result = run_size(SEEDS, count, args.seed, args.workers, Path(scratch) / f"{count}-articles")
            runs.append(result)
            print(f"{count:>6,} articles: {result['seconds']:6.1f} s (ingest {result['ingest_seconds']} s, build "
                  f"{result['build_seconds']} s), peak {result['peak_rss_mb']} MB, cores busy while ingesting "
                  f"{result['ingest_cpu_busy']:.0%}, database {result['db_mb']} MB", flush=True)
    largest = max(runs, key=lambda r: r["articles"])
    by_size = {r["articles"]: r["seconds"] for r in runs}
    ratio = round(by_size[10000] / by_size[1000], 2) if {1000, 10000} <= set(by_size) else None
    print(json.dumps({"articles": largest["articles"], "seconds": largest["seconds"],
                      "peak_rss_mb": largest["peak_rss_mb"], "ratio_10k_1k": ratio, "runs": runs}))


if __name__ == "__main__":
    main()
