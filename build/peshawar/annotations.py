"""Read and validate the seed files, and turn them into table rows.

Everything here is pure: it reads files under ``seeds/`` and returns plain
rows and a list of problems; nothing touches a database. ``load.py`` writes
the rows.

Problems carry the file and line they come from, so a bad seed is reported
as ``seeds/annotations/x.yml:42: quote x-q3: text not found ...``. Reading
goes on after a problem so that one run reports all of them.
"""

import datetime
import difflib
import functools
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

import jsonschema
import yaml

from .text import SpanError, locate, number_tokens, quotation_marks

SCHEMA_PATH = Path(__file__).resolve().parents[2] / "schema" / "seeds.schema.json"

# The article's own voice: a claim whose claimant is "outlet" is asserted by
# the article itself, credited to its outlet where the outlet is known.
OWN_VOICE = "outlet"


@dataclass(frozen=True)
class Problem:
    path: str
    line: int | None
    message: str
    # A problem in a draft annotation file is work left for a person, not an
    # error: the build loads drafts and lists what they still need.
    needs_review: bool = False

    def __str__(self):
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


class SeedError(Exception):
    """The seeds have problems; ``problems`` lists every one found."""

    def __init__(self, problems):
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


# YAML with line numbers ----------------------------------------------------


class LineDict(dict):
    """A mapping read from YAML that remembers the line it started on."""

    line = None


class LineList(list):
    line = None


class _LineLoader(yaml.SafeLoader):
    def construct_mapping(self, node, deep=False):
        mapping = LineDict(super().construct_mapping(node, deep=True))
        mapping.line = node.start_mark.line + 1
        return mapping

    def construct_sequence(self, node, deep=False):
        sequence = LineList(super().construct_sequence(node, deep=True))
        sequence.line = node.start_mark.line + 1
        return sequence


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _LineLoader.construct_mapping)
_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _LineLoader.construct_sequence)


def read_text(path, display):
    """Return ``(text, raw bytes)`` of a UTF-8 file, or raise SeedError."""
    try:
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        raise SeedError([Problem(display, None, "file not found")])
    except OSError as error:
        raise SeedError([Problem(display, None, f"cannot read: {error.strerror}")])
    try:
        return raw.decode("utf-8"), raw
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise SeedError(
            [Problem(display, line, f"not valid UTF-8: byte {error.start} ({raw[error.start:error.start + 1]!r}) {error.reason}")]
        )


def read_yaml(path, display):
    text, _ = read_text(path, display)
    try:
        return yaml.load(text, Loader=_LineLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else None
        reason = getattr(error, "problem", None) or str(error)
        context, context_mark = getattr(error, "context", None), getattr(error, "context_mark", None)
        if context and context_mark and context_mark.line + 1 != line:
            reason = f"{reason} ({context} on line {context_mark.line + 1})"
        raise SeedError([Problem(display, line, f"malformed YAML: {reason}")])


# JSON Schema ---------------------------------------------------------------


@functools.cache
def _validator(definition):
    """One validator per seed file kind, read from the schema file once."""
    root = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(dict(root, **{"$ref": f"#/$defs/{definition}"}))


def schema_problems(data, definition, display):
    """Validate ``data`` against ``$defs/<definition>`` of the seeds schema."""
    validator = _validator(definition)
    problems = []
    for error in sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path)):
        node, line = data, getattr(data, "line", None)
        for key in error.absolute_path:
            try:
                node = node[key]
            except (KeyError, IndexError, TypeError):
                break
            line = getattr(node, "line", line)
        where = "/".join(str(k) for k in error.absolute_path) or "top level"
        problems.append(Problem(display, line, f"{where}: {error.message}"))
    return problems


# The seeds -----------------------------------------------------------------


@dataclass
class Seeds:
    """Everything read from ``seeds/``, validated against the JSON Schema."""

    root: Path
    actors: list = field(default_factory=list)
    topics: list = field(default_factory=list)
    statements: list = field(default_factory=list)
    articles: list = field(default_factory=list)
    bodies: dict = field(default_factory=dict)  # article id -> text
    raw: dict = field(default_factory=dict)  # article id -> bytes
    annotations: dict = field(default_factory=dict)  # article id -> (display path, data)


