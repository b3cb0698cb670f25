"""Every quote, claim and citation as a W3C Web Annotation, one JSON-LD
AnnotationCollection that annotation tools and RDF readers can load.

Each annotation targets its article's text with two selectors: a
TextPositionSelector holding the database's own offsets, and a
TextQuoteSelector (exact, prefix, suffix) whose prefix and suffix grow until
the three together occur once in the text. Its body is the row: a Quotation,
Claim or Citation with every column but the span itself, each foreign key as
the referenced row's IRI and label (speaker, claimant, cited, topic ...).

Offsets. The Web Annotation Data Model (section 4.2.5, W3C Recommendation
2017) counts positions "in terms of unicode code points ... not in terms of
code units", start included and end excluded: exactly Python's str indexes
and SQLite's substr()/length() on TEXT, so the database's half-open offsets
are written as they are. A reader in JavaScript, whose strings index UTF-16
code units, must convert for characters outside the Basic Multilingual Plane
(emoji, some CJK), which count 1 here and 2 there; the seed texts have none.

IRIs. No article has a known web address, and none is guessed. An article's
text is named by its content, ni:///sha-256;<digest> (RFC 6920, "Naming
Things with Hashes", an IANA-registered URI scheme): the SHA-256 of the text
(articles.body as UTF-8), which is what the offsets index into, so the IRI
changes exactly when the selectors would stop holding. Rows of the database
are urn:peshawar-coverage:<table>:<id> (the row <id> of that table, on the
site at /peshawar/<table>/<id>), and the terms this file adds to the Web
Annotation vocabulary are urn:peshawar-coverage:vocab:<column>, each meaning
what the column of that name means in the data package. A URN names without
pretending to be an address.

anno.jsonld beside this module is the Web Annotation JSON-LD context,
byte-for-byte as W3C publishes it at http://www.w3.org/ns/anno.jsonld (from
W3C's repository w3c/web-annotation, admin/ns/anno.jsonld, under the W3C
Document License). Nothing here fetches it: the exporter reads it to keep its
own terms from redefining W3C's, and the tests serve it to the JSON-LD
processor.
"""

import base64
import hashlib
import json
from pathlib import Path
from urllib.parse import quote

from .shape import ShapeError, connect_read_only, read_metadata, read_tables

ANNO_CONTEXT_URL = "http://www.w3.org/ns/anno.jsonld"
ANNO_CONTEXT_PATH = Path(__file__).with_name("anno.jsonld")
ANNO_CONTEXT_SHA256 = "48c6e5e80f86bb1bf812233d13e70fab8b19516ac4e57e1e4576473f0bbd062e"

NAMESPACE = "urn:peshawar-coverage:"
VOCABULARY = NAMESPACE + "vocab:"

# The span tables that become annotations, and the class of each body.
SPAN_TABLES = {"quotes": "Quotation", "claims": "Claim", "citations": "Citation"}
CLASSES = {"Quotation": "schema:Quotation", "Claim": "schema:Claim", "Citation": "peshawar:Citation"}
# Columns the target carries (the span), so the body does not repeat them.
SPAN_COLUMNS = ("id", "text", "start_char", "end_char")
# Terms of anno.jsonld whose meaning our columns of the same name share:
# a claim's value is its rdf:value, a label an rdfs:label, a name a foaf:name.
# Any other column named like a W3C term is refused, not silently redefined.
SHARED_TERMS = frozenset({"value", "label", "name"})
# The body describes what the span is and who stands behind it.
MOTIVATION = "describing"
# Characters of context on each side of a TextQuoteSelector, doubled until
# prefix + exact + suffix occurs once in the text.
QUOTE_CONTEXT = 32


def anno_context():
    """The vendored W3C context document, checked to be the one W3C publishes."""
    raw = ANNO_CONTEXT_PATH.read_bytes()
    if hashlib.sha256(raw).hexdigest() != ANNO_CONTEXT_SHA256:
        raise ShapeError(f"{ANNO_CONTEXT_PATH}: not the W3C Web Annotation context (its SHA-256 differs)")
    return json.loads(raw)


def row_iri(table, row_id):
    return f"{NAMESPACE}{quote(table, safe='')}:{quote(str(row_id), safe='')}"


