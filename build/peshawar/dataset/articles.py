"""Rows of the articles table and of article_provenance: each metadata
field's value, whether the text states it or a reader inferred it, and the
words of the text it rests on."""

import hashlib

from ..core.spans import SpanError, locate
from .dates import date_problem
from .schema import check_lists


def sha256_hex(raw):
    return hashlib.sha256(raw).hexdigest()


def article_rows(seeds, rows):
    """Every article with a text; return ``{article id: outlet id or None}``."""
    articles, provenance = rows.table("articles"), rows.table("article_provenance")
    outlets = {}
    # The metadata fields are the values article_provenance.field allows.
    fields = check_lists()[("article_provenance", "field")]
    for article in seeds.articles:
        display, line = article["_file"], article.line
        article_id = article["id"]
        if not rows.unique("articles", article_id, display, line) or article_id not in seeds.bodies:
            continue
        body = seeds.bodies[article_id]
        values = {}
        for field_name in fields:
            if field_name not in article:
                continue  # an optional field (url) nobody gave
            row = _provenance_row(article, field_name, body, rows)
            if row is not None:
                values[field_name] = row["value"]
                provenance.append(row)
        if values.get("title") is None:
            rows.problem(display, line, f"article {article_id}: a title is required")
            continue
        annotation = seeds.annotations.get(article_id)
        outlets[article_id] = values.get("outlet")
        articles.append({
            "id": article_id, "outlet_id": values.get("outlet"), "title": values["title"],
            "short_label": article.get("short_label"),
            "subtitle": values.get("subtitle"), "byline": values.get("byline"),
            "dateline": values.get("dateline"), "published_date": values.get("published_date"),
            "body": body, "sha256": sha256_hex(seeds.raw[article_id]),
            "source_file": f"seeds/articles/{article['file']}",
            "original_file": article.get("original_file"), "url": values.get("url"), "char_count": len(body),
            "annotation_status": annotation[1]["status"] if annotation else "draft",
        })
    return outlets


def _provenance_row(article, field_name, body, rows):
    """The article_provenance row of one metadata field, or None with a problem."""
    display, article_id = article["_file"], article["id"]
    entry = article[field_name]
    value, status = entry.get("value"), entry["status"]
    where = f"article {article_id}: {field_name}"
    entry_line = getattr(entry, "line", article.line)
    if (status == "given") != (field_name == "url" and value is not None):
        rows.problem(display, entry_line, f"{where}: status given is for a url someone supplied, and a url can only be given")
        return None
    if (status == "not_stated") != (value is None):
        rows.problem(display, entry_line, f"{where}: a value is given exactly when the status is stated or inferred")
        return None
    evidence = entry.get("evidence", value if status == "stated" else None)
    if status == "inferred" and not evidence:
        rows.problem(display, entry_line, f"{where}: an inferred value needs the evidence it was inferred from")
        return None
    start = end = None
    if evidence:
        try:
            start, end = locate(body, evidence, entry.get("occurrence"))
        except SpanError as error:
            rows.problem(display, entry_line, f"{where}: evidence {error}")
            return None
    if field_name == "outlet" and not rows.known_actor(value, where, display, entry_line):
        return None
    if field_name == "published_date" and value is not None and date_problem(value):
        rows.problem(display, entry_line, f"{where}: {date_problem(value)}")
        return None
    return {
        "id": f"{article_id}-{field_name.replace('_', '-')}", "article_id": article_id,
        "field": field_name, "value": value, "status": status, "evidence": evidence,
        "start_char": start, "end_char": end, "note": entry.get("note"),
    }
