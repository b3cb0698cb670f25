"""What characters a seed text may hold.

Article texts and every string of a YAML seed may hold any character but
these: the C0 control characters other than tab, line feed and carriage
return (a NUL byte among them: SQLite's length() stops at it), DEL and the
C1 controls (U+0080 to U+009F, the mark of text decoded with the wrong
code page), and surrogates, which only a YAML escape such as "\\ud800"
can produce and which UTF-8 cannot encode.
"""

import re

FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def describe(char):
    """A forbidden character named for a person."""
    code = f"U+{ord(char):04X}"
    if char == "\x00":
        return f"a NUL byte ({code})"
    if "\ud800" <= char <= "\udfff":
        return f"a lone surrogate ({code}), which is not a character"
    return f"the control character {code}"


def forbidden(text):
    """The first forbidden character of ``text``, described, or None."""
    match = FORBIDDEN.search(text)
    return describe(match.group()) if match else None


def first_forbidden(text):
    """``(line, character offset, description, how many)`` of the first
    forbidden character of ``text``, or None."""
    match = FORBIDDEN.search(text)
    if not match:
        return None
    count = len(FORBIDDEN.findall(text))
    return text.count("\n", 0, match.start()) + 1, match.start(), describe(match.group()), count
