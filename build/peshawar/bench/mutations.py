"""Hypothesis strategies that break a copy of the seeds the ways people,
editors and tools do: edits of the YAML structure, duplicate keys,
deletions, type swaps, odd numbers and dates, unicode and control
characters, deep nesting, anchors and tags, renamed, deleted and symlinked
files, and raw byte mutations.

Each operation says what it did (``Effect``): whether the validator must
refuse the result (a duplicate key, an impossible date, a symlink ...), and
which rows of the database it may legitimately change or remove if the
build accepts it. ``fuzz.py`` holds the database to that.
"""

import copy
from dataclasses import dataclass, field

import yaml
from hypothesis import strategies as st

# Values that no seed may hold anywhere: numbers SQLite cannot store and
# characters no seed text may contain.
BAD_ANYWHERE = [
    float("inf"), float("-inf"), float("nan"), 2**63, -(2**63) - 1, 10**30, 10**4000 - 1,
    "nul \x00 byte", "bell \x07", "escape \x1b[31m", "c1 \x85 control", "\x7f", "lone \ud800 surrogate", "\udfff",
]
# Values a seed field may or may not accept; the validator decides.
ODD_VALUES = [
    None, True, False, 0, -1, 1.5, 2**62, 1e300, "", " ", "x", "148", "yes", "~", "null", ".inf",
    "2014-12-16", "\u202eright-to-left", "emoji \U0001f600", "e\u0301", "zero\u200bwidth", "line\u2028sep",
    "tab\tinside", "new\nline", "a" * 100_000, [], {}, ["a", 1], {"k": "v"}, [[[]]],
]
BAD_IDS = ["with space", "trailing-newline\n", "tab\tid", "ctrl\x01id", "x\u00a0y", " lead", "UPPER", "a--b", ""]
IMPOSSIBLE_DATES = ["2014-13", "2014-02-31", "2014-00-10", "2014-12-32", "0000-00", "2014-1-5", "20141216", "2014-12-16T10:00"]
# The fuzz reads and writes its copies with libyaml where it can: the pure
# parser would take most of a case's time.
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
ID_KEYS = {"id", "article", "speaker", "channel", "statement", "claimant", "topic", "cited", "subject", "object"}


def dump(tree, **options):
    """YAML bytes of ``tree``; libyaml cannot write a lone surrogate, the pure dumper escapes it."""
    try:
        text = yaml.dump(tree, Dumper=DUMPER, sort_keys=False, **options)
    except UnicodeEncodeError:
        text = yaml.dump(tree, Dumper=yaml.SafeDumper, sort_keys=False, **options)
    return text.encode("utf-8", errors="surrogatepass")


@dataclass
class Effect:
    """What one operation did, for judging the build's answer."""

    name: str
    refuse: str | None = None  # why the validator must refuse the result
    scope: set = field(default_factory=set)  # areas whose rows may change
    removes: set = field(default_factory=set)  # areas whose rows may disappear


@dataclass
class Case:
    files: dict  # relative path -> bytes, the seeds as they are to be written
    actions: list = field(default_factory=list)  # (kind, relative path, detail) applied after writing
    effects: list = field(default_factory=list)

    def describe(self):
        return "; ".join(effect.name for effect in self.effects)


def area_of(path):
    """The area of the database a seed file fills (see fuzz.row_areas)."""
    parts = path.split("/")
    if len(parts) == 1 and parts[0] in ("annotations", "articles"):
        return {"annotations": "annotation:*", "articles": "text:*"}[parts[0]]
    if parts[0] == "annotations":
        return f"annotation:{parts[1].rsplit('.', 1)[0]}"
    if parts[0] == "articles":
        return f"text:{parts[1].rsplit('.', 1)[0]}"
    return {"actors.yml": "actors", "topics.yml": "topics", "statements.yml": "statements", "articles.yml": "meta:*"}.get(path, path)


