"""The draft writer (drafts/yaml_text.py): what it writes reads back through
the seeds' own YAML reader as exactly the document it meant, with the line
of every mapping and list it says."""

import random

import pytest

from peshawar.core.files import read_yaml
from peshawar.core.problems import SeedError
from peshawar.drafts.yaml_text import draft_text, scalar


def same(written, read):
    """Equal values and types all the way down, and equal lines on every mapping and list."""
    if isinstance(written, dict):
        assert list(written) == list(read)
        assert written.line == read.line, (dict(written), written.line, read.line)
        for key in written:
            same(written[key], read[key])
    elif isinstance(written, list):
        assert len(written) == len(read) and written.line == read.line
        for one, other in zip(written, read):
            same(one, other)
    else:
        assert type(read) is type(written) and written == read, (written, read)


def read_back(tmp_path, header, document):
    text, lined = draft_text(header, document)
    path = tmp_path / "draft.yml"
    path.write_text(text, encoding="utf-8")
    return lined, read_yaml(path, "draft.yml")


NASTY = [
    "", " ", "yes", "No", "null", "~", "true", "on", "1", "1.5", "0x1F", "1e3", "2014-12-16", "12:30", "- item",
    "key: value", "a # not a comment", "#", "'single'", '"double"', "back\\slash", "tab\there", "line\nbreak",
    "cr\rreturn", "sep\u2028line", "para\u2029graph", "bom\ufeff",
    "curly “quotes” and ‘single’", "no-break\u00a0space", "emoji 🙂", "@at", "`tick", "%percent",
    "!tag", "&anchor", "*alias", "[flow]", "{flow}", "|", ">", "?", "a-slug", "a_rule", "ends-", "x",
]


# Control characters (NEL, DEL, C1, NUL, BEL) are left out: no seed may hold
# them (core/text.py), so an article holding one never gets a draft.


def test_every_kind_of_scalar_reads_back(tmp_path):
    document = {"strings": NASTY, "numbers": [0, -3, 148, 1.0, 0.85, 1e16, 1e-05, -2.5, 1500000.0],
                "others": [None, True, False], "empty_list": [], "empty_map": {}}
    written, read = read_back(tmp_path, ["a header", "", "with: yaml # look"], document)
    same(written, read)


def test_a_draft_shaped_document_reads_back_with_its_lines(tmp_path):
    rng = random.Random(7)
    alphabet = "abc XYZ 019:#-'\"\\\n\t“”’\u00a0\u2028é"
    rows = [{"id": f"x-auto-q{n:03d}", "text": "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 40))),
             "speaker": rng.choice([None, "some-actor"]), "part": rng.choice([1, 2]), "confidence": rng.random()}
            for n in range(30)]
    document = {"article": "x", "status": "draft",
                "metadata": {"file": "x.txt", "title": {"value": "A: title", "status": "stated"}},
                "quotes": rows, "claims": [], "citations": rows[:3]}
    written, read = read_back(tmp_path, ["Draft of 'x'"], document)
    same(written, read)
    assert written["quotes"][1].line == written["quotes"][0].line + len(rows[0])


@pytest.mark.parametrize("value,text", [("an-id", "an-id"), ("yes", '"yes"'), ("Two words", '"Two words"'), (None, "null"), (3, "3")])
def test_slugs_stay_plain_and_everything_else_is_quoted(value, text):
    assert scalar(value) == text


@pytest.mark.parametrize("value,name", [(("a", "tuple"), "tuple"), (b"bytes", "bytes"), ({1, 2}, "set"),
                                        (float("nan"), "nan"), (float("inf"), "inf"), (float("-inf"), "-inf")])
def test_a_value_a_draft_cannot_hold_is_refused_by_name(value, name):
    with pytest.raises(ValueError, match=f"no {name}"):
        scalar(value)


def test_the_seeds_reader_refuses_what_the_writer_refuses(tmp_path):
    path = tmp_path / "draft.yml"
    for text in (".nan", ".inf", "-.inf"):
        path.write_text(f"value: {text}\n", encoding="utf-8")
        with pytest.raises(SeedError):
            read_yaml(path, "draft.yml")
