"""The word lists (extractor/lexicon/): plain files a reader can scan, each
read by the extractor, each described in the README, none listed twice."""

import ast
import re
from pathlib import Path

import pytest

from peshawar.core.word_lists import read_word_list
from peshawar.dataset.schema import check_lists
from peshawar.extractor import lexicon

DIRECTORY = Path(lexicon.__file__).parent
LISTS = sorted(path.stem for path in DIRECTORY.glob("*.txt"))


def lists_read():
    """The lists the toolkit's code reads: ``lexicon.NAME``, ``from .lexicon
    import NAME``, or ``lexicon.entries("name")`` and its kin."""
    read = set()
    for path in (DIRECTORY.parent.parent).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").endswith("lexicon"):
                read |= {alias.name.lower() for alias in node.names if alias.name.isupper()}
            elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "lexicon" and node.attr.isupper():
                read.add(node.attr.lower())
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and getattr(node.func.value, "id", None) == "lexicon":
                read |= {arg.value for arg in node.args if isinstance(arg, ast.Constant) and isinstance(arg.value, str)}
            elif isinstance(node, ast.Call) and getattr(node.func, "id", None) in ("entries", "words") and node.args:
                read |= {arg.value for arg in node.args if isinstance(arg, ast.Constant) and isinstance(arg.value, str)}
    return read


READ = lists_read()


def test_there_are_lists():
    assert {"speech_verbs", "title_words", "months", "qualifiers"} <= set(LISTS)


@pytest.mark.parametrize("name", LISTS)
def test_each_list_has_entries_and_none_twice(name):
    entries = lexicon.entries(name)
    assert entries
    assert len(entries) == len(set(entries)), [e for e in entries if entries.count(e) > 1]
    assert all(entry == " ".join(entry.split()) for entry in entries)


@pytest.mark.parametrize("name", LISTS)
def test_each_list_is_read_by_the_toolkit_and_described_in_the_readme(name):
    assert name in READ, f"{name}.txt is read by nothing"
    assert f"`{name}.txt`" in (DIRECTORY / "README.md").read_text(encoding="utf-8")


def test_the_readme_names_no_list_that_does_not_exist():
    named = set(re.findall(r"`([\w]+)\.txt`", (DIRECTORY / "README.md").read_text(encoding="utf-8")))
    assert named - {"number_words"} <= set(LISTS)


def test_comments_and_blank_lines_are_not_entries(tmp_path):
    path = tmp_path / "list.txt"
    path.write_text("# a comment\n\nword  # why it is here\n two   words \n", encoding="utf-8")
    assert read_word_list(path) == ("word", "two words")


def test_a_phrase_matches_across_any_whitespace():
    assert re.fullmatch(lexicon.phrase_pattern("death toll"), "death \n toll")
    assert re.fullmatch(lexicon.phrase_pattern("at least"), "at\u00a0least")
    assert not re.fullmatch(lexicon.phrase_pattern("at least"), "atleast")


def test_the_calendar_is_stated_once():
    assert lexicon.MONTHS[0] == "January" and lexicon.MONTHS[-1] == "December" and len(lexicon.MONTHS) == 12
    assert len(lexicon.WEEKDAYS) == 7
    for abbreviation in lexicon.MONTH_ABBREVIATIONS:
        assert any(month.startswith(abbreviation) for month in lexicon.MONTHS), abbreviation


def test_qualifiers_are_values_the_schema_allows():
    assert {key for key, _ in lexicon.keyed("qualifiers")} <= set(check_lists()[("claims", "qualifier")])


def test_each_noun_counts_one_population():
    nouns = [noun for _, noun in lexicon.keyed("people_nouns")]
    assert len(nouns) == len(set(nouns))
    assert {population for population, _ in lexicon.keyed("people_nouns")} == {"people", "children", "attackers", "militants", "troops"}