class Mutator:
    """Draws operations with Hypothesis and applies them to a copy of the seeds."""

    def __init__(self, draw, originals):
        self.draw = draw
        self.files = dict(originals)
        self.trees = {}  # relative path -> parsed YAML, dumped back at the end
        self.texted = set()  # paths edited as text, which may no longer parse
        self.case = Case(self.files)

    def pick(self, items):
        return items[self.draw(st.integers(0, len(items) - 1))]

    def yaml_paths(self, parsed=False):
        """The YAML seed files; ``parsed``: only those still parsed as the originals were."""
        return sorted(p for p in self.files if p.endswith(".yml") and not (parsed and p in self.texted))

    def parsed_path(self):
        """A YAML file not yet edited as text (which may no longer parse), or None."""
        paths = self.yaml_paths(parsed=True)
        return self.pick(paths) if paths else None

    def spot(self, wanted=lambda container, key: True):
        """``(path, tree, container, key, where)`` of a place ``wanted`` in a
        YAML file not yet edited as text, or None (the effect says why)."""
        path = self.parsed_path()
        if path is None:
            return self.effect("every YAML file already edited as text")
        tree = self.tree(path)
        spots = [spot for spot in places(tree) if wanted(spot[0], spot[1])]
        if not spots:
            return self.effect(f"{path}: no place to change")
        return (path, tree, *self.pick(spots))

    def tree(self, path):
        if path not in self.trees:
            self.trees[path] = yaml.load(self.files[path].decode("utf-8"), Loader=LOADER)
        return self.trees[path]

    def text(self, path):
        self.flush(path)
        return self.files[path].decode("utf-8", errors="surrogateescape")

    def set_text(self, path, text):
        self.files[path] = text.encode("utf-8", errors="surrogateescape")
        self.texted.add(path)

    def flush(self, path=None):
        for name in [path] if path else list(self.trees):
            if name in self.trees:
                self.files[name] = dump(self.trees.pop(name), allow_unicode=True)

    def effect(self, name, refuse=None, scope=(), removes=()):
        self.case.effects.append(Effect(name, refuse, set(scope), set(removes)))


def places(tree):
    """Every ``(container, key, path)`` under ``tree``, parents first."""
    found, stack = [], [(tree, ())]
    while stack:
        node, path = stack.pop()
        items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else []
        for key, value in items:
            found.append((node, key, path + (key,)))
            stack.append((value, path + (key,)))
    return found


def item_area(path, tree, place_path):
    """The area of one item of a YAML file: an article of articles.yml, or the file's area."""
    if path == "articles.yml" and len(place_path) >= 2:
        try:
            article = tree["articles"][place_path[1]]
        except (KeyError, IndexError, TypeError):  # the list itself was replaced
            return area_of(path)
        if isinstance(article, dict) and isinstance(article.get("id"), str):
            return f"meta:{article['id']}"
    return area_of(path)


# Edits of the YAML structure ------------------------------------------------------


def set_value(m):
    """A value anywhere replaced by an odd one, or one no seed may hold."""
    found = m.spot()
    if found is None:
        return
    path, tree, container, key, where = found
    bad = m.draw(st.booleans())
    value = copy.deepcopy(m.pick(BAD_ANYWHERE if bad else ODD_VALUES))
    container[key] = value
    area = item_area(path, tree, where)
    name = f"{path}: {'/'.join(map(str, where))} = {value!r:.40}"
    removes = {area} if key in ID_KEYS or not bad else set()
    m.effect(name, "a value no seed may hold" if bad else None, {area}, removes)


def targeted(m):
    """A field given a value wrong for that field: an id with whitespace, an
    impossible date, a relation from an actor to itself."""
    found = m.spot(lambda container, key: key in ID_KEYS | {"date", "value", "subject"})
    if found is None:
        return
    path, tree, container, key, where = found
    area = item_area(path, tree, where)
    if key == "subject" and "object" in container:
        container["subject"] = container["object"]
        return m.effect(f"{path}: relation {where} from an actor to itself", "subject is object", {area})
    if key == "date" or (key == "value" and "published_date" in where):
        container[key] = m.pick(IMPOSSIBLE_DATES)
        return m.effect(f"{path}: {'/'.join(map(str, where))} = {container[key]!r}", "impossible date", {area})
    if key in ID_KEYS:
        container[key] = m.pick(BAD_IDS)
        return m.effect(f"{path}: {'/'.join(map(str, where))} = {container[key]!r}", "not an id", {area}, {area})
    return m.effect(f"{path}: {key} left alone")


def delete_somewhere(m):
    """A key or a list item deleted."""
    found = m.spot()
    if found is None:
        return
    path, tree, container, key, where = found
    area = item_area(path, tree, where[:2])
    del container[key]
    m.effect(f"{path}: deleted {'/'.join(map(str, where))}", None, {area, area_of(path)}, {area, area_of(path)})


