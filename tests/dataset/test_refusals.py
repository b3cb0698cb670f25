"""Bad seeds are refused by name, by `check` exactly as by `build`.

Every case below built with exit 0 (losing or corrupting data) or crashed
with a traceback before the seeds were read safely (issue 12). Each is
given to both commands, which share one validation path: both must exit 1
with the same problems, each naming its file (and line), none a traceback
or a fragment of SQL, and the previous database must be byte-identical.
"""

import os
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from peshawar.cli import cli
from peshawar.dataset.load import build_database

ROOT = Path(__file__).resolve().parents[2]
MEN = "annotations/men-who-shot-132-children.yml"
GROUP = "annotations/group-behind-brutal-school-attack.yml"
MEN_TEXT = "articles/men-who-shot-132-children.txt"


def line_of(name, text):
    """The line of the seeds on which ``text`` first appears (so that a seed edited or grown
    elsewhere does not break these tests)."""
    lines = (ROOT / "seeds" / name).read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if text in line)


def edit(seeds, name, old, new):
    path = seeds / name
    text = path.read_text(encoding="utf-8")
    assert old in text, (name, old)
    path.write_bytes(text.replace(old, new, 1).encode("utf-8", errors="surrogatepass"))


def append(seeds, name, text):
    with open(seeds / name, "a", encoding="utf-8") as handle:
        handle.write(text)


def symlink_to_copy(seeds, name, elsewhere):
    copy = elsewhere / Path(name).name
    shutil.move(seeds / name, copy)
    (seeds / name).symlink_to(copy)


