"""Reading and checking a corpus folder (peshawar/corpus/format.py): every
problem is reported as file:line: what, all of them in one pass."""

import json

import pytest

from peshawar.corpus.format import gold_json, read_corpus

TEXT = '"We will stay," Maria Lopez said. A local official called it "slow".\n'


def quote(text, **fields):
    start = TEXT.index(text)
    return {
        "text": text, "start_char": start, "end_char": start + len(text), "form": "full",
        "speaker": "Maria Lopez", "speaker_as_written": "Maria Lopez", "speaker_form": "name", **fields,
    }


GOOD = [
    quote("We will stay,"),
    quote("slow", form="partial", speaker="a local official", speaker_as_written="A local official", speaker_form="description"),
]


def make_corpus(root, quotes, text=TEXT, article="lopez-stays", raw=None):
    (root / "articles").mkdir(parents=True, exist_ok=True)
    (root / "gold").mkdir(parents=True, exist_ok=True)
    (root / "articles" / f"{article}.txt").write_text(text, encoding="utf-8")
    (root / "gold" / f"{article}.json").write_text(raw if raw is not None else gold_json(article, quotes), encoding="utf-8")
    return root


def test_a_good_corpus_reads_without_problems(tmp_path):
    corpus = read_corpus(make_corpus(tmp_path / "good", GOOD))
    assert corpus.problems == []
    assert corpus.name == "good"
    assert corpus.gold["lopez-stays"] == GOOD
    assert corpus.articles["lopez-stays"] == TEXT


def test_gold_json_is_stable_and_keeps_the_documented_key_order():
    shuffled = [dict(reversed(list(q.items()))) for q in GOOD]
    assert gold_json("a", shuffled) == gold_json("a", GOOD)
    assert list(json.loads(gold_json("a", shuffled))["quotes"][0]) == list(GOOD[0])


@pytest.mark.parametrize(
    "change, message",
    [
        ({"text": "We will stay"}, "text is not the article at"),
        ({"end_char": 999}, "are not a span of the article"),
        ({"form": "whole"}, "form must be one of full, partial"),
        ({"speaker_form": "title"}, "speaker_form must be one of"),
        ({"speaker": ""}, "speaker is empty"),
        ({"speaker_as_written": "Mary Lopez"}, "is not in the article"),
        ({"speaker_as_written": None}, "speaker_as_written is null exactly when speaker_form is none"),
        ({"colour": "red"}, "unknown key 'colour'"),
        ({"start_char": "5"}, "start_char must be an integer"),
        ({"speaker_method": "guess"}, "speaker_method must be one of"),
    ],
)
def test_each_problem_names_the_file_and_the_line_of_the_quote(tmp_path, change, message):
    root = make_corpus(tmp_path / "bad", [GOOD[0], {**GOOD[1], **change}])
    corpus = read_corpus(root)
    problems = [str(p) for p in corpus.problems]
    gold_file = root / "gold" / "lopez-stays.json"
    # The second quote's object starts on this line of the file.
    line = gold_file.read_text(encoding="utf-8").splitlines().index("    {", 4) + 1
    assert any(p.startswith(f"{gold_file}:{line}: quote 2: ") and message in p for p in problems), problems
    assert "lopez-stays" not in corpus.gold  # a gold with problems is not scored


def test_a_missing_key_and_crossing_quotes(tmp_path):
    missing = {k: v for k, v in GOOD[0].items() if k != "form"}
    crossing = quote('stay," Maria')
    corpus = read_corpus(make_corpus(tmp_path / "bad", [missing, crossing]))
    problems = [str(p) for p in corpus.problems]
    assert any("quote 1: form is missing" in p for p in problems)
    assert any("quote 2 overlaps quote 1 without lying inside it" in p for p in problems)


def test_the_same_span_twice_is_a_problem(tmp_path):
    corpus = read_corpus(make_corpus(tmp_path / "bad", [GOOD[0], GOOD[0]]))
    assert any("quote 2 overlaps quote 1" in str(p) for p in corpus.problems)


def test_a_quotation_inside_another_is_listed_as_well(tmp_path):
    # A nested quotation is its own gold quote, inside the one around it.
    corpus = read_corpus(make_corpus(tmp_path / "good", [GOOD[0], quote("will stay,", form="partial")]))
    assert corpus.problems == []


def test_invalid_json_gives_its_line(tmp_path):
    raw = '{\n  "article": "lopez-stays",\n  "quotes": [\n    {"text": }\n  ]\n}\n'
    corpus = read_corpus(make_corpus(tmp_path / "bad", [], raw=raw))
    (problem,) = corpus.problems
    assert str(problem).startswith(f"{tmp_path / 'bad' / 'gold' / 'lopez-stays.json'}:4: not valid JSON")


def test_files_that_do_not_pair_up_and_bad_names(tmp_path):
    root = make_corpus(tmp_path / "bad", GOOD)
    (root / "articles" / "orphan.txt").write_text("No gold for me.\n", encoding="utf-8")
    (root / "gold" / "Bad_Name.json").write_text("{}", encoding="utf-8")
    (root / "gold" / "lonely.json").write_text(gold_json("lonely", []), encoding="utf-8")
    (root / "gold" / "wrong-article.json").write_text(gold_json("other", []), encoding="utf-8")
    (root / "articles" / "wrong-article.txt").write_text("Text.\n", encoding="utf-8")
    problems = [str(p) for p in read_corpus(root).problems]
    assert any(p.endswith("orphan.txt: no gold file gold/orphan.json") for p in problems)
    assert any("Bad_Name.json: a gold file is named <id>.json" in p for p in problems)
    assert any(p.endswith("lonely.json: no article file articles/lonely.txt") for p in problems)
    assert any("wrong-article.json:2: article is 'other', the file name says 'wrong-article'" in p for p in problems)


def test_an_article_that_is_not_utf8(tmp_path):
    root = make_corpus(tmp_path / "bad", [])
    (root / "articles" / "lopez-stays.txt").write_bytes(b"line one\nbad \xff byte\n")
    (problem,) = read_corpus(root).problems
    assert str(problem).startswith(f"{root / 'articles' / 'lopez-stays.txt'}:2: not UTF-8")


def test_a_folder_without_articles_or_gold(tmp_path):
    (tmp_path / "empty").mkdir()
    problems = [str(p) for p in read_corpus(tmp_path / "empty").problems]
    assert len(problems) == 2 and all("folder missing" in p for p in problems)