def duplicate_item(m):
    """A list item copied: every seed list holds ids or unique aliases."""
    found = m.spot(lambda container, key: isinstance(container[key], list) and container[key])
    if found is None:
        return
    path, _, container, key, where = found
    container[key].append(copy.deepcopy(m.pick(container[key])))
    m.effect(f"{path}: an item of {'/'.join(map(str, where))} repeated", "a repeated item", {area_of(path)})


def reformat(m):
    """The same data written in another YAML style: nothing may change."""
    path = m.parsed_path()
    if path is None:
        return m.effect("every YAML file already edited as text")
    tree = m.tree(path)
    options = {
        "default_flow_style": m.pick([False, True, None]), "width": m.pick([20, 80, 10_000]),
        "indent": m.pick([2, 4, 7]), "allow_unicode": m.draw(st.booleans()),
        "explicit_start": m.draw(st.booleans()), "line_break": m.pick(["\n", "\r\n"]),
    }
    m.trees.pop(path)
    m.files[path] = dump(tree, **options)
    m.effect(f"{path}: rewritten with {options}")


# Edits of the YAML text -------------------------------------------------------------


def duplicate_key(m):
    """A key given twice in one mapping, at the top (``citations: []``) or in an item."""
    path = m.pick(m.yaml_paths())
    text = m.text(path)
    lines = text.splitlines(keepends=True)
    if m.draw(st.booleans()):
        keys = [line.split(":")[0] for line in lines if line[:1].isalpha() and ":" in line]
        if not keys:
            return m.effect(f"{path}: no top-level key")
        key = m.pick(keys)
        m.set_text(path, text.rstrip("\n") + f"\n{key}: {m.pick(['[]', 'null', 'x', '0'])}\n")
        return m.effect(f"{path}: top-level key {key!r} repeated", "a duplicate key", {area_of(path)})
    spots = [
        i for i, line in enumerate(lines[:-1])
        if line.startswith("    ") and not line.lstrip().startswith(("-", "#")) and ": " in line
        and not line.rstrip().endswith((">-", "|", ">", "|-")) and _indent(lines[i + 1]) <= _indent(line)
    ]
    if not spots:
        return m.effect(f"{path}: no inner key")
    i = m.pick(spots)
    lines.insert(i + 1, lines[i])
    m.set_text(path, "".join(lines))
    m.effect(f"{path}:{i + 1}: key repeated", "a duplicate key", {area_of(path)})


def _indent(line):
    return len(line) - len(line.lstrip(" ")) if line.strip() else 10**6


def yaml_trick(m):
    """What seeds never need and a loader may choke on: anchors and aliases
    (an alias bomb), tags, merge keys, deep nesting, a second document."""
    path = m.pick(m.yaml_paths())
    text = m.text(path)
    kind = m.pick(["bomb", "alias", "tag", "merge", "deep", "deep-map", "document", "long-number"])
    depth = m.pick([40, 1000, 100_000])
    # Under the file's first key (so that the schema descends into it), or a new one.
    key = text.split(":", 1)[0] if m.draw(st.booleans()) and text[:1].isalpha() else "extra"
    # Six levels of nine: 4.8 million strings if expanded (kept small enough
    # that the fuzz itself survives a reader that expands it).
    bomb = "a0: &a0 [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]\n" for i in range(1, 7))
    extra = {
        "bomb": bomb + f"{key}: *a6\n",
        "alias": f"first: &shared [a, b]\n{key}: *shared\n",
        "tag": f"{key}: {m.pick(['!!binary aGVsbG8=', '!!python/object/apply:os.getcwd []', '!!set {a: null}', '!local x', '!!str x'])}\n",
        "merge": f"{key}:\n  <<: {{a: 1}}\n  b: 2\n",
        "deep": f"{key}: " + "[" * depth + "]" * depth + "\n",
        "deep-map": f"{key}: " + "{a: " * depth + "1" + "}" * depth + "\n",
        "document": "---\nsecond: document\n",
        # More digits than Python converts by default (4,300).
        "long-number": f"{key}: {'9' * 5000}\n",
    }[kind]
    m.set_text(path, text.rstrip("\n") + "\n" + extra)
    m.effect(f"{path}: {kind} under {key!r}", f"YAML {kind}", {area_of(path)})