def _display(root, path):
    try:
        return str(Path(path).relative_to(root.parent))
    except ValueError:
        return str(path)


def read_seeds(root):
    """Read every seed file under ``root``; return ``(Seeds, problems)``."""
    root = Path(root)
    seeds = Seeds(root=root)
    problems = []

    def read(name, definition):
        path = root / name
        display = _display(root, path)
        try:
            data = read_yaml(path, display)
        except SeedError as error:
            problems.extend(error.problems)
            return display, None
        found = schema_problems(data, definition, display)
        problems.extend(found)
        return display, (None if found else data)

    for name, definition, attribute in (
        ("actors.yml", "actors_file", "actors"),
        ("topics.yml", "topics_file", "topics"),
        ("statements.yml", "statements_file", "statements"),
        ("articles.yml", "articles_file", "articles"),
    ):
        display, data = read(name, definition)
        if data is not None:
            setattr(seeds, attribute, _tag(data[attribute], display))

    for article in seeds.articles:
        path = root / "articles" / article["file"]
        try:
            text, raw = read_text(path, _display(root, path))
        except SeedError as error:
            problems.extend(error.problems)
            continue
        seeds.bodies[article["id"]] = text
        seeds.raw[article["id"]] = raw

    annotation_dir = root / "annotations"
    for path in sorted(annotation_dir.glob("*.yml")):
        display, data = read(str(path.relative_to(root)), "annotation_file")
        if data is None:
            continue
        if data["article"] in seeds.annotations:
            problems.append(Problem(display, data.line, f"a second annotation file for article {data['article']!r}"))
            continue
        seeds.annotations[data["article"]] = (display, data)
    return seeds, problems


def _tag(items, display):
    for item in items:
        item["_file"] = display
    return items


# From seeds to rows --------------------------------------------------------


class _Registry:
    """Actor ids and aliases, with suggestions for unknown ids."""

    def __init__(self, actors):
        self.ids = {actor["id"] for actor in actors}
        self.by_alias = {}
        for actor in actors:
            for alias in [actor["name"], *actor.get("aliases", [])]:
                self.by_alias.setdefault(alias.casefold(), actor["id"])

    def suggest(self, unknown):
        words = unknown.replace("-", " ").casefold()
        if words in self.by_alias:
            return self.by_alias[words]
        close = difflib.get_close_matches(unknown, sorted(self.ids), n=1, cutoff=0.5)
        if close:
            return close[0]
        for alias, actor_id in sorted(self.by_alias.items()):
            if words and (words in alias or alias in words):
                return actor_id
        return None

    def check(self, actor_id, what, display, line, problems):
        if actor_id is None or actor_id in self.ids:
            return True
        suggestion = self.suggest(actor_id)
        hint = f"; did you mean {suggestion!r}?" if suggestion else ""
        problems.append(Problem(display, line, f"{what}: unknown actor id {actor_id!r}{hint}"))
        return False


def sha256_hex(raw):
    return hashlib.sha256(raw).hexdigest()


