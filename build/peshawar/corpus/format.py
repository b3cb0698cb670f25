"""The corpus gold format: read a corpus folder, say everything wrong with
it, and write gold files the same way every time.

A corpus is ``articles/<id>.txt`` (the text the extractor reads) and
``gold/<id>.json`` (its direct quotes); corpora/README.md is the
specification. ``read_corpus`` reads all of it and returns the problems it
found as ``file:line: what``, every one in one pass, so a person fixing a
gold file sees the whole list at once.
"""

import hashlib
import json
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

ID = re.compile(r"[a-z0-9-]+")
FORMS = ("full", "partial")
SPEAKER_FORMS = ("name", "description", "pronoun", "none")
# key -> (required, allowed types, what it must be)
QUOTE_KEYS = {
    "text": (True, (str,), "a string"),
    "start_char": (True, (int,), "an integer"),
    "end_char": (True, (int,), "an integer"),
    "form": (True, (str,), "one of " + ", ".join(FORMS)),
    "speaker": (True, (str, type(None)), "a string or null"),
    "speaker_as_written": (True, (str, type(None)), "a string or null"),
    "speaker_form": (True, (str,), "one of " + ", ".join(SPEAKER_FORMS)),
    # Optional keys, documented in corpora/README.md.
    "note": (False, (str,), "a string"),
    "speaker_method": (False, (str,), "a string"),
    "source_ref": (False, (str,), "a string"),
}
SPEAKER_METHODS = ("annotated", "source_span", "antecedent", "coreference", "nearest_name", "none")


@dataclass(frozen=True)
class Problem:
    path: str
    line: int | None
    what: str

    def __str__(self):
        return f"{self.path}:{self.line}: {self.what}" if self.line else f"{self.path}: {self.what}"


@dataclass
class Corpus:
    name: str
    path: Path
    articles: dict = field(default_factory=dict)  # id -> text
    gold: dict = field(default_factory=dict)  # id -> [quote dict]
    problems: list = field(default_factory=list)


class CorpusError(Exception):
    def __init__(self, problems):
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


# Reading -------------------------------------------------------------------------


def read_corpus(path):
    """The corpus at ``path`` with every problem found in it.

    An article whose gold has problems is left out of ``gold`` (and so out
    of any score): a half-read gold file would measure the wrong thing.
    """
    path = Path(path)
    corpus = Corpus(path.name, path)
    articles_dir, gold_dir = path / "articles", path / "gold"
    for folder in (articles_dir, gold_dir):
        if not folder.is_dir():
            corpus.problems.append(Problem(str(folder), None, "folder missing: a corpus has articles/ and gold/"))
    if corpus.problems:
        return corpus
    texts = {p.stem: p for p in sorted(articles_dir.iterdir()) if p.is_file()}
    golds = {p.stem: p for p in sorted(gold_dir.iterdir()) if p.is_file()}
    for article_id, file in texts.items():
        if file.suffix != ".txt" or not ID.fullmatch(article_id):
            corpus.problems.append(Problem(str(file), None, "an article file is named <id>.txt with an id of [a-z0-9-]+"))
            continue
        if article_id not in golds:
            corpus.problems.append(Problem(str(file), None, f"no gold file gold/{article_id}.json"))
        text = _read_text(file, corpus.problems)
        if text is not None:
            corpus.articles[article_id] = text
    for article_id, file in golds.items():
        if file.suffix != ".json" or not ID.fullmatch(article_id):
            corpus.problems.append(Problem(str(file), None, "a gold file is named <id>.json with an id of [a-z0-9-]+"))
            continue
        if article_id not in texts:
            corpus.problems.append(Problem(str(file), None, f"no article file articles/{article_id}.txt"))
            continue
        if article_id not in corpus.articles:
            continue  # the article itself could not be read; already reported
        before = len(corpus.problems)
        quotes = read_gold(file, article_id, corpus.articles[article_id], corpus.problems)
        if len(corpus.problems) == before:
            corpus.gold[article_id] = quotes
    return corpus


def _read_text(file, problems):
    raw = file.read_bytes()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        problems.append(Problem(str(file), line, f"not UTF-8: byte {raw[error.start:error.start + 1]!r} at offset {error.start}"))
        return None


def read_gold(file, article_id, text, problems):
    """The quotes of one gold file; problems are appended to ``problems``."""
    display = str(file)
    source = _read_text(file, problems)
    if source is None:
        return []
    try:
        data = json.loads(source)
    except json.JSONDecodeError as error:
        problems.append(Problem(display, error.lineno, f"not valid JSON: {error.msg}"))
        return []
    if not isinstance(data, dict):
        problems.append(Problem(display, 1, "the gold is a JSON object with keys article and quotes"))
        return []
    for key in sorted(set(data) - {"article", "quotes"}):
        problems.append(Problem(display, _line_of_key(source, key), f"unknown key {key!r}"))
    if data.get("article") != article_id:
        problems.append(Problem(display, _line_of_key(source, "article"), f"article is {data.get('article')!r}, the file name says {article_id!r}"))
    quotes = data.get("quotes")
    if not isinstance(quotes, list):
        problems.append(Problem(display, _line_of_key(source, "quotes"), "quotes must be a list"))
        return []
    lines = _element_lines(source, "quotes")
    for index, quote in enumerate(quotes):
        line = lines[index] if index < len(lines) else None
        for what in quote_problems(quote, text):
            problems.append(Problem(display, line, f"quote {index + 1}: {what}"))
    spans = sorted(
        (q["start_char"], -q["end_char"], i) for i, q in enumerate(quotes)
        if isinstance(q, dict) and isinstance(q.get("start_char"), int) and isinstance(q.get("end_char"), int)
    )
    # A quotation inside another ('"He told me 'never again'," she said')
    # is listed as well as the one around it; two spans that cross, or the
    # same span twice, are a mistake.
    around = []  # (start, end, index) of the spans that contain this one
    for start, negative_end, index in spans:
        end = -negative_end
        while around and around[-1][1] <= start:
            around.pop()
        if around and (end > around[-1][1] or (start, end) == around[-1][:2]):
            line = lines[index] if index < len(lines) else None
            problems.append(Problem(display, line, f"quote {index + 1} overlaps quote {around[-1][2] + 1} without lying inside it: a quotation is listed once, its parts side by side"))
            continue
        around.append((start, end, index))
    return quotes