# (how the seeds are broken, what a problem must say)
CASES = {
    "duplicate key drops citations": (
        lambda s, t: append(s, MEN, "citations: []\n"),
        r"seeds/annotations/men-who-shot-132-children\.yml:\d+: key 'citations' given twice in one mapping \(first on line " + str(line_of(MEN, "citations:")) + r"\)"),
    "duplicate key inside an item": (
        lambda s, t: edit(s, MEN, "    kind: date\n", "    kind: date\n    kind: year\n"),
        r"men-who-shot-132-children\.yml:\d+: key 'kind' given twice"),
    "annotation renamed .yaml": (
        lambda s, t: (s / MEN).rename(s / MEN.replace(".yml", ".yaml")),
        r"seeds/annotations/men-who-shot-132-children\.yaml: annotation files end in \.yml: rename it to men-who-shot-132-children\.yml"),
    "annotation renamed .YML": (
        lambda s, t: (s / MEN).rename(s / MEN.replace(".yml", ".YML")),
        r"seeds/articles\.yml:" + str(line_of("articles.yml", "- id: men-who-shot-132-children")) + r": article men-who-shot-132-children has no annotation file seeds/annotations/men-who-shot-132-children\.yml"),
    "annotation deleted": (
        lambda s, t: (s / MEN).unlink(),
        r"seeds/articles\.yml:" + str(line_of("articles.yml", "- id: men-who-shot-132-children")) + r": article men-who-shot-132-children has no annotation file"),
    "annotation named for another article": (
        lambda s, t: (s / MEN).rename(s / "annotations/men.yml"),
        r"seeds/annotations/men\.yml:\d+: annotates article 'men-who-shot-132-children' but is named men\.yml"),
    "month 13": (
        lambda s, t: edit(s, MEN, 'date: "2014"', 'date: "2014-13"'),
        r"men-who-shot-132-children\.yml:" + str(line_of(MEN, "- id: men132-c07")) + r": claim men132-c07: '2014-13' is not a real date: month must be in 1\.\.12"),
    "february 31": (
        lambda s, t: edit(s, MEN, 'date: "2014-12-17"', 'date: "2014-02-31"'),
        r"men-who-shot-132-children\.yml:" + str(line_of(MEN, "- id: men132-c06")) + r": claim men132-c06: '2014-02-31' is not a real date: day is out of range for month"),
    "unquoted impossible date": (
        lambda s, t: edit(s, MEN, 'date: "2014-12-17"', "date: 2014-02-31"),
        r"claim men132-c06: '2014-02-31' is not a real date"),
    "published date 20141216": (
        lambda s, t: edit(s, "articles.yml", 'value: "2014-12-17"', 'value: "20141216"'),
        r"seeds/articles\.yml:" + str(line_of("articles.yml", 'value: "2014-12-17"')) + r": articles/\d+/published_date/value: '20141216' does not match"),
    "published date 2014-12-32": (
        lambda s, t: edit(s, "articles.yml", 'value: "2014-12-17"', 'value: "2014-12-32"'),
        r"seeds/articles\.yml:\d+: article vice-why-taliban-massacred-children: published_date: '2014-12-32' is not a real date"),
    "year claim of 12345": (
        lambda s, t: edit(s, GROUP, "value: 2007", "value: 12345"),
        r"group-behind-brutal-school-attack\.yml:" + str(line_of(GROUP, "- id: group-c06")) + r": claim group-c06: 12345 is not a year"),
    "infinite value": (
        lambda s, t: edit(s, GROUP, "value: 2007", "value: .inf"),
        r"group-behind-brutal-school-attack\.yml:" + str(line_of(GROUP, "value: 2007")) + r": '\.inf' is not a finite number"),
    "not a number": (
        lambda s, t: edit(s, GROUP, "value: 2007", "value: .nan"),
        r"group-behind-brutal-school-attack\.yml:" + str(line_of(GROUP, "value: 2007")) + r": '\.nan' is not a finite number"),
    "integer too large for SQLite": (
        lambda s, t: edit(s, GROUP, "value: 2007", "value: 99999999999999999999"),
        r"group-behind-brutal-school-attack\.yml:" + str(line_of(GROUP, "value: 2007")) + r": '99999999999999999999' is outside the integers the database stores"),
    "id ending in a newline": (
        lambda s, t: edit(s, MEN, "  - id: men132-c07\n", '  - id: "men132-c07\\n"\n'),
        r"men-who-shot-132-children\.yml:" + str(line_of(MEN, "- id: men132-c07")) + r": claims/\d+/id: 'men132-c07\\n' does not match"),
    "id with a space": (
        lambda s, t: edit(s, "topics.yml", "  - id: attackers\n", "  - id: the attackers\n"),
        r"seeds/topics\.yml:" + str(line_of("topics.yml", "- id: attackers")) + r": topics/\d+/id: 'the attackers' does not match"),
    "id with a control character": (
        lambda s, t: edit(s, "topics.yml", "  - id: attackers\n", '  - id: "attack\\x01ers"\n'),
        r"seeds/topics\.yml:" + str(line_of("topics.yml", "- id: attackers")) + r": a string holds the control character U\+0001"),
    "symlinked article": (
        lambda s, t: symlink_to_copy(s, MEN_TEXT, t),
        r"seeds/articles/men-who-shot-132-children\.txt: a symbolic link"),
    "article linked to a system file": (
        lambda s, t: ((s / MEN_TEXT).unlink(), (s / MEN_TEXT).symlink_to("/etc/passwd")),
        r"seeds/articles/men-who-shot-132-children\.txt: a symbolic link"),
    "symlinked annotation": (
        lambda s, t: symlink_to_copy(s, MEN, t),
        r"seeds/annotations/men-who-shot-132-children\.yml: a symbolic link"),
    "symlinked actors": (
        lambda s, t: symlink_to_copy(s, "actors.yml", t),
        r"seeds/actors\.yml: a symbolic link"),
    "symlinked folder": (
        lambda s, t: symlink_to_copy(s, "annotations", t),
        r"seeds/annotations: a symbolic link: the seeds are read from real folders only"),
    "NUL byte in an article": (
        lambda s, t: (s / MEN_TEXT).write_bytes((s / MEN_TEXT).read_bytes().replace(b"Peshawar", b"Pesh\x00awar", 1)),
        r"seeds/articles/men-who-shot-132-children\.txt:\d+: a NUL byte \(U\+0000\) at character \d+: an article text may hold tabs and line breaks"),
    "escape character in an article": (
        lambda s, t: (s / MEN_TEXT).write_bytes(b"\x1b[31m" + (s / MEN_TEXT).read_bytes()),
        r"men-who-shot-132-children\.txt:1: the control character U\+001B at character 0"),
    "lone surrogate": (
        lambda s, t: edit(s, "topics.yml", "label: Number of attackers", 'label: "Number of \\ud800 attackers"'),
        r"seeds/topics\.yml:" + str(line_of("topics.yml", "label: Number of attackers")) + r": malformed YAML: found invalid Unicode character escape code"),
    "NUL escape in a YAML string": (
        lambda s, t: edit(s, "topics.yml", "label: Number of attackers", 'label: "Number of \\0 attackers"'),
        r"seeds/topics\.yml:" + str(line_of("topics.yml", "label: Number of attackers")) + r": a string holds a NUL byte \(U\+0000\)"),
    "relation from an actor to itself": (
        lambda s, t: edit(s, MEN, "    object: pakistani-taliban\n", "    object: mohammad-omar-khorasani\n"),
        r"men-who-shot-132-children\.yml:" + str(line_of(MEN, "- id: men132-r01")) + r": relation men132-r01: 'mohammad-omar-khorasani' is both subject and object"),
    "deep nesting": (
        lambda s, t: append(s, "topics.yml", "deep: " + "[" * 100_000 + "]" * 100_000 + "\n"),
        r"seeds/topics\.yml:\d+: nested deeper than 32 levels"),
    "alias bomb": (
        lambda s, t: append(s, "topics.yml", "a0: &a0 [x, x, x, x, x, x, x, x, x]\n" + "".join(
            f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]\n" for i in range(1, 10))),
        r"seeds/topics\.yml:\d+: anchors and aliases \(&name, \*name\) are not used in seeds"),
    "empty title": (
        lambda s, t: edit(s, "articles.yml", "value: Peshawar School Massacre Splits Afghan, Pakistani Militant Groups", "value: ''"),
        r"seeds/articles\.yml:" + str(line_of("articles.yml", "value: Peshawar School Massacre Splits")) + r": articles/\d+/title/value: '' should be non-empty"),
    "a pipe instead of a file": (
        lambda s, t: ((s / MEN_TEXT).unlink(), os.mkfifo(s / MEN_TEXT)),
        r"seeds/articles/men-who-shot-132-children\.txt: not a regular file"),
}
RAW = re.compile(r"Traceback|constraint failed|CHECK|sqlite3|\b[A-Z]\w*Error\b")


def problem_lines(result):
    return [line[2:] for line in result.stderr.splitlines() if line.startswith("  ")]


@pytest.mark.parametrize("case", CASES)
def test_check_and_build_refuse_alike_and_keep_the_database(tmp_path, case):
    seeds = tmp_path / "seeds"
    shutil.copytree(ROOT / "seeds", seeds)
    target = tmp_path / "db" / "peshawar.db"
    target.parent.mkdir()
    build_database(seeds, target)
    previous = target.read_bytes()
    (tmp_path / "elsewhere").mkdir()
    breaking, expected = CASES[case]
    breaking(seeds, tmp_path / "elsewhere")

    runner = CliRunner()
    checked = runner.invoke(cli, ["check", "--seeds", str(seeds)])
    built = runner.invoke(cli, ["build", "--seeds", str(seeds), "--db", str(target)])
    for result in (checked, built):
        assert result.exit_code == 1, result.output
        assert isinstance(result.exception, SystemExit), result.exception
    assert problem_lines(checked) == problem_lines(built)
    lines = problem_lines(built)
    assert any(re.search(expected, line) for line in lines), lines
    for line in lines:
        assert re.match(r"(seeds(/[^:]+)?(:\d+)?: |\u2026 and [\d,]+ more problems)", line), line
        assert not RAW.search(line), line
    assert target.read_bytes() == previous
    assert os.listdir(target.parent) == ["peshawar.db"]
    # One broken file is one problem, not one per reference into it.
    assert len(lines) <= 2, lines


def test_a_file_with_a_hundred_thousand_problems_gives_a_bounded_report(tmp_path):
    seeds = tmp_path / "seeds"
    shutil.copytree(ROOT / "seeds", seeds)
    (seeds / "topics.yml").write_text("topics:\n" + "  - id: Bad Id\n    label: x\n" * 100_000, encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--seeds", str(seeds)])
    assert result.exit_code == 1
    lines = problem_lines(result)
    assert len(lines) == 51
    assert lines[0] == "seeds/topics.yml:2: topics/0/id: 'Bad Id' does not match '^[a-z0-9]+(-[a-z0-9]+)*$'"
    assert re.fullmatch(r"\u2026 and [\d,]+ more problems \([\d,]+ in all, in \d+ files?\)", lines[-1])
    assert len(result.stderr) < 10_000


def test_an_article_with_nothing_annotated_yet_is_an_explicit_draft(tmp_path):
    seeds = tmp_path / "seeds"
    shutil.copytree(ROOT / "seeds", seeds)
    (seeds / MEN).write_text("article: men-who-shot-132-children\nstatus: draft\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--seeds", str(seeds)])
    assert result.exit_code == 0, result.output
    assert "gaps in draft annotations" in result.stderr


def test_hidden_files_beside_the_annotations_are_ignored_and_others_refused(tmp_path):
    seeds = tmp_path / "seeds"
    shutil.copytree(ROOT / "seeds", seeds)
    (seeds / "annotations" / ".men.yml.swp").write_bytes(b"\x00binary")
    assert CliRunner().invoke(cli, ["check", "--seeds", str(seeds)]).exit_code == 0
    (seeds / "annotations" / "notes.txt").write_text("notes\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--seeds", str(seeds)])
    assert problem_lines(result) == ["seeds/annotations/notes.txt: not an annotation file: annotations/ holds only <article id>.yml files"]


