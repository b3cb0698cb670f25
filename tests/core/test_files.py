"""Reading text and YAML files (core/files.py): every problem names the file
and line."""

import os

import pytest

from peshawar.core import files
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


def test_a_symbolic_link_is_refused_unless_asked_for(tmp_path):
    target = tmp_path / "real.txt"
    target.write_text("text\n", encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    with pytest.raises(SeedError, match="link.txt: a symbolic link: seed files must be regular files"):
        read_text(link, "link.txt")
    assert read_text(link, "link.txt", follow_links=True)[0] == "text\n"


@pytest.mark.parametrize("target", ["/etc/passwd", "/dev/zero"])
def test_a_link_to_a_system_file_or_device_is_never_read(tmp_path, target):
    link = tmp_path / "article.txt"
    link.symlink_to(target)
    with pytest.raises(SeedError, match="a symbolic link"):
        read_text(link, "article.txt")


def test_a_device_pipe_or_folder_is_not_a_seed_file(tmp_path):
    pipe = tmp_path / "pipe.yml"
    os.mkfifo(pipe)
    (tmp_path / "folder.yml").mkdir()
    for path in (pipe, tmp_path / "folder.yml"):
        with pytest.raises(SeedError, match="not a regular file"):
            read_yaml(path, path.name)
    with pytest.raises(SeedError, match="not a regular file"):
        read_text("/dev/zero", "zero", follow_links=True)


def test_a_file_over_the_limit_is_refused_before_it_is_parsed(tmp_path):
    path = tmp_path / "big.yml"
    path.write_bytes(b"a: [" + b"1, " * 400 + b"1]\n")
    with pytest.raises(SeedError, match=r"big.yml: 1,207 bytes, more than the 1,000 a seed file may hold"):
        read_text(path, "big.yml", limit=1000)
    assert files.MAX_FILE_BYTES == 8 * 1024 * 1024


def test_a_file_longer_than_its_size_said_is_read_on_up_to_the_limit(tmp_path):
    # read_bytes asks for the size fstat gave; a file that grew after fstat
    # must still be read whole, or be seen to pass the limit.
    path = tmp_path / "grew.txt"
    path.write_bytes(b"x" * 200_000)
    descriptor = os.open(path, os.O_RDONLY)
    try:
        assert files._read_up_to(descriptor, 10, 300_000) == b"x" * 200_000
        os.lseek(descriptor, 0, os.SEEK_SET)
        assert len(files._read_up_to(descriptor, 10, 1001)) == 1001
    finally:
        os.close(descriptor)
