"""Reading a UTF-8 text file or a YAML file, with file:line problems.

A seed file is read only if it is a regular file, not a symbolic link (a
link to a system file would be loaded as an article) nor a device or pipe
(which never ends), and holds at most MAX_FILE_BYTES: all checked before a
byte is parsed.

YAML is read by ``yaml_tree``: mappings and lists remember the line they
start on, so that a later check (the JSON Schema, a reference to an
unknown actor) can say where a problem is, and what a seed never needs
(anchors, tags, deep nesting, a repeated key) is refused by name.
"""

import errno
import os
import stat

import yaml

from .problems import Problem, SeedError
from .yaml_tree import Refusal, tree

# The most a seed file (an article text or a YAML file) may hold. The five
# seed articles hold 2.5 to 7 KB each and their annotation files 7 to 20 KB;
# a generated annotation file of 5 MB reads in about a second.
MAX_FILE_BYTES = 8 * 1024 * 1024
# A malformed file up to this size is read again by the pure parser for its
# message (see _malformed): at most a second or so.
PURE_RETRY_CHARACTERS = 256 * 1024
_NO_FOLLOW = getattr(os, "O_NOFOLLOW", 0)


def read_bytes(path, display, follow_links=False, limit=MAX_FILE_BYTES):
    """The bytes of a regular file of at most ``limit`` bytes, or raise SeedError.

    A symbolic link is refused unless ``follow_links``.
    """
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0) | (0 if follow_links else _NO_FOLLOW)
    try:
        if not follow_links and os.path.islink(path):
            raise OSError(errno.ELOOP, "symbolic link")
        descriptor = os.open(path, flags)
    except FileNotFoundError:
        raise SeedError([Problem(display, None, "file not found")])
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise SeedError([Problem(display, None, "a symbolic link: seed files must be regular files, not links")])
        raise SeedError([Problem(display, None, f"cannot read: {error.strerror}")])
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise SeedError([Problem(display, None, "not a regular file (a folder, device or pipe)")])
        raw = _read_up_to(descriptor, min(info.st_size, limit) + 1, limit + 1)
    finally:
        os.close(descriptor)
    if len(raw) > limit:
        raise SeedError([Problem(display, None, f"{max(info.st_size, len(raw)):,} bytes, more than the {limit:,} a seed file may hold")])
    return raw


def _read_up_to(descriptor, expected, most):
    """At most ``most`` bytes of an open file, asking for ``expected`` first.

    One read of the size fstat gave (plus a byte, to see the end) rather
    than of ``most``: a buffer of the largest size a file may have, 8 MB,
    allocated for every 4 KB article, was most of the time a warm build
    spent reading files. A file that grew after fstat is read on, so that
    one byte more than the limit still tells a file that is too large.
    """
    chunks, total, asked = [], 0, expected
    while total < most:
        chunk = os.read(descriptor, min(asked, most - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
        asked = 1 << 16
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


def read_text(path, display, follow_links=False, limit=MAX_FILE_BYTES):
    """Return ``(text, raw bytes)`` of a UTF-8 file, or raise SeedError."""
    raw = read_bytes(path, display, follow_links, limit)
    return decode(raw, display), raw


def decode(raw, display):
    """The text of the UTF-8 bytes ``raw`` of the file ``display``, or raise SeedError."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise SeedError(
            [Problem(display, line, f"not valid UTF-8: byte {error.start} ({raw[error.start:error.start + 1]!r}) {error.reason}")]
        )


def read_yaml(path, display, pure=False, raw=None):
    """The YAML document in ``path`` with line numbers, or raise SeedError.

    ``pure`` reads with PyYAML's pure-Python parser even where libyaml is
    installed (the tests hold the two to the same values). ``raw``: the
    file's bytes when the caller has read them already.
    """
    text = decode(raw, display) if raw is not None else read_text(path, display)[0]
    try:
        data, problems = tree(text, pure)
    except Refusal as refusal:
        raise SeedError([Problem(display, refusal.line, refusal.message)])
    except yaml.YAMLError as error:
        raise SeedError([_malformed(error, display, text, pure)])
    if problems:
        raise SeedError([Problem(display, line, message) for line, message in problems])
    return data


def _malformed(error, display, text, pure):
    """The Problem of a file that is not YAML.

    libyaml words its errors differently from the pure parser ("did not
    find expected ','" for "expected ',' ... but got '<stream end>'"); a
    file small enough to read again quickly is read again by the pure
    parser, so that a person sees the same message either way.
    """
    if not pure and len(text) <= PURE_RETRY_CHARACTERS:
        try:
            tree(text, pure=True)
        except yaml.YAMLError as pure_error:
            return _yaml_problem(pure_error, display, text, True)
        except Refusal as refusal:
            return Problem(display, refusal.line, refusal.message)
    return _yaml_problem(error, display, text, pure)


def _yaml_problem(error, display, text, pure):
    """The Problem of a YAMLError, on the line it names."""
    if isinstance(error, yaml.reader.ReaderError):
        # The C parser counts bytes of UTF-8, the pure one characters.
        before = text[: error.position] if pure or not isinstance(error.position, int) else text.encode("utf-8")[: error.position].decode("utf-8", "replace")
        character = f"U+{error.character:04X}" if isinstance(error.character, int) else repr(error.character)
        return Problem(display, before.count("\n") + 1, f"malformed YAML: {error.reason} ({character})")
    mark = getattr(error, "problem_mark", None)
    line = mark.line + 1 if mark else None
    reason = getattr(error, "problem", None) or str(error)
    context, context_mark = getattr(error, "context", None), getattr(error, "context_mark", None)
    if context and context_mark and context_mark.line + 1 != line:
        reason = f"{reason} ({context} on line {context_mark.line + 1})"
    return Problem(display, line, f"malformed YAML: {reason}")
