"""The PolNeAR converter on a split written here in PolNeAR's formats (a
text, brat .ann attribution files, CoreNLP XML): PolNeAR itself is not
needed, nor copied. The expected gold is written by hand below."""

import json
import re

import pytest
from click.testing import CliRunner

from peshawar.corpus.cli import cli
from peshawar.corpus.format import read_corpus
from peshawar.corpus.polnear import ConversionError, article_id, convert_split, read_brat

STEM = "usa-today_2016-03-01_mayor-plans-a-new-bridge"

TEXT = """Mayor Plans a New Bridge.

Mayor Ana Ruiz said on Monday that the city “will build the bridge by spring.”

“We have waited long enough,” Ruiz said. “The river will not wait for us.”

She added that the cost was “modest” and that the so-called “fast lane” would stay.

“Nobody asked us,” said a local shopkeeper.

“It is time,” Ms. Ruiz said.

“Time to build.”

The “bridge tax” is unpopular.
"""

# (role, text as written, which occurrence): brat spans of each attribution.
ATTRIBUTIONS = [
    [("Source", "Mayor Ana Ruiz", 0), ("Cue", "said", 0), ("Content", "the city “will build the bridge by spring.”", 0)],
    [("Source", "Ruiz", 2), ("Cue", "said", 1), ("Content", "“We have waited long enough,”", 0), ("Content2", "“The river will not wait for us.”", 0)],
    [("Source", "She", 0), ("Cue", "added", 0), ("Content", "the cost was “modest” and that the so-called “fast lane” would stay", 0)],
    [("Source", "a local shopkeeper", 0), ("Cue", "said", 2), ("Content", "“Nobody asked us,”", 0)],
    [("Source", "Ms. Ruiz", 0), ("Cue", "said", 3), ("Content", "“It is time,” Ms. Ruiz said.\n\n“Time to build.”", 0)],
]

# Hand-written: what the gold must say.
EXPECTED = [
    ("will build the bridge by spring.", "partial", "Ana Ruiz", "Mayor Ana Ruiz", "name"),
    ("We have waited long enough,", "full", "Ana Ruiz", "Ruiz", "name"),
    ("The river will not wait for us.", "full", "Ana Ruiz", "Ruiz", "name"),
    ("modest", "partial", "Ana Ruiz", "She", "pronoun"),
    ("Nobody asked us,", "full", "a local shopkeeper", "a local shopkeeper", "description"),
    ("It is time,", "full", "Ana Ruiz", "Ms. Ruiz", "name"),
    # A quotation continued in the next paragraph: no attribution words there.
    ("Time to build.", "full", "Ana Ruiz", None, "none"),
]

# CoreNLP's view of the text: its sentences, each with the subject of its
# verb; parts of speech and entity tags for the words that need them.
SENTENCES = [
    ("Mayor Plans a New Bridge.", None),
    ("Mayor Ana Ruiz said on Monday that the city “will build the bridge by spring.”", ("said", "Ruiz")),
    ("“We have waited long enough,” Ruiz said.", ("said", "Ruiz")),
    ("“The river will not wait for us.”", None),
    ("She added that the cost was “modest” and that the so-called “fast lane” would stay.", ("added", "She")),
    ("“Nobody asked us,” said a local shopkeeper.", ("said", "shopkeeper")),
    ("“It is time,” Ms. Ruiz said.", ("said", "Ruiz")),
    ("“Time to build.”", None),
    ("The “bridge tax” is unpopular.", ("is", "tax")),
]
TAGS = {"Mayor": ("NNP", "O"), "Ana": ("NNP", "PERSON"), "Ruiz": ("NNP", "PERSON"), "Ms.": ("NNP", "O"), "Monday": ("NNP", "DATE"), "She": ("PRP", "O")}
CHAIN = [("Ana Ruiz", 0), ("Ruiz", 2), ("She", 0)]


def occurrence(text, words, n):
    starts = [m.start() for m in re.finditer(re.escape(words), text)]
    return starts[n]


def brat(text, attributions):
    lines, t, e = [], 1, 1
    for attribution in attributions:
        args, cue = [], None
        for role, words, n in attribution:
            start = occurrence(text, words, n)
            label = "Content" if role.startswith("Content") else role
            # brat writes a span's text with its line breaks in it: the rest
            # of the text goes on the following lines.
            lines.append(f"T{t}\t{label} {start} {start + len(words)}\t{words}")
            args.append(f"{role}:T{t}")
            cue = t if role == "Cue" else cue
            t += 1
        # PolNeAR's event names its cue span once more, as "Attribution".
        lines.append(f"E{e}\tAttribution:T{cue} " + " ".join(args))
        e += 1
    return "\n".join(lines) + "\n"


