"""Reading text and YAML files (core/files.py): every problem names the file
and line."""

import pytest

from peshawar.core.files import read_text, read_yaml
from peshawar.core.problems import SeedError


def test_yaml_mappings_and_lists_remember_their_line(tmp_path):
    path = tmp_path / "x.yml"
    path.write_text("# a comment\nitems:\n  - id: a\n  - id: b\n", encoding="utf-8")
    data = read_yaml(path, "x.yml")
    assert data.line == 2
    assert [item.line for item in data["items"]] == [3, 4]


def test_malformed_yaml_names_file_and_line(tmp_path):
    path = tmp_path / "x.yml"
    path.write_text("a: 1\nb: [2\n", encoding="utf-8")
    with pytest.raises(SeedError) as raised:
        read_yaml(path, "seeds/x.yml")
    assert str(raised.value.problems[0]).startswith("seeds/x.yml:3: malformed YAML:")


def test_text_that_is_not_utf8_names_the_line_and_byte(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"one\ntwo \xff\n")
    with pytest.raises(SeedError) as raised:
        read_text(path, "a.txt")
    assert str(raised.value.problems[0]).startswith("a.txt:2: not valid UTF-8: byte 8")


def test_a_missing_file_is_named(tmp_path):
    with pytest.raises(SeedError, match="nope.txt: file not found"):
        read_text(tmp_path / "nope.txt", "nope.txt")