@pytest.mark.parametrize("column,value,what", [
    ("value", 2**70, "a number too large for the database"),
    ("text", "\ud800", "text that cannot be written as UTF-8"),
    ("kind", "not-a-kind", "a row that breaks one of the database's rules"),
])
def test_a_row_the_checks_missed_is_still_a_named_error_and_keeps_the_database(tmp_path, monkeypatch, column, value, what):
    """The last line of defence: rows that got past the seed checks (none
    do that the fuzz has found) still give one plain message, not SQL."""
    from peshawar.dataset import load
    from peshawar.core.problems import SeedError

    real_add = load.Loader.add

    def add_with_a_bad_row(self, tables):
        if "claims" in tables:
            columns, rows = tables["claims"]
            rows[0][list(columns).index(column)] = value
        return real_add(self, tables)

    target = tmp_path / "peshawar.db"
    build_database(ROOT / "seeds", target)
    previous = target.read_bytes()
    monkeypatch.setattr(load.Loader, "add", add_with_a_bad_row)
    with pytest.raises(SeedError) as raised:
        build_database(ROOT / "seeds", target)
    assert [str(p) for p in raised.value.problems] == [
        f"seeds: the database refused {what}, which the seed checks let through; please report this with the seeds that caused it"
    ]
    assert target.read_bytes() == previous
    assert os.listdir(tmp_path) == ["peshawar.db"]
