"""Reading YAML (core/yaml_tree.py): values with their lines, and every
construct a seed never needs refused by name, by libyaml and by the pure
parser alike."""

from pathlib import Path

import pytest
import yaml

from peshawar.core import yaml_tree
from peshawar.core.files import read_yaml
from peshawar.core.problems import SeedError

ROOT = Path(__file__).resolve().parents[2]
SEED_YAML = sorted((ROOT / "seeds").glob("*.yml")) + sorted((ROOT / "seeds" / "annotations").glob("*.yml"))
PARSERS = [pytest.param(False, id="libyaml"), pytest.param(True, id="pure")]


def problems(tmp_path, text, pure):
    path = tmp_path / "x.yml"
    path.write_bytes(text.encode("utf-8", errors="surrogatepass"))
    with pytest.raises(SeedError) as raised:
        read_yaml(path, "seeds/x.yml", pure=pure)
    return [str(p) for p in raised.value.problems]


def test_the_pinned_pyyaml_has_libyaml():
    """Without the C extension reading falls back to the pure parser, several times slower."""
    assert yaml_tree.HAS_C_PARSER
    assert isinstance(yaml_tree.loader_for("a: 1"), yaml.cyaml.CParser)


@pytest.mark.parametrize("path", SEED_YAML, ids=lambda p: p.name)
def test_both_parsers_read_the_seeds_as_pyyaml_does(path):
    expected = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert read_yaml(path, path.name) == expected
    assert read_yaml(path, path.name, pure=True) == expected


@pytest.mark.parametrize("pure", PARSERS)
def test_lines_of_mappings_and_lists(tmp_path, pure):
    path = tmp_path / "x.yml"
    path.write_text("# c\nitems:\n  - id: a\n    tags: [x, y]\n  - {id: b}\n", encoding="utf-8")
    data = read_yaml(path, "x.yml", pure=pure)
    assert (data.line, data["items"].line) == (2, 3)
    assert [item.line for item in data["items"]] == [3, 5]
    assert data["items"][0]["tags"].line == 4


def test_the_pure_parser_is_used_where_libyaml_is_missing(tmp_path, monkeypatch):
    monkeypatch.setattr(yaml_tree, "HAS_C_PARSER", False)
    assert isinstance(yaml_tree.loader_for("a: 1"), yaml_tree._PureLoader)
    path = tmp_path / "x.yml"
    path.write_text("a: [1, 2]\na: 3\n", encoding="utf-8")
    with pytest.raises(SeedError, match="key 'a' given twice"):
        read_yaml(path, "x.yml")


@pytest.mark.parametrize("pure", PARSERS)
@pytest.mark.parametrize("text,expected", [
    ("quotes: [a]\ncitations:\n  - x\ncitations: []\n", "seeds/x.yml:4: key 'citations' given twice in one mapping (first on line 2)"),
    ("a:\n  id: x\n  id: y\n", "seeds/x.yml:3: key 'id' given twice"),
    ("a: &x [1, 2]\nb: *x\n", "seeds/x.yml:1: anchors and aliases (&name, *name) are not used in seeds"),
    ("a: [x]\nb: *x\n", "seeds/x.yml:2: anchors and aliases"),
    ("a: !!binary aGVsbG8=\n", "seeds/x.yml:1: an explicit tag (tag:yaml.org,2002:binary)"),
    ("a: !!python/object/apply:os.getcwd []\n", "seeds/x.yml:1: an explicit tag"),
    ("a:\n  <<: {b: 1}\n", "seeds/x.yml:2: a merge key (<<)"),
    ("? [a]\n: 1\n", "seeds/x.yml:1: a key that is a list or a mapping"),
    ("a: 1\n---\nb: 2\n", "seeds/x.yml:2: a second YAML document"),
    ("a: .inf\n", "seeds/x.yml:1: '.inf' is not a finite number"),
    ("a: [1, -.Inf]\n", "seeds/x.yml:1: '-.Inf' is not a finite number"),
    ("a: .nan\n", "seeds/x.yml:1: '.nan' is not a finite number"),
    ("a: 1.0e+400\n", "seeds/x.yml:1: '1.0e+400' is not a finite number"),
    ("a: 9223372036854775808\n", "seeds/x.yml:1: '9223372036854775808' is outside the integers the database stores"),
    ("a: -9223372036854775809\n", "is outside the integers the database stores"),
    ("a: " + "9" * 5000 + "\n", "seeds/x.yml:1: '99999"),
    ('a: "x\\0y"\n', "seeds/x.yml:1: a string holds a NUL byte (U+0000)"),
    ('a: "bell\\a"\n', "seeds/x.yml:1: a string holds the control character U+0007"),
    ('a: "\\x85"\n', "seeds/x.yml:1: a string holds the control character U+0085"),
])
def test_refused_by_name_and_line(tmp_path, pure, text, expected):
    assert any(expected in p for p in problems(tmp_path, text, pure))


