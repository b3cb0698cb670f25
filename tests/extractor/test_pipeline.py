"""The whole extraction (extractor/pipeline.py) and the `extract` command:
every finding verbatim on any text, nothing in the rules about the seeds,
one JSON object on stdout."""

import json
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from findings import verbatim
from peshawar.cli import cli
from peshawar.extractor import analyse, extract

ROOT = Path(__file__).resolve().parents[2]


def test_random_text_never_crashes_and_stays_verbatim(registry):
    pieces = ['"', "\u201c", "\u201d", "'", "\u2018", "\u2019", "\n", "\n\n", " ", ",", ".", ":", "said", "told",
              "Lopez", "he", "the commander", "According to", "at least", "12", "half a dozen", "one million",
              "June 3, 2015", "known as", "GW Photo/", "(", ")", "[", "](#)", "Read more here.", "people", "killed",
              "Mr.", "General", "\u2014", "-", "It's", "farmers'", "\u00a0", "10:10pm", "in a statement"]
    rng = random.Random(20141216)
    for _ in range(400):
        text = "".join(rng.choice(pieces) + rng.choice(["", " "]) for _ in range(rng.randint(0, 30)))
        verbatim(text, analyse(text, registry))


def test_empty_text_gives_empty_lists(registry):
    assert extract("", registry) == {"quotes": [], "claims": [], "mentions": [], "citations": []}


def test_rules_name_no_seed_strings():
    """The rules are generic: no actor, place or outlet of the seeds in them."""
    extractor = ROOT / "build" / "peshawar" / "extractor"
    sources = "".join(path.read_text(encoding="utf-8") for path in sorted(extractor.rglob("*")) if path.suffix in (".py", ".txt"))
    for word in ("Khorasani", "Abdullah", "Peshawar", "VICE", "Fazlullah", "Siddiqa", "Sharif", "Taliban", "NBC", "Waziristan"):
        assert word not in sources


def test_extract_command_prints_one_json_object(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text('"The river is rising," Maria Lopez said. At least 12 people were killed.\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(article)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) == {"quotes", "claims", "mentions", "citations"}
    for key, extra in (("quotes", {"speaker", "speaker_id", "cue"}), ("claims", {"value", "unit", "qualifier", "kind"}),
                       ("mentions", {"actor_id", "surface"}), ("citations", {"cited", "cited_id", "kind"})):
        for item in data[key]:
            assert {"text", "start_char", "end_char", "rule", "confidence"} | extra <= set(item)


def test_extract_as_a_module_prints_only_json(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("\u201cWe will stay,\u201d she said.", encoding="utf-8")
    completed = subprocess.run(
        [sys.executable, "-m", "peshawar", "extract", str(article)],
        capture_output=True, text=True, cwd=ROOT, env={"PYTHONPATH": str(ROOT / "build"), "PATH": "/usr/bin:/bin"},
    )
    assert completed.returncode == 0, completed.stderr
    assert len(completed.stdout.strip().splitlines()) == 1
    assert json.loads(completed.stdout)["quotes"][0]["text"] == "We will stay,"


def test_extract_empty_file(tmp_path):
    article = tmp_path / "empty.txt"
    article.write_bytes(b"")
    result = CliRunner().invoke(cli, ["extract", str(article)])
    assert json.loads(result.stdout) == {"quotes": [], "claims": [], "mentions": [], "citations": []}


@pytest.mark.parametrize("content", [b"\x89PNG\r\n\x1a\n\x00\x00", b"caf\xe9 au lait", None])
def test_extract_refuses_binary_missing_and_non_utf8(tmp_path, content):
    article = tmp_path / "bad.txt"
    if content is not None:
        article.write_bytes(content)
    result = CliRunner().invoke(cli, ["extract", str(article)])
    assert result.exit_code != 0
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_make_extract_prints_only_the_json_object(tmp_path):
    if shutil.which("make") is None or not (ROOT / ".venv" / "bin" / ".installed").exists():
        pytest.skip("make or the installed .venv is not available")
    article = tmp_path / "a.txt"
    article.write_text('"The river is rising," Maria Lopez said.', encoding="utf-8")
    completed = subprocess.run(["make", "--no-print-directory", "extract", f"FILE={article}"], capture_output=True, text=True, cwd=ROOT)
    assert completed.returncode == 0, completed.stderr
    assert set(json.loads(completed.stdout)) == {"quotes", "claims", "mentions", "citations"}


def test_a_text_over_the_limit_is_refused_by_name(registry):
    from peshawar.extractor import MAX_TEXT_CHARS, TextTooLong

    with pytest.raises(TextTooLong, match="at most"):
        analyse("a" * (MAX_TEXT_CHARS + 1), registry)
    assert extract("a" * 1000, registry)["quotes"] == []  # a text under it is read


def test_extract_refuses_a_text_over_the_limit_in_one_line(tmp_path):
    from peshawar.extractor import MAX_TEXT_CHARS

    article = tmp_path / "huge.txt"
    article.write_text("word " * (MAX_TEXT_CHARS // 5 + 1), encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(article)])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "MAX_TEXT_CHARS" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("text", ["Visit 127.0.0.1 now.", "Version 1.2.3.4.5.6 shipped.", "At 10.20.30 the count was 7."])
def test_runs_of_digit_groups_are_no_number_and_raise_nothing(registry, text):
    result = analyse(text, registry)
    verbatim(text, result)
    for claim in result["claims"]:
        if claim["text"].count(".") > 1:
            assert claim["value"] is None
