"""The scorer (peshawar/corpus/score.py and speakers.py) on hand-made
cases, and `python -m peshawar.corpus evaluate` with the extractor replaced
by a stand-in, so that these tests hold whatever the extractor becomes."""

import json

import pytest
from click.testing import CliRunner

from peshawar.corpus import extractor
from peshawar.corpus.cli import cli
from peshawar.corpus.format import gold_json
from peshawar.corpus.score import figures, found_speaker, match_quotes, score_article
from peshawar.corpus.speakers import head_noun, is_name, name_words, same_speaker

TEXT = (
    '"We will stay," said Sen. Maria Lopez, D-Ariz. She called the plan "slow and costly." '
    '"It is done," a city official said.\n'
)


def span(words, **fields):
    start = TEXT.index(words)
    return {"text": words, "start_char": start, "end_char": start + len(words), **fields}


GOLD = [
    span("We will stay,", form="full", speaker="Maria Lopez", speaker_as_written="Sen. Maria Lopez, D-Ariz.", speaker_form="name"),
    span("slow and costly.", form="partial", speaker="Maria Lopez", speaker_as_written="She", speaker_form="pronoun"),
    span("It is done,", form="full", speaker="a city official", speaker_as_written="a city official", speaker_form="description"),
]


def found(**speakers):
    """The gold as the extractor would print it, with chosen speakers."""
    rules = ["said_x_after", "cue_before_in_sentence", "x_said_after"]
    names = [speakers.get("first", "Maria Lopez"), speakers.get("second", "Lopez"), speakers.get("third", "the official")]
    return [{**span(g["text"]), "speaker": n, "speaker_id": None, "rule": r} for g, n, r in zip(GOLD, names, rules)]


# Same speaker? -----------------------------------------------------------------------

@pytest.mark.parametrize(
    "gold, said, right",
    [
        ("Debbie Stabenow", "Sen. Debbie Stabenow, D-Mich.", True),
        ("Debbie Stabenow", "Stabenow", True),
        ("Debbie Stabenow", "D-Mich.", False),
        ("Debbie Stabenow", "Mark Stabenow", False),
        ("Hillary Rodham Clinton", "Bill Clinton", False),
        ("Hillary Clinton", "Mrs. Clinton", True),
        ("Mitch McConnell", "Senate Majority Leader Mitch McConnell", True),
        ("John Kerry", "Secretary of State John Kerry", True),
        ("Tammy Baldwin", "Sen. Tammy Baldwin of Wisconsin", True),
        ("Hillary Clinton", "former secretary of state Hillary Clinton", True),
        ("Hillary Clinton", "a spokesman for Hillary Clinton", False),
        ("Haley Morris", "Spokeswoman Haley Morris", True),
        ("Brian Fallon", "Clinton campaign spokesman Brian Fallon", True),
        ("Abu Bakr al-Baghdadi", "al-Baghdadi", True),
        ("Donald Trump", "Donald Trump Jr.", False),
        ("Martin O’Malley", "O'Malley", True),
        ("the Interior Ministry", "Interior Ministry", True),
        ("a senior police official", "the official", True),
        ("officials", "senior officials", True),
        ("the Clinton campaign", "the Trump campaign", False),
        ("Clinton’s campaign", "the Clinton campaign", True),
        ("Donald Trump", "Tuesday", False),
        ("Ted Gillis", "his mother approached Gillis and", False),
        ("Donald Trump", "he", False),
        ("Donald Trump", None, False),
        (None, None, True),
        (None, "Trump", False),
    ],
)
def test_same_speaker(gold, said, right):
    assert same_speaker(gold, said) is right


def test_the_words_the_rules_compare():
    assert name_words("Sen. Debbie Stabenow, D-Mich.") == ["Debbie", "Stabenow"]
    assert head_noun("a spokesman for the campaign") == "spokesman"
    assert head_noun("officials") == "official"
    assert is_name("the State Department") and not is_name("the campaign")