def build_rows(seeds):
    """Turn validated seeds into rows for every table; return ``(tables, problems)``.

    ``tables`` maps a table name to a list of row dicts in a stable order.
    """
    problems = []
    tables = {name: [] for name in (
        "actors", "actor_aliases", "topics", "statements", "articles",
        "article_provenance", "quotes", "claims", "citations",
        "actor_relations", "skipped_spans",
    )}
    registry = _Registry(seeds.actors)
    seen_ids = {}

    def unique(table, row_id, display, line):
        key = (table, row_id)
        if key in seen_ids:
            problems.append(Problem(display, line, f"id {row_id!r} repeats (first at {seen_ids[key]})"))
            return False
        seen_ids[key] = f"{display}:{line}"
        return True

    # Actors and aliases.
    alias_owner = {}
    for actor in seeds.actors:
        display, line = actor["_file"], actor.line
        if not unique("actors", actor["id"], display, line):
            continue
        tables["actors"].append({
            "id": actor["id"], "name": actor["name"], "kind": actor["kind"],
            "description": actor.get("description"), "note": actor.get("note"),
            "method": "curated",
        })
        aliases = [actor["name"]] + [a for a in actor.get("aliases", []) if a != actor["name"]]
        for alias in aliases:
            # Spellings that differ only in case may both be listed for one
            # actor, never for two: an alias resolves to exactly one actor.
            folded = alias.casefold()
            if folded in alias_owner and alias_owner[folded] != actor["id"]:
                problems.append(Problem(
                    display, line,
                    f"alias {alias!r} of {actor['id']!r} already belongs to {alias_owner[folded]!r}: an alias must resolve to one actor",
                ))
                continue
            alias_owner[folded] = actor["id"]
            tables["actor_aliases"].append({"actor_id": actor["id"], "alias": alias, "is_name": int(alias == actor["name"])})

    for topic in seeds.topics:
        if unique("topics", topic["id"], topic["_file"], topic.line):
            tables["topics"].append({"id": topic["id"], "label": topic["label"], "description": topic.get("description")})
    topic_ids = {t["id"] for t in tables["topics"]}

    for statement in seeds.statements:
        display, line = statement["_file"], statement.line
        if unique("statements", statement["id"], display, line) and registry.check(
            statement["speaker"], f"statement {statement['id']}", display, line, problems
        ):
            tables["statements"].append({
                "id": statement["id"], "speaker_id": statement["speaker"],
                "label": statement["label"], "description": statement.get("description"),
            })
    statement_ids = {s["id"] for s in tables["statements"]}

    # Articles and their provenance.
    outlets = {}
    for article in seeds.articles:
        display, line = article["_file"], article.line
        article_id = article["id"]
        if not unique("articles", article_id, display, line) or article_id not in seeds.bodies:
            continue
        body = seeds.bodies[article_id]
        values = {}
        for field_name in ("outlet", "title", "subtitle", "byline", "dateline", "published_date"):
            entry = article[field_name]
            value, status = entry.get("value"), entry["status"]
            where = f"article {article_id}: {field_name}"
            entry_line = getattr(entry, "line", line)
            if (status == "not_stated") != (value is None):
                problems.append(Problem(display, entry_line, f"{where}: a value is given exactly when the status is stated or inferred"))
                continue
            evidence = entry.get("evidence", value if status == "stated" else None)
            if status == "inferred" and not evidence:
                problems.append(Problem(display, entry_line, f"{where}: an inferred value needs the evidence it was inferred from"))
                continue
            start = end = None
            if evidence:
                try:
                    start, end = locate(body, evidence, entry.get("occurrence"))
                except SpanError as error:
                    problems.append(Problem(display, entry_line, f"{where}: evidence {error}"))
                    continue
            if field_name == "outlet" and not registry.check(value, where, display, entry_line, problems):
                continue
            if field_name == "published_date" and value is not None:
                try:
                    datetime.date.fromisoformat(value)
                except ValueError:
                    problems.append(Problem(display, entry_line, f"{where}: {value!r} is not an ISO date (YYYY-MM-DD)"))
                    continue
            values[field_name] = value
            tables["article_provenance"].append({
                "id": f"{article_id}-{field_name.replace('_', '-')}", "article_id": article_id,
                "field": field_name, "value": value, "status": status, "evidence": evidence,
                "start_char": start, "end_char": end, "note": entry.get("note"),
            })
        if values.get("title") is None:
            problems.append(Problem(display, line, f"article {article_id}: a title is required"))
            continue
        annotation = seeds.annotations.get(article_id)
        outlets[article_id] = values.get("outlet")
        tables["articles"].append({
            "id": article_id, "outlet_id": values.get("outlet"), "title": values["title"],
            "short_label": article.get("short_label"),
            "subtitle": values.get("subtitle"), "byline": values.get("byline"),
            "dateline": values.get("dateline"), "published_date": values.get("published_date"),
            "body": body, "sha256": sha256_hex(seeds.raw[article_id]),
            "source_file": f"seeds/articles/{article['file']}",
            "original_file": article.get("original_file"), "char_count": len(body),
            "annotation_status": annotation[1]["status"] if annotation else "draft",
        })

    # Annotations.
    for article_id, (display, data) in sorted(seeds.annotations.items()):
        if article_id not in outlets:
            known = difflib.get_close_matches(article_id, sorted(outlets), n=1)
            hint = f"; did you mean {known[0]!r}?" if known else ""
            problems.append(Problem(display, data.line, f"article {article_id!r} is not in articles.yml{hint}"))
            continue
        body = seeds.bodies[article_id]
        draft = data["status"] == "draft"
        spans = {"quotes": [], "claims": [], "not_quotes": [], "not_numbers": []}

        def place(item, what):
            try:
                return locate(body, item["text"], item.get("occurrence"))
            except SpanError as error:
                problems.append(Problem(display, item.line, f"{what}: {error}"))
                return None

        def provenance(item):
            method = item.get("method", "automatic" if draft else "curated")
            return {"method": method, "rule": item.get("rule"), "confidence": item.get("confidence")}

        for quote in data.get("quotes", []):
            what = f"quote {quote['id']}"
            ok = unique("quotes", quote["id"], display, quote.line)
            for key in ("speaker", "channel"):
                ok &= registry.check(quote.get(key), f"{what}: {key}", display, quote.line, problems)
            if quote.get("statement") and quote["statement"] not in statement_ids:
                close = difflib.get_close_matches(quote["statement"], sorted(statement_ids), n=1)
                hint = f"; did you mean {close[0]!r}?" if close else ""
                problems.append(Problem(display, quote.line, f"{what}: unknown statement {quote['statement']!r}{hint}"))
                ok = False
            if not quote.get("speaker"):
                if draft:
                    said = f" ({quote['speaker_text']!r} is not a registered actor)" if quote.get("speaker_text") else ""
                    problems.append(Problem(display, quote.line, f"{what}: no speaker yet{said}", needs_review=True))
                else:
                    problems.append(Problem(display, quote.line, f"{what}: a curated quote needs a speaker"))
                    ok = False
            span = place(quote, what)
            if span is not None:
                spans["quotes"].append(span)  # counts for coverage even if a reference is wrong
            if not ok or span is None:
                continue
            tables["quotes"].append({
                "id": quote["id"], "article_id": article_id, "speaker_id": quote.get("speaker"),
                "statement_id": quote.get("statement"), "text": quote["text"],
                "start_char": span[0], "end_char": span[1],
                "speaker_text": quote.get("speaker_text"), "cue": quote.get("cue"),
                "channel_id": quote.get("channel"), "channel_text": quote.get("channel_text"),
                "form": quote["form"], "is_pull_quote": int(bool(quote.get("pull_quote"))),
                "part": quote.get("part"), **provenance(quote), "note": quote.get("note"),
            })

        for claim in data.get("claims", []):
            what = f"claim {claim['id']}"
            ok = unique("claims", claim["id"], display, claim.line)
            claimant = claim["claimant"]
            if claimant == OWN_VOICE:
                claimant_id, voice = outlets[article_id], "article"
            else:
                claimant_id, voice = claimant, "attributed"
                if claimant is None and not draft:
                    problems.append(Problem(display, claim.line, f"{what}: a curated claim needs a claimant (an actor id, or 'outlet')"))
                    ok = False
                elif claimant is None:
                    voice = "article"
                    problems.append(Problem(display, claim.line, f"{what}: no claimant yet (an actor id, or 'outlet')", needs_review=True))
                ok &= registry.check(claimant, f"{what}: claimant", display, claim.line, problems)
            if claim.get("topic") and claim["topic"] not in topic_ids:
                close = difflib.get_close_matches(claim["topic"], sorted(topic_ids), n=1)
                hint = f"; did you mean {close[0]!r}?" if close else ""
                problems.append(Problem(display, claim.line, f"{what}: unknown topic {claim['topic']!r}{hint}"))
                ok = False
            span = place(claim, what)
            if span is not None:
                spans["claims"].append(span)
            if not ok or span is None:
                continue
            tables["claims"].append({
                "id": claim["id"], "article_id": article_id, "claimant_id": claimant_id,
                "voice": voice, "topic_id": claim.get("topic"), "kind": claim["kind"],
                "value": claim.get("value"), "unit": claim.get("unit"),
                "qualifier": claim.get("qualifier"), "population": claim.get("population"),
                "event_date": event_date(claim),
                "text": claim["text"], "start_char": span[0], "end_char": span[1],
                "attribution_text": claim.get("attribution_text"),
                **provenance(claim), "note": claim.get("note"),
            })

        for citation in data.get("citations", []):
            what = f"citation {citation['id']}"
            ok = unique("citations", citation["id"], display, citation.line)
            ok &= registry.check(citation["cited"], f"{what}: cited", display, citation.line, problems)
            span = place(citation, what)
            if not ok or span is None:
                continue
            tables["citations"].append({
                "id": citation["id"], "article_id": article_id, "cited_id": citation["cited"],
                "kind": citation["kind"], "text": citation["text"],
                "start_char": span[0], "end_char": span[1],
                **provenance(citation), "note": citation.get("note"),
            })

        for relation in data.get("relations", []):
            what = f"relation {relation['id']}"
            ok = unique("actor_relations", relation["id"], display, relation.line)
            for key in ("subject", "object"):
                ok &= registry.check(relation[key], f"{what}: {key}", display, relation.line, problems)
            span = place(relation, what)
            if not ok or span is None:
                continue
            tables["actor_relations"].append({
                "id": relation["id"], "subject_id": relation["subject"], "relation": relation["relation"],
                "object_id": relation["object"], "article_id": article_id, "text": relation["text"],
                "start_char": span[0], "end_char": span[1],
                "method": "automatic" if draft else "curated", "note": relation.get("note"),
            })

        for key, span_kind in (("not_quotes", "quotation"), ("not_numbers", "number")):
            for item in data.get(key, []):
                what = f"{key} {item['id']}"
                span = place(item, what)
                if span is not None:
                    spans[key].append(span)
                if not unique("skipped_spans", item["id"], display, item.line) or span is None:
                    continue
                tables["skipped_spans"].append({
                    "id": item["id"], "article_id": article_id, "span_kind": span_kind,
                    "reason": item["reason"], "text": item["text"],
                    "start_char": span[0], "end_char": span[1], "note": item.get("note"),
                })

        for message in coverage_gaps(body, spans):
            problems.append(Problem(display, None, f"article {article_id}: {message}", needs_review=draft))

    return tables, problems


