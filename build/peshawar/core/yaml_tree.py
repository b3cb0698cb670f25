"""YAML text -> plain values that remember their line, read safely and fast.

Seeds are YAML of the plainest kind: mappings, lists, strings, numbers,
booleans and nulls. The values are built here from the parser's events, in
a loop rather than by recursion, so that reading can refuse, with the
line, what a seed never needs and what could make reading blow up:

- nesting deeper than MAX_DEPTH levels (a recursive reader meets
  RecursionError, or overflows the C stack, on 10^5 nested brackets);
- more than MAX_NODES values in one file;
- anchors and aliases (``&a``, ``*a``): a few hundred bytes of aliases
  expand to gigabytes, and seeds have no use for them;
- explicit tags (``!!binary``, ``!!python/...``), merge keys (``<<``), a
  key that is itself a list or mapping, a second document;
- a key given twice in one mapping (a YAML loader silently keeps the last);
- numbers SQLite cannot store (``.inf``, ``.nan``, integers beyond 64 bits)
  and strings holding characters no seed may hold (``text.forbidden``).

The first five stop reading the file; the others are collected, one
problem each. Dates stay strings (no timestamp resolution): the
validation checks them and names an impossible one.

The parser is libyaml's, through PyYAML's C extension, several times
faster than PyYAML's pure-Python parser, which is the fallback where the
extension is missing. Both give the same events, so the same values.
"""

import math

import yaml
from yaml.events import (
    AliasEvent, DocumentStartEvent, MappingEndEvent, MappingStartEvent, ScalarEvent,
    SequenceEndEvent, SequenceStartEvent, StreamEndEvent,
)
from yaml.nodes import ScalarNode

from .text import forbidden

MAX_DEPTH = 32
MAX_NODES = 1_000_000
# SQLite stores integers in 64 bits.
INTEGER_RANGE = (-(2**63), 2**63 - 1)
STR_TAG = "tag:yaml.org,2002:str"
MERGE_TAG = "tag:yaml.org,2002:merge"
HAS_C_PARSER = getattr(yaml, "__with_libyaml__", False)


class LineDict(dict):
    """A mapping read from YAML that remembers the line it started on."""

    line = None


class LineList(list):
    line = None


class Refusal(Exception):
    """Reading stops: ``line`` and ``message`` say why."""

    def __init__(self, line, message):
        super().__init__(message)
        self.line, self.message = line, message


class _Resolver(yaml.resolver.Resolver):
    """YAML 1.1's implicit types, less timestamps: a date stays the text it is."""


_Resolver.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.resolver.Resolver.yaml_implicit_resolvers.items()
}
# A plain scalar whose first character starts no implicit type is a string:
# most of a seed's scalars, which then skip the resolver's regular expressions.
_TYPED_FIRST = frozenset(_Resolver.yaml_implicit_resolvers) | {""}


class _PureLoader(yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser, yaml.constructor.SafeConstructor, _Resolver):
    def __init__(self, text):
        yaml.reader.Reader.__init__(self, text)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)
        yaml.constructor.SafeConstructor.__init__(self)
        _Resolver.__init__(self)

    def fetch_flow_collection_start(self, TokenClass):
        # The pure scanner looks up to 1024 characters ahead inside brackets;
        # stop at the limit rather than after the whole bracket run.
        if self.flow_level >= MAX_DEPTH:
            raise Refusal(self.line + 1, _too_deep())
        super().fetch_flow_collection_start(TokenClass)


if HAS_C_PARSER:
    class _CLoader(yaml.cyaml.CParser, yaml.constructor.SafeConstructor, _Resolver):
        def __init__(self, text):
            yaml.cyaml.CParser.__init__(self, text)
            yaml.constructor.SafeConstructor.__init__(self)
            _Resolver.__init__(self)


def _too_deep():
    return f"nested deeper than {MAX_DEPTH} levels (seeds need five)"


def loader_for(text, pure=False):
    """A loader (parser, resolver, scalar constructors) over ``text``."""
    return _PureLoader(text) if pure or not HAS_C_PARSER else _CLoader(text)


_ANCHORS = "anchors and aliases (&name, *name) are not used in seeds: write the value out"
_NO_KEY = object()