def test_a_pronoun_with_an_actor_id_stands_for_the_registry_name():
    names = {"maria-lopez": "Maria Lopez"}
    assert found_speaker({"speaker": "she", "speaker_id": "maria-lopez"}, names) == "Maria Lopez"
    assert found_speaker({"speaker": "Lopez", "speaker_id": "maria-lopez"}, names) == "Lopez"
    assert found_speaker({"speaker": "she", "speaker_id": None}, names) == "she"


# Matching spans ----------------------------------------------------------------------

def test_spans_match_on_trimmed_overlap_one_to_one():
    text = 'He said "a b c d" then "e f".'
    gold = [{"start_char": 9, "end_char": 16}, {"start_char": 24, "end_char": 27}]
    # The same words with the marks and a comma around them match; half a
    # quotation does not (IoU 3/7 < 0.5); one found quote finds one gold quote.
    assert match_quotes(text, gold, [{"start_char": 8, "end_char": 17}]) == [(0, 0)]
    assert match_quotes(text, gold, [{"start_char": 9, "end_char": 12}]) == []
    assert match_quotes(text, gold, [{"start_char": 8, "end_char": 28}]) == []
    assert match_quotes(text, gold + [{"start_char": 9, "end_char": 16}], [{"start_char": 9, "end_char": 16}]) == [(0, 0)]


# Figures -------------------------------------------------------------------------------

def score(found_quotes, gold=GOLD):
    counts, records = score_article("a", TEXT, gold, found_quotes, {})
    counts["articles"] += 1
    return figures(counts), records


def test_right_answers_score_one():
    result, records = score(found())
    assert records == []
    for key in ("quote_precision", "quote_recall", "quote_f1", "partial_recall", "speaker_accuracy", "end_to_end"):
        assert result[key] == 1.0, key
    assert result["speaker_accuracy_by_form"]["pronoun"] == {"matched": 1, "right": 1, "accuracy": 1.0}
    assert result["speaker_accuracy_by_form"]["none"]["accuracy"] is None
    assert result["rules"]["cue_before_in_sentence"] == {"found": 1, "matched": 1, "speaker_right": 1, "speaker_rate": 1.0, "right_of_found": 1.0}


def test_a_missed_partial_quote_lowers_recall_and_partial_recall_only():
    result, records = score([q for q in found() if q["text"] != "slow and costly."])
    assert result["quote_precision"] == 1.0
    assert result["quote_recall"] == round(2 / 3, 4)
    assert result["partial_recall"] == 0.0
    assert [r["kind"] for r in records] == ["missed"]


def test_a_wrong_speaker_counts_against_its_form_and_its_rule():
    result, records = score(found(second="the plan"))
    assert result["speaker_accuracy"] == round(2 / 3, 4)
    assert result["end_to_end"] == round(2 / 3, 4)
    assert result["speaker_accuracy_by_form"]["pronoun"]["accuracy"] == 0.0
    assert result["speaker_accuracy_by_form"]["name"]["accuracy"] == 1.0
    assert result["rules"]["cue_before_in_sentence"]["speaker_rate"] == 0.0
    (record,) = records
    assert (record["kind"], record["gold_speaker"], record["found_speaker"]) == ("wrong_speaker", "Maria Lopez", "the plan")


def test_an_extra_quote_lowers_precision_and_counts_for_its_rule():
    extra = {"text": "plan", "start_char": TEXT.index("plan"), "end_char": TEXT.index("plan") + 4, "speaker": None, "rule": "unattributed"}
    result, records = score(found() + [extra])
    assert result["quote_precision"] == 0.75
    assert result["rules"]["unattributed"] == {"found": 1, "matched": 0, "speaker_right": 0, "speaker_rate": None, "right_of_found": 0.0}
    assert [r["kind"] for r in records] == ["extra"]


# The command ---------------------------------------------------------------------------

