"""Reading a UTF-8 text file or a YAML file, with file:line problems.

YAML mappings and sequences remember the line they start on, so that a
later check (the JSON Schema, a reference to an unknown actor) can say
where the problem is.
"""

from pathlib import Path

import yaml

from .problems import Problem, SeedError


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
    """The YAML document in ``path`` with line numbers, or raise SeedError."""
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