def text_iri(text):
    """ni:///sha-256;<base64url digest> (RFC 6920) of ``text`` as UTF-8."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "ni:///sha-256;" + base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def occurrences(text, part):
    """How many times ``part`` occurs in ``text``, overlaps included."""
    count, position = 0, text.find(part)
    while position != -1:
        count += 1
        position = text.find(part, position + 1)
    return count


def text_quote_selector(body, start, end):
    """exact, prefix and suffix that occur together only at ``start``."""
    exact, width = body[start:end], QUOTE_CONTEXT
    while True:
        prefix, suffix = body[max(0, start - width) : start], body[end : end + width]
        whole = start - width <= 0 and end + width >= len(body)
        if whole or occurrences(body, prefix + exact + suffix) == 1:
            return {"type": "TextQuoteSelector", "exact": exact, "prefix": prefix, "suffix": suffix}
        width *= 2


def _term(column_name, foreign):
    return column_name[: -len("_id")] if foreign and column_name.endswith("_id") else column_name


def _labels(conn, table):
    """{id: label} for a referenced table, by its label column (if any)."""
    if table.label_column is None or len(table.primary_key) != 1:
        return {}
    key = table.primary_key[0]
    return dict(conn.execute(f'select "{key}", "{table.label_column}" from "{table.name}"').fetchall())


class _Terms:
    """The collection's own JSON-LD terms, refusing any that would redefine
    a Web Annotation term or one another."""

    def __init__(self):
        self.w3c = set(anno_context()["@context"])
        self.iris = {"description": "dcterms:description"}  # the collection's own

    def define(self, term, iri):
        if term in self.w3c and term not in SHARED_TERMS:
            raise ShapeError(f"column {term!r} would redefine the Web Annotation term of that name")
        if term not in self.w3c and self.iris.setdefault(term, iri) != iri:
            raise ShapeError(f"column {term!r} would redefine the term {term!r} ({self.iris[term]})")


def _body(row, names, foreign, tables, labels, body_class):
    """The annotation body: every column but the span; foreign keys as {id, label}."""
    body = {"type": body_class}
    for name in names:
        value = row[name]
        if name in SPAN_COLUMNS or value is None:
            continue  # NULL is left out: no key means no value
        key = foreign.get(name)
        if key is None:
            body[_term(name, False)] = value
            continue
        linked = {"id": row_iri(key.table, value)}
        label_column = tables[key.table].label_column
        if label_column and labels[key.table].get(value) is not None:
            linked[label_column] = labels[key.table][value]
        body[_term(name, True)] = linked
    return body


def _annotation(table_name, row, body, article_iri, body_text):
    return {
        "id": row_iri(table_name, row["id"]),
        "type": "Annotation",
        "motivation": MOTIVATION,
        "body": body,
        "target": {
            "type": "SpecificResource",
            "source": {"id": article_iri, "type": "Text", "format": "text/plain"},
            "selector": [
                {"type": "TextPositionSelector", "start": row["start_char"], "end": row["end_char"]},
                text_quote_selector(body_text, row["start_char"], row["end_char"]),
            ],
        },
    }


def _table_annotations(conn, table, tables, labels, terms, articles, article_iris, body_class):
    """The annotations of one span table, defining its terms on the way."""
    foreign = {key.columns[0]: key for key in table.foreign_keys if len(key.columns) == 1}
    names = [column.name for column in table.columns]
    for name in names:
        if name not in SPAN_COLUMNS:
            terms.define(_term(name, name in foreign), f"peshawar:{_term(name, name in foreign)}")
    for key in foreign.values():
        if key.table not in labels:
            labels[key.table] = _labels(conn, tables[key.table])
        label_column = tables[key.table].label_column
        if label_column:
            terms.define(label_column, f"peshawar:{label_column}")
    quoted = ", ".join(f'"{name}"' for name in names)
    items = []
    for values in conn.execute(f'select {quoted} from "{table.name}" order by article_id, start_char, id'):
        row = dict(zip(names, values))
        body_text = articles[row["article_id"]]
        if body_text[row["start_char"] : row["end_char"]] != row["text"]:
            raise ShapeError(f"{table.name} {row['id']}: text is not the article's text at its offsets")
        body = _body(row, names, foreign, tables, labels, body_class)
        items.append(_annotation(table.name, row, body, article_iris[row["article_id"]], body_text))
    return items


def annotation_collection(conn, metadata, table_metadata):
    """The AnnotationCollection (a JSON-ready dict) of every span row."""
    tables = {table.name: table for table in read_tables(conn, table_metadata)}
    missing = [name for name in ("articles", *SPAN_TABLES) if name not in tables]
    if missing:
        raise ShapeError(f"the database has no {', '.join(missing)} table")
    articles = dict(conn.execute("select id, body from articles"))
    article_iris = {article_id: text_iri(body) for article_id, body in articles.items()}
    labels, terms, items = {}, _Terms(), []
    for table_name, body_class in SPAN_TABLES.items():
        items += _table_annotations(conn, tables[table_name], tables, labels, terms, articles, article_iris, body_class)
    context = {"peshawar": VOCABULARY, **CLASSES, **dict(sorted(terms.iris.items()))}
    return {
        "@context": [ANNO_CONTEXT_URL, context],
        "id": NAMESPACE + "annotations",
        "type": "AnnotationCollection",
        "label": " ".join(metadata["title"].split()) + ": quotes, claims and citations",
        "description": collection_description(metadata),
        "rights": metadata["license_url"],
        "total": len(items),
        "first": {"id": NAMESPACE + "annotations:page-1", "type": "AnnotationPage", "startIndex": 0, "items": items},
    }


def collection_description(metadata):
    return (
        f"{' '.join(str(metadata['license']).split())}. Every quote, claim and citation of the dataset, "
        "one annotation per row (its id is urn:peshawar-coverage:<table>:<row id>). "
        "Each target's source is the article text named by its SHA-256 (an ni: URI, RFC 6920); "
        "its TextPositionSelector counts Unicode code points, half-open, as the database does. "
        "The exact, prefix and suffix of each TextQuoteSelector are the articles' own words, "
        "which remain their publishers' work."
    )


def write_annotations(db_path, metadata_path, path, database="peshawar"):
    """Write the annotation collection to ``path``; return it."""
    metadata, table_metadata = read_metadata(metadata_path, database)
    for key in ("title", "license", "license_url"):
        if not metadata.get(key):
            raise ShapeError(f"{metadata_path}: `{key}` is needed for the annotations and is missing")
    conn = connect_read_only(db_path)
    try:
        collection = annotation_collection(conn, metadata, table_metadata)
    finally:
        conn.close()
    Path(path).write_text(json.dumps(collection, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return collection
