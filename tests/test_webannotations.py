"""The W3C Web Annotations: JSON-LD that a conforming processor (pyld) expands
against the Web Annotation context without dropping anything, one annotation
per quote, claim and citation, each of whose selectors selects exactly the
row's text in its article.

No network: the context is the copy vendored beside the exporter, served to
pyld by a document loader that refuses every other address.
"""

import base64
import copy
import hashlib
import json
import sqlite3
from pathlib import Path

import pytest
from pyld import jsonld

from peshawar.export.dist import ANNOTATIONS
from peshawar.export.webannotations import ANNO_CONTEXT_PATH, annotation_collection

ROOT = Path(__file__).resolve().parents[1]
ANNO_URL = "http://www.w3.org/ns/anno.jsonld"
OA = "http://www.w3.org/ns/oa#"
AS = "http://www.w3.org/ns/activitystreams#"
XSD_NON_NEGATIVE = "http://www.w3.org/2001/XMLSchema#nonNegativeInteger"
SPAN_TABLES = ("quotes", "claims", "citations")


def local_loader(url, options=None):
    if url.rstrip("/") not in (ANNO_URL, ANNO_URL.replace("http:", "https:")):
        raise AssertionError(f"the test may not fetch {url}")
    return {
        "contentType": "application/ld+json",
        "contextUrl": None,
        "documentUrl": url,
        "document": json.loads(ANNO_CONTEXT_PATH.read_text(encoding="utf-8")),
    }


def expand(document):
    dropped = []
    expanded = jsonld.expand(document, {"documentLoader": local_loader}, on_property_dropped=dropped.append)
    return expanded, dropped