def test_a_lone_surrogate_escape_is_refused(tmp_path):
    # libyaml refuses the escape itself; the pure parser builds the string
    # and the reader names the surrogate.
    assert problems(tmp_path, 'a: "\\ud800"\n', False) == ["seeds/x.yml:1: malformed YAML: found invalid Unicode character escape code"]
    assert problems(tmp_path, 'a: "\\ud800"\n', True) == ["seeds/x.yml:1: a string holds a lone surrogate (U+D800), which is not a character"]


@pytest.mark.parametrize("pure", PARSERS)
@pytest.mark.parametrize("text", [
    "a: " + "[" * 100_000 + "]" * 100_000 + "\n",
    "a: " + "[" * 100_000 + "\n",
    "a: " + "{a: " * 100_000 + "1" + "}" * 100_000 + "\n",
    "".join(" " * i + "a:\n" for i in range(40)) + " " * 40 + "a: 1\n",
    "".join(" " * i + "- \n" for i in range(40)),
], ids=["brackets", "unclosed", "flow-mappings", "block-mappings", "block-lists"])
def test_deep_nesting_is_refused_before_it_can_recurse(tmp_path, pure, text):
    assert problems(tmp_path, text, pure) == [f"seeds/x.yml:{_line(text)}: nested deeper than 32 levels (seeds need five)"]


def _line(text):
    return 1 if text.startswith("a: ") else 33


@pytest.mark.parametrize("pure", PARSERS)
def test_an_alias_bomb_is_refused_at_its_first_anchor(tmp_path, pure):
    bomb = "a0: &a0 [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]\n" for i in range(1, 10))
    assert problems(tmp_path, bomb, pure) == ["seeds/x.yml:1: anchors and aliases (&name, *name) are not used in seeds: write the value out"]


def test_too_many_values_are_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(yaml_tree, "MAX_NODES", 100)
    assert problems(tmp_path, "a: [" + ", ".join(["1"] * 200) + "]\n", False) == ["seeds/x.yml:1: more than 100 values in one file"]


@pytest.mark.parametrize("pure", PARSERS)
def test_dates_and_yaml_11_values_keep_their_meaning(tmp_path, pure):
    path = tmp_path / "x.yml"
    path.write_text("d: 2014-12-16\nbad: 2014-02-31\nn: ~\nb: yes\ni: 0x1f\nf: 1.5\ns: '148'\ne: =\n", encoding="utf-8")
    assert read_yaml(path, "x.yml", pure=pure) == {
        "d": "2014-12-16", "bad": "2014-02-31", "n": None, "b": True, "i": 31, "f": 1.5, "s": "148", "e": "=",
    }


def test_every_problem_of_a_file_is_reported(tmp_path):
    found = problems(tmp_path, "a: 1\na: 2\nb: .inf\nc: [1, 1.0e+999]\n", False)
    assert found == [
        "seeds/x.yml:2: key 'a' given twice in one mapping (first on line 1): YAML would keep only the last",
        "seeds/x.yml:3: '.inf' is not a finite number",
        "seeds/x.yml:4: '1.0e+999' is not a finite number",
    ]


@pytest.mark.parametrize("text", ["a: [1\n", "a: b: c\n", "- a\nb: 1\n", "a: 'x\n", "\tkey: 1\n", "a: b\x07\n"])
def test_malformed_yaml_gives_the_same_message_with_either_parser(tmp_path, text):
    assert problems(tmp_path, text, False) == problems(tmp_path, text, True)
