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


def generate(seeds_dir, count, seed=0, size=4000):
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
