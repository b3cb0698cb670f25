"""The extractor benchmark: ``python -m peshawar.bench.extractor`` (``make
bench-extract``).

It times ``extractor.analyse`` on

- realistic news text of 10 KB, 100 KB and 1 MB (the paragraphs of the seed
  articles and of the own-dev corpus, recombined in a fixed order), and the
  ratio of the 1 MB time to the 100 KB time (linear growth gives about 10);
- adversarial inputs of 100 KB each (``ADVERSARIAL``): the shapes that made
  the extractor backtrack or loop over the text again and again;
- articles of about 4 KB, one after another, as articles per second.

Each figure is the median of a few runs, wall-clock time and, beside it,
the CPU time of the process (the machine may be shared). The last line
printed is one JSON object with every figure. A benchmark, not a test: the suite runs the
adversarial inputs at a small size as a guard against hangs and checks
that what comes out is verbatim, never how fast.
"""

import argparse
import json
import random
import statistics
import time
from pathlib import Path

from ..core.paths import SEEDS
from ..extractor import analyse, lexicon, load_registry

ROOT = SEEDS.parent
NEWS_SOURCES = (SEEDS / "articles", ROOT / "corpora" / "own-dev" / "articles")
KB = 1000


def news_paragraphs():
    """The paragraphs of the seed and own-dev articles, in a fixed order."""
    paragraphs = []
    for folder in NEWS_SOURCES:
        for path in sorted(folder.glob("*.txt")):
            paragraphs += [p.strip() for p in path.read_text(encoding="utf-8").split("\n") if p.strip()]
    return paragraphs


def news_text(size, paragraphs=None, seed=0):
    """About ``size`` characters of news: paragraphs drawn in a seeded order."""
    paragraphs = paragraphs or news_paragraphs()
    order = random.Random(seed)
    chosen, length = [], 0
    while length < size:
        paragraph = order.choice(paragraphs)
        chosen.append(paragraph)
        length += len(paragraph) + 2
    return "\n\n".join(chosen)[:size]