@pytest.fixture
def corpus(tmp_path):
    root = tmp_path / "tiny"
    (root / "articles").mkdir(parents=True)
    (root / "gold").mkdir()
    (root / "articles" / "lopez.txt").write_text(TEXT, encoding="utf-8")
    (root / "gold" / "lopez.json").write_text(gold_json("lopez", GOLD), encoding="utf-8")
    return root


def test_evaluate_prints_the_figures_and_a_json_last_line(corpus, monkeypatch, tmp_path):
    calls = []

    def stand_in(text, actors):
        calls.append(text)
        return found(second="the plan")

    monkeypatch.setattr(extractor, "quotes", stand_in)
    errors = tmp_path / "errors.jsonl"
    result = CliRunner().invoke(cli, ["evaluate", str(corpus), "--errors", str(errors)])
    assert result.exit_code == 0, result.output
    assert calls == [TEXT]
    lines = result.output.strip().splitlines()
    figures_line = json.loads(lines[-1])
    assert figures_line["tiny"]["speaker_accuracy"] == round(2 / 3, 4)
    assert "quote precision / recall / F1" in result.output
    assert [json.loads(line)["kind"] for line in errors.read_text(encoding="utf-8").splitlines()] == ["wrong_speaker"]


def test_evaluate_skips_articles_and_sums_several_corpora(corpus, monkeypatch):
    monkeypatch.setattr(extractor, "quotes", lambda text, actors: found())
    result = CliRunner().invoke(cli, ["evaluate", str(corpus), str(corpus), "--skip", "nothing-*"])
    last = json.loads(result.output.strip().splitlines()[-1])
    assert last["all"]["gold_quotes"] == 2 * len(GOLD)
    skipped = CliRunner().invoke(cli, ["evaluate", str(corpus), "--skip", "lop*"])
    assert json.loads(skipped.output.strip().splitlines()[-1])["tiny"]["articles"] == 0


def test_evaluate_refuses_a_corpus_with_problems(corpus, monkeypatch):
    monkeypatch.setattr(extractor, "quotes", lambda text, actors: pytest.fail("nothing is scored"))
    gold_file = corpus / "gold" / "lopez.json"
    gold_file.write_text(gold_file.read_text(encoding="utf-8").replace('"form": "partial"', '"form": "half"'), encoding="utf-8")
    result = CliRunner().invoke(cli, ["evaluate", str(corpus)])
    assert result.exit_code == 1
    assert f"{gold_file}:" in result.output and "form must be one of full, partial" in result.output


def test_calibration_sets_each_rule_against_its_measured_precision(corpus, monkeypatch):
    from collections import namedtuple

    Rule = namedtuple("Rule", "rule found right confidence")
    monkeypatch.setattr(extractor, "quotes", lambda text, actors: found(second="the plan"))
    monkeypatch.setattr(extractor, "quote_rules", lambda: [Rule("cue_before_in_sentence", 10, 5, 0.5), Rule("never_fired", 3, 1, 0.4)])
    result = CliRunner().invoke(cli, ["speaker-calibration", str(corpus)])
    assert result.exit_code == 0, result.output
    rows = {row["rule"]: row for row in json.loads(result.output.strip().splitlines()[-1])["rules"]}
    # The stand-in's found() gives each quote a rule; the table knows one of them.
    measured = {rule for rule in rows if rows[rule]["found"]}
    assert measured == {"said_x_after", "cue_before_in_sentence", "x_said_after"}
    # Its one quote got the wrong speaker ("the plan"): measured 0 of 1, table 0.5.
    assert (rows["cue_before_in_sentence"]["precision"], rows["cue_before_in_sentence"]["confidence"]) == (0.0, 0.5)
    assert rows["never_fired"] == {"rule": "never_fired", "found": 0, "speaker_right": 0, "precision": None,
                                   "table_found": 3, "table_right": 1, "confidence": 0.4}
    for name in measured - {"cue_before_in_sentence"}:
        assert rows[name]["confidence"] is None  # measured, but the table has no row for it
    assert "| rule | found | speaker right | precision |" in result.output
