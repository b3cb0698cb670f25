"""How fast the seeds' YAML is read: ``make bench-yaml``.

Reads the seed annotation files and a generated annotation file of about
5 MB (the seed items repeated under new ids) with the toolkit's reader
(libyaml's events, then the pure-Python parser's) and, for reference, with
PyYAML's own loaders, which neither keep lines nor refuse repeated keys.
Prints MB/s (median of the runs, CPU time) and one JSON object last.
"""

import json
import re
import statistics
import tempfile
import time
from pathlib import Path

import click
import yaml

from ..core.files import read_yaml
from ..core.paths import SEEDS


def generated_annotation(seeds_dir, size=5_000_000):
    """An annotation file of about ``size`` bytes: the seed items, repeated under new ids."""
    sections = {}
    for path in sorted((Path(seeds_dir) / "annotations").glob("*.yml")):
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        for key, items in data.items():
            if isinstance(items, list) and items:
                block = yaml.safe_dump(items, allow_unicode=True, sort_keys=False, width=88)
                sections.setdefault(key, []).append(block)
    blocks = {key: "".join(parts) for key, parts in sections.items()}
    per_copy = sum(len(block) for block in blocks.values())
    copies = max(1, size // per_copy)
    out = ["article: generated\nstatus: draft\n"]
    for key, block in blocks.items():
        out.append(f"{key}:\n")
        for copy in range(copies):
            out.append(re.sub(r"^(- id: \S+)$", rf"\1-x{copy}", block, flags=re.MULTILINE))
    return "".join(out)


READERS = {
    "toolkit, libyaml": lambda path: read_yaml(path, path.name),
    "toolkit, pure parser": lambda path: read_yaml(path, path.name, pure=True),
    "PyYAML CSafeLoader": lambda path: yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader),
    "PyYAML SafeLoader (pure)": lambda path: yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader),
}


def megabytes_per_second(read, paths, runs):
    size = sum(path.stat().st_size for path in paths) / 1e6
    times = []
    for _ in range(runs):
        start = time.process_time()
        for path in paths:
            read(path)
        times.append(time.process_time() - start)
    return round(size / statistics.median(times), 2)


@click.command()
@click.option("--runs", type=int, default=5, show_default=True)
def main(runs):
    """Print MB/s of each reader on the seed annotations and on 5 MB."""
    seeds = sorted((SEEDS / "annotations").glob("*.yml"))
    with tempfile.TemporaryDirectory() as folder:
        big = Path(folder) / "generated.yml"
        big.write_text(generated_annotation(SEEDS), encoding="utf-8")
        results = {}
        for name, read in READERS.items():
            results[name] = {
                "seeds_mb_s": megabytes_per_second(read, seeds, runs),
                "generated_mb_s": megabytes_per_second(read, [big], max(1, runs // 2) if "pure" in name else runs),
            }
            click.echo(f"{name:>26}: {results[name]['seeds_mb_s']:6.2f} MB/s on the seed annotations, "
                       f"{results[name]['generated_mb_s']:6.2f} MB/s on {big.stat().st_size / 1e6:.1f} MB")
    reference = results["PyYAML SafeLoader (pure)"]["generated_mb_s"]
    summary = {
        "seeds_mb_s": results["toolkit, libyaml"]["seeds_mb_s"],
        "generated_mb_s": results["toolkit, libyaml"]["generated_mb_s"],
        "pure_generated_mb_s": results["toolkit, pure parser"]["generated_mb_s"],
        "times_pyyaml_pure": round(results["toolkit, libyaml"]["generated_mb_s"] / reference, 1),
        "readers": results,
    }
    click.echo(json.dumps(summary))


if __name__ == "__main__":
    main()
