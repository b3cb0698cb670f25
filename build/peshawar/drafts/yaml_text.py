"""The text of a draft annotation file, written line by line so that the
line of every mapping and list is known as it is written.

Drafts are written by the thousand; PyYAML's dumper spends more time on one
than the extractor does, and a parser would be needed afterwards to learn
the lines the build reports problems at. A draft has one simple shape
(mappings and lists of scalars, block style), so it is written directly:
keys are our own slugs, a string is plain only when it is a lowercase slug
(an id, a kind, a rule) and otherwise a double-quoted JSON string, which is
a valid YAML double-quoted scalar once the characters YAML reads as line
breaks or refuses are escaped. tests/drafts/test_yaml_text.py holds that
every draft reads back through ``core.files.read_yaml`` as exactly this
document with these lines.
"""

import json
import math
import re

from ..dataset.cache import LineDict, LineList

PLAIN = re.compile(r"[a-z][a-z0-9_-]*\Z")
# YAML 1.1 reads these plain words as booleans or null.
RESERVED = {"y", "n", "yes", "no", "on", "off", "true", "false", "null"}
# Characters a YAML double-quoted scalar may not hold as they are: NEL and
# the Unicode line and paragraph separators (line breaks to YAML), the byte
# order mark, DEL and the C1 controls (refused by PyYAML's reader).
ESCAPE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")
# What may not stand in a comment: anything YAML reads as a line break or refuses.
NOT_IN_COMMENT = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")
# One encoder for every string: json.dumps builds a new one on each call.
_QUOTED = json.JSONEncoder(ensure_ascii=False).encode


def scalar(value):
    """One scalar as YAML text that reads back as ``value``, type and all."""
    if isinstance(value, str):  # first: most of a draft's scalars are strings
        if PLAIN.match(value) and value not in RESERVED:
            return value
        return ESCAPE.sub(lambda m: f"\\u{ord(m.group()):04x}", _QUOTED(value))
    if value is None:
        return "null"
    if value is True or value is False:
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return _float(value)
    raise ValueError(f"a draft holds no {type(value).__name__} values")


def _float(value):
    # The seeds' reader refuses .nan and .inf (SQLite cannot store them), so
    # a draft holding one would never build: it is refused here, at once.
    # That also lets an ingest worker encode a draft's rows with orjson,
    # which would write them as null.
    if not math.isfinite(value):
        raise ValueError(f"a draft holds no {value} (only finite numbers)")
    text = repr(value)
    # YAML 1.1 needs a dot in a float: 1e+16 would read as a string.
    mantissa, e, exponent = text.partition("e")
    if "." not in mantissa:
        mantissa += ".0"
    return mantissa + e + exponent


class _Writer:
    def __init__(self, first_line):
        self.lines = []
        self.first_line = first_line

    @property
    def next_line(self):
        return self.first_line + len(self.lines)

    def mapping(self, data, indent, prefix=None):
        """Write ``data``'s keys at ``indent``; the first after ``prefix`` ("- ") when given."""
        node = LineDict()
        node.line = self.next_line
        for number, (key, value) in enumerate(data.items()):
            lead = prefix if number == 0 and prefix else " " * indent
            node[key] = self.value(f"{lead}{key}:", value, indent)
        return node

    def value(self, head, value, indent):
        if not isinstance(value, (dict, list)):
            self.lines.append(f"{head} {scalar(value)}")
            return value
        if value:
            self.lines.append(head)
            if isinstance(value, dict):
                return self.mapping(value, indent + 2)
            node = LineList()
            node.line = self.next_line
            for item in value:
                node.append(self.item(item, indent + 2))
            return node
        node = LineDict() if isinstance(value, dict) else LineList()
        node.line = self.next_line
        self.lines.append(f"{head} {'{}' if isinstance(value, dict) else '[]'}")
        return node

    def item(self, item, indent):
        lead = " " * indent + "- "
        if isinstance(item, dict) and item:
            return self.mapping(item, indent + 2, prefix=lead)
        if isinstance(item, (dict, list)):
            raise ValueError("a draft's lists hold mappings or scalars")
        self.lines.append(f"{lead}{scalar(item)}")
        return item


def draft_text(header, document):
    """``(text, document as read back)`` of a draft file: ``header`` lines as
    comments, then ``document`` (a mapping) in block style. The returned
    document is ``document`` with the line of every mapping and list, as
    ``core.files.read_yaml`` would read it from the text."""
    comments = ["#" + (" " + NOT_IN_COMMENT.sub(" ", line) if line else "") for line in header]
    writer = _Writer(len(comments) + 1)
    lined = writer.mapping(document, 0)
    return "\n".join(comments + writer.lines) + "\n", lined