def corenlp_xml(text):
    xml = ['<?xml version="1.0" encoding="UTF-8"?>', "<root><document><sentences>"]
    where, cursor = {}, 0  # token start offset -> (sentence id, token id)
    for number, (sentence, subject) in enumerate(SENTENCES, 1):
        offset = text.index(sentence, cursor)
        cursor = offset + len(sentence)
        tokens = [(m.group(), offset + m.start(), offset + m.end()) for m in re.finditer(r"Ms\.|[\w’-]+|[^\w\s]", sentence)]
        xml.append(f'<sentence id="{number}"><tokens>')
        for i, (word, start, end) in enumerate(tokens, 1):
            pos, ner = TAGS.get(word, ("NN" if word[0].isalpha() else word, "O"))
            where[start] = (number, i)
            xml.append(
                f'<token id="{i}"><word>{word}</word><CharacterOffsetBegin>{start}</CharacterOffsetBegin>'
                f"<CharacterOffsetEnd>{end}</CharacterOffsetEnd><POS>{pos}</POS><NER>{ner}</NER></token>"
            )
        xml.append('</tokens><dependencies type="basic-dependencies">')
        if subject:
            words = [w for w, _, _ in tokens]
            verb, noun = words.index(subject[0]) + 1, words.index(subject[1]) + 1
            xml.append(f'<dep type="root"><governor idx="0">ROOT</governor><dependent idx="{verb}">{subject[0]}</dependent></dep>')
            xml.append(f'<dep type="nsubj"><governor idx="{verb}">{subject[0]}</governor><dependent idx="{noun}">{subject[1]}</dependent></dep>')
        xml.append("</dependencies></sentence>")
    xml.append("</sentences><coreference><coreference>")
    for words, n in CHAIN:
        first = where[occurrence(text, words, n)]
        last = where[occurrence(text, words, n) + len(words) - len(words.split()[-1])]
        xml.append(
            f"<mention><sentence>{first[0]}</sentence><start>{first[1]}</start><end>{last[1] + 1}</end>"
            f"<head>{last[1]}</head><text>{words}</text></mention>"
        )
    xml.append("</coreference></coreference></document></root>")
    return "\n".join(xml)


@pytest.fixture
def split(tmp_path):
    root = tmp_path / "train"
    for folder in ("text", "attributions", "corenlp"):
        (root / folder).mkdir(parents=True)
    (root / "text" / f"{STEM}.txt").write_text(TEXT, encoding="utf-8")
    (root / "attributions" / f"{STEM}_aaaa.ann").write_text(brat(TEXT, ATTRIBUTIONS), encoding="utf-8")
    # A second annotator of the same article: the first in name order is used.
    (root / "attributions" / f"{STEM}_zzzz.ann").write_text(brat(TEXT, ATTRIBUTIONS[:1]), encoding="utf-8")
    (root / "corenlp" / f"{STEM}.txt.xml").write_text(corenlp_xml(TEXT), encoding="utf-8")
    return root


def test_the_gold_of_the_fixture(split):
    converted, totals = convert_split(split)
    assert list(converted) == [article_id(STEM)]
    text, quotes = converted[article_id(STEM)]
    assert text == TEXT
    got = [(q["text"], q["form"], q["speaker"], q["speaker_as_written"], q["speaker_form"]) for q in quotes]
    assert got == EXPECTED
    for quote in quotes:
        assert text[quote["start_char"]:quote["end_char"]] == quote["text"]
        assert quote["source_ref"].startswith(f"{STEM}_aaaa.ann#E")


def test_what_is_left_out_is_counted(split):
    _, totals = convert_split(split)
    assert totals["quotes"] == len(EXPECTED)
    assert totals["terms"] == 1  # the so-called “fast lane”
    assert totals["unattributed"] == 1  # the “bridge tax”, in no content
    assert totals["unattributed_spans"] == [(article_id(STEM), "bridge tax")]
    assert totals["without_corenlp"] == []


def test_without_corenlp_the_fallbacks_still_give_the_names(split):
    (split / "corenlp" / f"{STEM}.txt.xml").unlink()
    converted, totals = convert_split(split)
    assert totals["without_corenlp"] == [STEM]
    quotes = converted[article_id(STEM)][1]
    assert [q["speaker"] for q in quotes][:3] == ["Ana Ruiz"] * 3


def test_a_broken_annotation_file_is_reported_with_its_line(split):
    ann = split / "attributions" / f"{STEM}_aaaa.ann"
    lines = ann.read_text(encoding="utf-8").splitlines()
    lines[2] = "T3\tContent 10 99999\tnowhere"
    ann.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(ConversionError) as error:
        convert_split(split)
    assert str(error.value.problems[0]).startswith(f"{ann}:3: ")


def test_brat_span_text_over_a_line_break():
    text = "Intro.\n\n“One.\n\n“Two.” she said."
    start = text.index("“One")
    end = text.index(".”") + 2
    ann = f"T1\tContent {start} {end}\t{text[start:end]}\nT2\tSource {text.index('she')} {text.index('she') + 3}\tshe\nE1\tAttribution:T2 Content:T1 Source:T2\n"
    attributions, flagged = read_brat(ann, text, "x.ann")
    assert attributions[0].content == [(start, end)]
    assert flagged == []


def test_the_command_writes_the_corpus_and_its_checksums_the_same_twice(split, tmp_path):
    dest = tmp_path / "corpus"
    runner = CliRunner()
    first = runner.invoke(cli, ["convert-polnear", str(split), str(dest)])
    assert first.exit_code == 0, first.output
    summary = json.loads(first.output.strip().splitlines()[-1])
    assert summary["quotes"] == len(EXPECTED)
    corpus = read_corpus(dest)
    assert corpus.problems == []
    sums = (dest / "SHA256SUMS").read_text(encoding="utf-8")
    assert sums.splitlines() and all(len(line.split("  ")[0]) == 64 for line in sums.splitlines())
    second = runner.invoke(cli, ["convert-polnear", str(split), str(dest)])
    assert json.loads(second.output.strip().splitlines()[-1])["sha256"] == summary["sha256"]
    assert runner.invoke(cli, ["checksum", str(dest)]).output.strip() == summary["sha256"]
    assert sorted(p.name for p in dest.iterdir()) == ["SHA256SUMS", "articles", "gold"]
