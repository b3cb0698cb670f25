"""The build's memory of work already done, keyed by the content it was done on.

Reading a seed file (parsing its YAML, validating it against the JSON
Schema) and turning one article's files into rows are pure functions of
bytes: the file's, the lookup files' and the build code's own. The cache
keeps their results under a hash of all of those, so a build after a small
change redoes only what the change touched. It never decides anything: a
key covers every byte the result depends on, only results without errors
are kept (a file with problems is read again and its problems reported
every time), and a build without the cache writes the same database.

It is one SQLite file (``.cache/build.sqlite`` at the repository root by
default), safe to delete at any time.
"""

import functools
import hashlib
import json
import sqlite3
from pathlib import Path

import orjson

from ..core.paths import ROOT

# The sources whose bytes decide what a seed file reads as and which rows it
# gives; a change to any of them makes every key new.
CODE_GLOBS = ("build/peshawar/core/*.py", "build/peshawar/core/*.txt", "build/peshawar/dataset/*.py", "schema/*")
# Writing the database, walking the seeds and the answer tables worked out
# after the load change no unit's rows: edits to them keep the cache.
NOT_CODE = (
    "build/peshawar/dataset/load.py", "build/peshawar/dataset/walk.py", "build/peshawar/dataset/derived.py",
    "schema/after_load.sql",
)


@functools.cache
def code_fingerprint():
    digest = hashlib.sha256()
    for pattern in CODE_GLOBS:
        for path in sorted(ROOT.glob(pattern)):
            if path.relative_to(ROOT).as_posix() in NOT_CODE:
                continue
            digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def key(*parts):
    """A cache key: the code's fingerprint and every part, hashed together."""
    digest = hashlib.sha256(code_fingerprint().encode())
    for part in parts:
        digest.update(b"\0" + (part if isinstance(part, bytes) else str(part).encode("utf-8")))
    return digest.hexdigest()


class LineDict(dict):
    """A mapping read back from the cache, with the line it started on in its file."""

    line = None


class LineList(list):
    line = None


def encode(node):
    """JSON text of a document read from YAML, keeping the line of every mapping and sequence.

    The line rides on a key no YAML file can hold (YAML refuses a NUL)."""
    return json.dumps(_lined(node), ensure_ascii=False, separators=(",", ":"))


def _lined(node):
    if isinstance(node, dict):
        return {"\0": getattr(node, "line", None), **{k: _lined(v) for k, v in node.items()}}
    if isinstance(node, list):
        return {"\0": getattr(node, "line", None), "\1": [_lined(v) for v in node]}
    return node


def _unlined(obj):
    if "\0" not in obj:
        return obj
    line = obj.pop("\0")
    node = LineList(obj["\1"]) if "\1" in obj else LineDict(obj)
    node.line = line
    return node


def decode(text):
    return json.loads(text, object_hook=_unlined)


# orjson parses a unit's JSON in about half the time of json (at 10,000
# articles, a second of a warm build), to the same values but in two cases:
# it refuses NaN and Infinity (json reads them instead), and it reads an
# integer past 64 bits as a float. A value holding such an integer is kept
# behind a leading space (still JSON) and read by json alone.
_BY_JSON = " "


def dumps(value):
    """The JSON text the cache keeps of a value read without lines."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    try:
        orjson.dumps(value)
    except orjson.JSONEncodeError:  # an integer past 64 bits, or what orjson cannot write
        return _BY_JSON + text
    return text


def dumps_finite(value):
    """``dumps`` for a value known to hold no NaN or infinity (a draft's
    unit: the draft writer refuses them, as the seeds' reader does), written
    by orjson, four times faster than json here. orjson would write NaN as
    null, hence the condition; what it cannot write at all (an integer past
    64 bits) goes through ``dumps``."""
    try:
        return orjson.dumps(value).decode("utf-8")
    except orjson.JSONEncodeError:
        return dumps(value)


def loads(text):
    if text.startswith(_BY_JSON):
        return json.loads(text)
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:
        return json.loads(text)


class Cache:
    """Values (JSON-able) by key, in one SQLite file; writes are kept until ``close``."""

    def __init__(self, path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.conn = sqlite3.connect(self.path, timeout=60)
        self.conn.execute("pragma journal_mode = wal")
        self.conn.execute("create table if not exists entries (key text primary key, value text not null)")
        self.pending = {}

    def get(self, entry_key, lined=False):
        if entry_key in self.pending:
            text = self.pending[entry_key]
        else:
            row = self.conn.execute("select value from entries where key = ?", [entry_key]).fetchone()
            if row is None:
                return None
            text = row[0]
        return decode(text) if lined else loads(text)

    def put(self, entry_key, value, lined=False):
        self.put_text(entry_key, encode(value) if lined else dumps(value))

    def put_text(self, entry_key, text):
        """Keep ``text``, a value already encoded with ``dumps`` or
        ``dumps_finite`` (an ingest worker encodes its draft's rows; the one
        writer only stores them)."""
        self.pending[entry_key] = text
        if len(self.pending) >= 500:
            self.flush()

    def flush(self):
        with self.conn:
            self.conn.executemany("insert or replace into entries values (?, ?)", self.pending.items())
        self.pending = {}

    def close(self):
        self.flush()
        self.conn.close()


class NoCache:
    """The cache's interface, remembering nothing."""

    def get(self, entry_key, lined=False):
        return None

    def put(self, entry_key, value, lined=False):
        pass

    def put_text(self, entry_key, text):
        pass

    def close(self):
        pass