def quote_problems(quote, text):
    """What is wrong with one quote entry, as a list of sentences."""
    if not isinstance(quote, dict):
        return ["a quote is a JSON object"]
    found = []
    for key in quote:
        if key not in QUOTE_KEYS:
            found.append(f"unknown key {key!r}")
    for key, (required, types, what) in QUOTE_KEYS.items():
        if key not in quote:
            if required:
                found.append(f"{key} is missing")
        elif not isinstance(quote[key], types) or isinstance(quote[key], bool):
            found.append(f"{key} must be {what}, not {json.dumps(quote[key], ensure_ascii=False)}")
    if found:
        return found
    start, end = quote["start_char"], quote["end_char"]
    if not 0 <= start < end <= len(text):
        found.append(f"start_char {start} and end_char {end} are not a span of the article ({len(text)} characters)")
    elif text[start:end] != quote["text"]:
        found.append(f"text is not the article at {start}:{end} (the article has {text[start:end][:60]!r})")
    if quote["form"] not in FORMS:
        found.append(f"form must be one of {', '.join(FORMS)}, not {quote['form']!r}")
    if quote["speaker_form"] not in SPEAKER_FORMS:
        found.append(f"speaker_form must be one of {', '.join(SPEAKER_FORMS)}, not {quote['speaker_form']!r}")
    if quote["speaker"] is not None and not quote["speaker"].strip():
        found.append("speaker is empty: null says nobody can tell who speaks")
    written = quote["speaker_as_written"]
    if written is not None and written not in text:
        found.append(f"speaker_as_written {written!r} is not in the article")
    if (written is None) != (quote["speaker_form"] == "none"):
        found.append("speaker_as_written is null exactly when speaker_form is none")
    if "speaker_method" in quote and quote["speaker_method"] not in SPEAKER_METHODS:
        found.append(f"speaker_method must be one of {', '.join(SPEAKER_METHODS)}, not {quote['speaker_method']!r}")
    return found


def _line_of_key(source, key):
    match = re.search(r'"' + re.escape(key) + r'"\s*:', source)
    return source.count("\n", 0, match.start()) + 1 if match else 1


def _element_lines(source, key):
    """The line on which each element of the top-level list ``key`` starts.

    json gives no positions, so the list is walked with raw_decode; only
    called on text that has already parsed.
    """
    match = re.search(r'"' + re.escape(key) + r'"\s*:\s*\[', source)
    if not match:
        return []
    decoder, position, lines = json.JSONDecoder(), match.end(), []
    while True:
        while position < len(source) and source[position] in " \t\r\n,":
            position += 1
        if position >= len(source) or source[position] == "]":
            return lines
        lines.append(source.count("\n", 0, position) + 1)
        try:
            _, position = decoder.raw_decode(source, position)
        except json.JSONDecodeError:
            return lines


# Writing -------------------------------------------------------------------------


def gold_json(article_id, quotes):
    """The text of a gold file: two-space indent, keys in the documented
    order, a final newline, so that two conversions are byte-identical."""
    order = list(QUOTE_KEYS)
    ordered = [{k: q[k] for k in sorted(q, key=lambda k: (order.index(k) if k in order else len(order), k))} for q in quotes]
    return json.dumps({"article": article_id, "quotes": ordered}, ensure_ascii=False, indent=2) + "\n"


def write_corpus(path, articles):
    """Write ``{id: (text, quotes)}`` as a corpus folder's articles/ and gold/.

    Both are written into a staging folder first and then swapped in whole,
    so a failed conversion leaves the previous one as it was, and files of
    articles no longer converted do not linger to be scored.
    """
    path = Path(path)
    path.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=path))
    try:
        for folder in ("articles", "gold"):
            (staging / folder).mkdir()
        for article_id, (text, quotes) in sorted(articles.items()):
            (staging / "articles" / f"{article_id}.txt").write_text(text, encoding="utf-8", newline="")
            (staging / "gold" / f"{article_id}.json").write_text(gold_json(article_id, quotes), encoding="utf-8", newline="")
        for folder in ("articles", "gold"):
            if (path / folder).exists():
                (path / folder).rename(staging / f"previous-{folder}")
            (staging / folder).rename(path / folder)
    finally:
        shutil.rmtree(staging)


def checksums(path):
    """``sha256sum``-style lines for every article and gold file, sorted."""
    path = Path(path)
    lines = []
    for folder in ("articles", "gold"):
        for file in sorted((path / folder).iterdir()):
            if file.is_file():
                lines.append(f"{hashlib.sha256(file.read_bytes()).hexdigest()}  {folder}/{file.name}")
    return "\n".join(lines) + "\n"


def digest(checksum_text):
    """One sha256 standing for a whole converted corpus (of its SHA256SUMS)."""
    return hashlib.sha256(checksum_text.encode("utf-8")).hexdigest()