@pytest.fixture(scope="module")
def collection(dist_dir):
    return json.loads((dist_dir / ANNOTATIONS).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def items(collection):
    return collection["first"]["items"]


def ni_iri(text):
    """RFC 6920: ni:///sha-256;<base64url of the digest, no padding>."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "ni:///sha-256;" + base64.urlsafe_b64encode(digest).decode("ascii").rstrip("=")


def selectors(annotation):
    return {selector["type"]: selector for selector in annotation["target"]["selector"]}


def row_of(db, annotation):
    _, _, table, row_id = annotation["id"].split(":", 3)
    return table, db[table].get(row_id)


# JSON-LD -------------------------------------------------------------------------


def test_the_collection_expands_against_the_web_annotation_context(collection, db):
    expanded, dropped = expand(collection)
    assert dropped == []
    (root,) = expanded
    assert root["@type"] == [AS + "OrderedCollection"]
    (page,) = root[AS + "first"]
    annotations = page[AS + "items"][0]["@list"]
    total = sum(db[table].count for table in SPAN_TABLES)
    assert len(annotations) == total == collection["total"]
    for annotation in annotations:
        assert annotation["@type"] == [OA + "Annotation"]
        assert annotation[OA + "motivatedBy"] == [{"@id": OA + "describing"}]
        (target,) = annotation[OA + "hasTarget"]
        assert target[OA + "hasSource"][0]["@id"].startswith("ni:///sha-256;")
        kinds = {selector["@type"][0]: selector for selector in target[OA + "hasSelector"]}
        assert set(kinds) == {OA + "TextPositionSelector", OA + "TextQuoteSelector"}
        start = kinds[OA + "TextPositionSelector"][OA + "start"][0]
        assert start["@type"] == XSD_NON_NEGATIVE and isinstance(start["@value"], int)
        assert kinds[OA + "TextQuoteSelector"][OA + "exact"][0]["@value"]


def test_an_undefined_term_would_be_caught(collection):
    """The check above can fail: a key the contexts do not define is reported."""
    broken = copy.deepcopy(collection)
    broken["first"]["items"][0]["body"]["made_up_term"] = "lost in expansion"
    _, dropped = expand(broken)
    assert dropped == ["made_up_term"]


def test_the_vendored_context_is_the_w3c_one():
    context = json.loads(ANNO_CONTEXT_PATH.read_text(encoding="utf-8"))["@context"]
    assert context["oa"] == OA
    assert context["TextPositionSelector"] == "oa:TextPositionSelector"
    assert context["start"] == {"@id": "oa:start", "@type": "xsd:nonNegativeInteger"}
    assert hashlib.sha256(ANNO_CONTEXT_PATH.read_bytes()).hexdigest() == (
        "48c6e5e80f86bb1bf812233d13e70fab8b19516ac4e57e1e4576473f0bbd062e"
    )


# Every row, every selector ---------------------------------------------------------


def test_one_annotation_per_quote_claim_and_citation(items, db):
    ids = [annotation["id"] for annotation in items]
    assert len(ids) == len(set(ids))
    expected = {f"urn:peshawar-coverage:{table}:{row_id}" for table in SPAN_TABLES for (row_id,) in db.execute(f"select id from {table}")}
    assert set(ids) == expected


def test_every_selector_selects_the_rows_text_in_its_article(items, db):
    texts = {ni_iri(body): body for (body,) in db.execute("select body from articles")}
    for annotation in items:
        table, row = row_of(db, annotation)
        body = texts[annotation["target"]["source"]["id"]]
        assert body == db["articles"].get(row["article_id"])["body"]
        chosen = selectors(annotation)
        position, quote = chosen["TextPositionSelector"], chosen["TextQuoteSelector"]
        start, end = position["start"], position["end"]
        assert (start, end) == (row["start_char"], row["end_char"])
        assert body[start:end] == quote["exact"] == row["text"]
        # The quote selector's three parts sit together at that place, and only there.
        assert body[start - len(quote["prefix"]) : start] == quote["prefix"]
        assert body[end : end + len(quote["suffix"])] == quote["suffix"]
        whole = quote["prefix"] + quote["exact"] + quote["suffix"]
        places = [i for i in range(len(body)) if body.startswith(whole, i)]
        assert places == [start - len(quote["prefix"])], annotation["id"]


def test_bodies_carry_the_row_with_names(items, db):
    names = dict(db.execute("select id, name from actors").fetchall())
    topics = dict(db.execute("select id, label from topics").fetchall())
    links = {"speaker_id": "speaker", "claimant_id": "claimant", "cited_id": "cited", "channel_id": "channel"}
    for annotation in items:
        table, row = row_of(db, annotation)
        body = annotation["body"]
        assert body["type"] == {"quotes": "Quotation", "claims": "Claim", "citations": "Citation"}[table]
        for column, term in links.items():
            if row.get(column):
                assert body[term] == {"id": f"urn:peshawar-coverage:actors:{row[column]}", "name": names[row[column]]}
            else:
                assert term not in body
        if row.get("topic_id"):
            assert body["topic"]["label"] == topics[row["topic_id"]]
        for column in ("value", "unit", "qualifier", "kind", "method", "rule", "confidence", "form", "cue"):
            if column in row:
                assert body.get(column) == row[column], (annotation["id"], column)
        if row.get("statement_id"):
            assert body["statement"]["id"] == f"urn:peshawar-coverage:statements:{row['statement_id']}"
    # The curated seeds give every kind of body something to carry.
    assert any("speaker" in a["body"] for a in items)
    assert any("claimant" in a["body"] and "value" in a["body"] for a in items)
    assert any("cited" in a["body"] for a in items)


# Offsets count code points, as the W3C model does ---------------------------------


def test_an_automatic_row_after_an_emoji(tmp_path):
    """A character outside the BMP counts one, as in Python and the W3C
    model (JavaScript would count two); the row's method, rule and
    confidence reach the body."""
    path = tmp_path / "tiny.db"
    body = "\U0001F600 The minister said: \u201cWe will not bow.\u201d"
    with sqlite3.connect(path) as conn:
        conn.executescript((ROOT / "schema" / "schema.sql").read_text(encoding="utf-8"))
        conn.execute("insert into actors (id, name, kind) values ('minister', 'The Minister', 'person')")
        conn.execute(
            "insert into articles (id, title, body, sha256, source_file, char_count, annotation_status) "
            "values ('a', 'A', ?, ?, 'a.txt', ?, 'draft')",
            [body, hashlib.sha256(body.encode()).hexdigest(), len(body)],
        )
        start = body.index("We")
        conn.execute(
            "insert into quotes (id, article_id, speaker_id, text, start_char, end_char, form, method, rule, confidence) "
            "values ('q', 'a', 'minister', 'We will not bow.', ?, ?, 'full', 'automatic', 'said-colon', 0.75)",
            [start, start + len("We will not bow.")],
        )
    conn = sqlite3.connect(path)
    metadata = {"title": "T", "license": "L", "license_url": "https://example.org/l"}
    (annotation,) = annotation_collection(conn, metadata, {})["first"]["items"]
    position = selectors(annotation)["TextPositionSelector"]
    # 1 for the emoji + 20 for " The minister said: " + 1 for the curly quote.
    # The schema's trigger accepted the row, so SQLite's substr() counts the
    # same way; a JavaScript string would put the start one unit later.
    assert position["start"] == 22
    assert len(body[: position["start"]].encode("utf-16-le")) // 2 == 23
    assert annotation["body"]["method"] == "automatic"
    assert annotation["body"]["rule"] == "said-colon"
    assert annotation["body"]["confidence"] == 0.75
    assert annotation["body"]["speaker"] == {"id": "urn:peshawar-coverage:actors:minister", "name": "The Minister"}
    assert annotation["target"]["source"]["id"] == ni_iri(body)