def raw_bytes(m):
    """Bytes flipped, inserted, deleted or repeated, in any seed file."""
    path = m.pick(sorted(m.files))
    m.flush(path)
    data = bytearray(m.files[path])
    at = m.draw(st.integers(0, len(data)))
    kind = m.pick(["flip", "insert", "delete", "repeat"])
    if kind == "flip" and at < len(data):
        data[at] ^= 1 << m.draw(st.integers(0, 7))
    elif kind == "insert":
        data[at:at] = m.pick([b"\x00", b"\xff", b"\r", b"\t", b"\xef\xbb\xbf", b"\xed\xa0\x80", b"#", b"- ", b": ", b"'", b'"', b"&", b"*", b"!", b"\n  "])
    elif kind == "delete":
        del data[at:at + m.draw(st.integers(1, 64))]
    else:
        size = m.draw(st.integers(1, 256))
        data[at:at] = data[at:at + size]
    m.files[path] = bytes(data)
    m.texted.add(path)
    area = area_of(path)
    m.effect(f"{path}: {kind} at byte {at}", None, {area}, {area})


# Article texts and the files themselves ----------------------------------------


def edit_article(m):
    """Characters inserted into an article: control characters (refused) or
    text, which moves offsets and may break the spans found in it."""
    path = m.pick(sorted(p for p in m.files if p.startswith("articles/")))
    text = m.text(path)
    at = m.draw(st.integers(0, len(text)))
    bad = m.draw(st.booleans())
    insert = m.pick(["\x00", "\x07", "\x1b", "\x0c", "\x85", "\x7f"] if bad else ["x", " ", "\n", "\t", "\r\n", "\ufeff", "\u00a0", "7", "\u201c", "'", "\U0001f600"])
    m.set_text(path, text[:at] + insert + text[at:])
    area = area_of(path)
    # Offsets move, so mention rows (keyed by offsets) come and go.
    m.effect(f"{path}: {insert!r} at character {at}", "a control character in an article" if bad else None, {area}, {f"mentions:{area}"})


def rename_or_delete(m):
    """An annotation or article file renamed (.yaml, .YML, a backup) or deleted."""
    path = m.pick(sorted(p for p in m.files if "/" in p))
    folder, name = path.split("/")
    stem, suffix = name.rsplit(".", 1)
    target = m.pick([None, f"{stem}.yaml", f"{stem}.{suffix.upper()}", f"{name}.bak", f"{stem}.{suffix}~"])
    m.case.actions.append(("rename", path, target and f"{folder}/{target}"))
    what = "an annotation" if folder == "annotations" else "an article text"
    m.effect(f"{path}: {'deleted' if target is None else 'renamed to ' + target}", f"{what} missing", {area_of(path)})


def symlink(m):
    """A seed file or folder replaced by a symbolic link: to a copy of itself,
    to a system file, or to a named pipe."""
    path = m.pick(sorted(p for p in m.files if p.endswith((".yml", ".txt"))) + ["annotations", "articles"])
    target = m.pick(["copy", "/etc/hostname", "/etc/passwd", "fifo"])
    m.case.actions.append(("symlink", path, target))
    m.effect(f"{path}: symbolic link to {target}", "a symbolic link", {area_of(path)})


def extra_file(m):
    """A file that is no seed dropped in a seed folder; nothing may change."""
    folder = m.pick(["annotations", "articles"])
    name = m.pick(["notes.txt", "README.md", ".hidden.yml", "draft.yml.swp"])
    m.files[f"{folder}/{name}"] = b"a: [1\n" if name.endswith("yml") else b"notes\n"
    m.texted.add(f"{folder}/{name}")
    m.effect(f"{folder}/{name} added")


OPERATIONS = (
    set_value, targeted, delete_somewhere, duplicate_item, reformat, duplicate_key,
    yaml_trick, raw_bytes, edit_article, rename_or_delete, symlink, extra_file,
)


def cases(originals, operations=OPERATIONS):
    """A strategy of Cases: one to three operations on a copy of ``originals``."""

    @st.composite
    def case(draw):
        m = Mutator(draw, originals)
        for _ in range(draw(st.integers(1, 3))):
            operation = operations[draw(st.integers(0, len(operations) - 1))]
            operation(m)
        m.flush()
        return m.case

    return case()