def _repeat(unit, size):
    return (unit * (size // len(unit) + 1))[:size]


def _words(seed, count, capitalised):
    rng = random.Random(seed)
    letters = "abcdefghijklmnopqrstuvwxyz"
    words = ["".join(rng.choice(letters) for _ in range(rng.randint(2, 9))) for _ in range(count)]
    return [w.capitalize() for w in words] if capitalised else words


def _capitalised_words(size):
    return " ".join(_words(1, size // 4, True))[:size]


def _capitalised_then_cue(size):
    # Runs of capitalised words that almost end in a credit line or a cue.
    runs = [" ".join(_words(n, 40, True)) + ending for n, ending in enumerate([" reported", " said", "'s statement said", " Photo/", " newspaper quoted", ","] * 3)]
    return _repeat(" ".join(runs) + " ", size)


def _random_unicode(size):
    rng = random.Random(7)
    chars = []
    while len(chars) < size:
        point = rng.randint(1, 0x2FFFF)
        if not 0xD800 <= point <= 0xDFFF:
            chars.append(chr(point))
    return "".join(chars)


def _lexicon_words(size):
    entries = []
    for path in sorted(lexicon.DIRECTORY.glob("*.txt")):
        for entry in lexicon.entries(path.stem):
            entries += [entry, entry.capitalize(), entry.upper()]
    return _repeat(" ".join(entries) + ". ", size)


# name -> a function of the size in characters.
ADVERSARIAL = {
    "capitalised_words": _capitalised_words,
    "capitalised_then_cue": _capitalised_then_cue,
    "curly_opening_before_said": lambda size: _repeat("\u201c said ", size),
    "opening_marks_one_paragraph": lambda size: _repeat("\u201cword \u2018word \"word ", size),
    "closing_marks": lambda size: _repeat("word\u201d word\u2019 word\" ", size),
    "nested_marks": lambda size: _repeat("\u201c\u2018\u201c\u2018a ", size // 2) + _repeat("\u2019\u201d", size // 2),
    "straight_quotes": lambda size: _repeat("\" '' ' \"a\" ", size),
    "digit_groups": lambda size: _repeat("1.2.3.4.5.6.7.8.9.10.11.12 127.0.0.1 1,000,000,000 ", size),
    "one_digit_run": lambda size: ".".join(str(i % 10) for i in range(size // 2 + 1))[:size],
    "number_words": lambda size: _repeat("one hundred and twenty-five thousand dozen half a million ", size),
    "dates": lambda size: _repeat("Tuesday, December 16, 2014 16 December 2014 Dec. 16 12/16/2014 2014-12-16 ", size),
    "long_line": lambda size: " ".join(_words(2, size // 4, False))[:size],
    "many_said": lambda size: _repeat("\"Yes,\" he said. ", size),
    "said_without_quotes": lambda size: _repeat("said told added according to she said he told ", size),
    "titles_and_names": lambda size: _repeat("Gen. Dr. President Sen. Ann Lee, D-Mich., Minister Col. Bo Li said ", size),
    "one_paragraph_per_quote": lambda size: _repeat("\u201cAnd then,\n", size),
    "every_lexicon_word": _lexicon_words,
    "random_unicode": _random_unicode,
}


def timed(function, runs):
    """``(wall, cpu)``: the medians of ``runs`` timings of ``function()``, in
    seconds. The CPU time of this process is printed beside the wall-clock
    time because the machine may be shared: CPU time is what the extractor
    itself spent."""
    walls, cpus = [], []
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        function()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus)


def articles_per_second(registry, paragraphs, count=200, size=4 * KB):
    """``(wall, cpu)`` articles of about ``size`` characters extracted per
    second, one after another in one process."""
    articles = [news_text(size, paragraphs, seed=n) for n in range(count)]
    analyse(articles[0], registry)  # warm the lazily read word lists
    wall, cpu = timed(lambda: [analyse(article, registry) for article in articles], 1)
    return count / wall, count / cpu


def run(sizes=(10 * KB, 100 * KB, 1000 * KB), adversarial_size=100 * KB, runs=3, articles=200, echo=print):
    """Time everything and return the figures (``echo`` prints as it goes)."""
    registry = load_registry(SEEDS)
    paragraphs = news_paragraphs()
    figures = {"news_seconds": {}, "news_cpu_seconds": {}, "adversarial_seconds": {}, "adversarial_cpu_seconds": {}}
    for size in sizes:
        text = news_text(size, paragraphs)
        wall, cpu = timed(lambda: analyse(text, registry), 1 if size >= 1000 * KB else runs)
        label = f"{size // KB}KB"
        figures["news_seconds"][label], figures["news_cpu_seconds"][label] = round(wall, 4), round(cpu, 4)
        echo(f"news {size // KB:>5} KB  {wall:8.3f} s  (cpu {cpu:.3f} s)")
    for key in ("news_seconds", "news_cpu_seconds"):
        if "1000KB" in figures[key] and figures[key].get("100KB"):
            figures["ratio_1mb_100kb" + ("_cpu" if "cpu" in key else "")] = round(figures[key]["1000KB"] / figures[key]["100KB"], 2)
    if "ratio_1mb_100kb" in figures:
        echo(f"1 MB / 100 KB: {figures['ratio_1mb_100kb']} (cpu {figures['ratio_1mb_100kb_cpu']})")
    for name, make in ADVERSARIAL.items():
        text = make(adversarial_size)
        wall, cpu = timed(lambda: analyse(text, registry), runs)
        figures["adversarial_seconds"][name], figures["adversarial_cpu_seconds"][name] = round(wall, 4), round(cpu, 4)
        echo(f"adversarial {name:28} {adversarial_size // KB} KB {wall:8.3f} s  (cpu {cpu:.3f} s)")
    worst = max(figures["adversarial_seconds"].items(), key=lambda item: item[1])
    figures["worst_adversarial"] = {"input": worst[0], "seconds": worst[1]}
    wall_rate, cpu_rate = articles_per_second(registry, paragraphs, count=articles)
    figures["articles_per_second_4kb"], figures["articles_per_cpu_second_4kb"] = round(wall_rate, 1), round(cpu_rate, 1)
    figures["ms_per_4kb_article"] = round(1000 / wall_rate, 2)
    echo(f"4 KB articles: {wall_rate:.1f} per second ({1000 / wall_rate:.2f} ms each; {cpu_rate:.1f} per CPU second), one process")
    return figures


def print_figures(figures):
    """The last line: every figure as one JSON object."""
    print(json.dumps(figures))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="timings per figure (the median is printed)")
    parser.add_argument("--adversarial-kb", type=int, default=100)
    arguments = parser.parse_args(argv)
    print_figures(run(adversarial_size=arguments.adversarial_kb * KB, runs=arguments.runs))


if __name__ == "__main__":
    main()