class _Builder:
    """Values from events; ``problems`` collects ``(line, message)``."""

    def __init__(self, loader):
        self.loader = loader
        self.constructors = loader.yaml_constructors
        self.problems = []
        # One frame per open collection: [container, is a mapping, pending key,
        # {key: line}], the last two for mappings only.
        self.stack = []
        self.root = None

    def build(self):
        get_event, stack, nodes, documents = self.loader.get_event, self.stack, 0, 0
        while True:
            event = get_event()
            kind = event.__class__
            if kind is ScalarEvent:
                nodes += 1
                self.add(self.scalar(event), event)
            elif kind is MappingEndEvent or kind is SequenceEndEvent:
                stack.pop()
            elif kind is MappingStartEvent or kind is SequenceStartEvent:
                nodes += 1
                self.start(event, kind is MappingStartEvent)
            elif kind is AliasEvent:
                raise Refusal(event.start_mark.line + 1, _ANCHORS)
            elif kind is DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise Refusal(event.start_mark.line + 1, "a second YAML document (---): a seed file holds one")
            elif kind is StreamEndEvent:
                return self.root
            if nodes > MAX_NODES:
                raise Refusal(event.start_mark.line + 1, f"more than {MAX_NODES:,} values in one file")

    def start(self, event, mapping):
        line = event.start_mark.line + 1
        if event.anchor is not None:
            raise Refusal(line, _ANCHORS)
        if event.tag is not None:
            raise Refusal(line, f"an explicit tag ({event.tag}): seeds use plain lists and mappings")
        if len(self.stack) >= MAX_DEPTH:
            raise Refusal(line, _too_deep())
        if self.stack and self.stack[-1][1] and self.stack[-1][2] is _NO_KEY:
            raise Refusal(line, "a key that is a list or a mapping: keys are plain words")
        container = LineDict() if mapping else LineList()
        container.line = line
        self.add(container, event)
        self.stack.append([container, True, _NO_KEY, {}] if mapping else [container, False])

    def add(self, value, event):
        if not self.stack:
            self.root = value
            return
        frame = self.stack[-1]
        if not frame[1]:
            frame[0].append(value)
        elif frame[2] is _NO_KEY:
            frame[2] = value
            if value in frame[3]:
                self.problems.append((
                    event.start_mark.line + 1,
                    f"key {value!r} given twice in one mapping (first on line {frame[3][value]}): YAML would keep only the last",
                ))
            else:
                frame[3][value] = event.start_mark.line + 1
        else:
            key, frame[2] = frame[2], _NO_KEY
            # A repeated key keeps its first value; the problem is already noted.
            frame[0].setdefault(key, value)

    def scalar(self, event):
        if event.anchor is not None:
            raise Refusal(event.start_mark.line + 1, _ANCHORS)
        if event.tag is not None:
            raise Refusal(event.start_mark.line + 1, f"an explicit tag ({event.tag}): seeds use plain values")
        value = event.value
        if event.implicit[0] and value[:1] in _TYPED_FIRST:
            tag = self.loader.resolve(ScalarNode, value, (True, False))
            if tag != STR_TAG:
                return self.typed(tag, value, event)
        found = forbidden(value)
        if found:
            self.problems.append((event.start_mark.line + 1, f"a string holds {found}"))
        return value

    def typed(self, tag, value, event):
        """A plain scalar of another type than string: a number, a boolean, null."""
        line = event.start_mark.line + 1
        if tag == MERGE_TAG:
            raise Refusal(line, "a merge key (<<): seeds write every key out")
        constructor = self.constructors.get(tag)
        if constructor is None:
            return value
        try:
            result = constructor(self.loader, ScalarNode(tag, value, event.start_mark, event.end_mark))
        except ValueError as error:  # more digits than Python converts, for one
            self.problems.append((line, f"{_short(value)} cannot be read as a number: {error}"))
            return None
        if isinstance(result, float) and not math.isfinite(result):
            self.problems.append((line, f"{_short(value)} is not a finite number"))
        elif isinstance(result, int) and not isinstance(result, bool) and not INTEGER_RANGE[0] <= result <= INTEGER_RANGE[1]:
            self.problems.append((line, f"{_short(value)} is outside the integers the database stores (-2^63 to 2^63-1)"))
        return result


def _short(value, width=40):
    return repr(value if len(value) <= width else value[: width - 1] + "\u2026")


def tree(text, pure=False):
    """``(value, [(line, message)])`` of the one YAML document in ``text``.

    Raises Refusal when reading had to stop, and yaml.YAMLError when the
    text is not YAML.
    """
    loader = loader_for(text, pure)
    try:
        builder = _Builder(loader)
        return builder.build(), builder.problems
    finally:
        loader.dispose()