def event_date(claim):
    """The date a claim gives an event: stated for date claims, the value for years."""
    if claim.get("date"):
        return claim["date"]
    if claim["kind"] == "year" and claim.get("value") is not None:
        return f"{int(claim['value']):04d}"
    return None


def coverage_gaps(body, spans):
    """What in ``body`` no annotation accounts for.

    A quotation mark is accounted for when it sits just outside, or inside, an
    annotated quote or skipped quotation span. A number is accounted for when
    it lies inside a claim or a skipped number span.
    """
    gaps = []
    quote_spans = spans["quotes"] + spans["not_quotes"]
    for mark in quotation_marks(body):
        if not any(start - 1 <= mark.offset <= end for start, end in quote_spans):
            gaps.append(
                f"quotation mark {mark.char!r} ({mark.role}) at character {mark.offset} is neither in a quote "
                f"nor listed in not_quotes: {_context(body, mark.offset, mark.offset + 1)}"
            )
    number_spans = spans["claims"] + spans["not_numbers"]
    for token in number_tokens(body):
        if not any(start <= token.start and token.end <= end for start, end in number_spans):
            gaps.append(
                f"number {token.text!r} at character {token.start} is neither in a claim nor listed in "
                f"not_numbers: {_context(body, token.start, token.end)}"
            )
    return gaps


def _context(body, start, end, width=30):
    before = body[max(0, start - width):start]
    after = body[end:end + width]
    return repr(f"\u2026{before}[{body[start:end]}]{after}\u2026").replace("\\n", " ")
