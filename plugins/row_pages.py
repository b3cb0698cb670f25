"""Row pages that read as sentences: a heading in words instead of a slug,
the row's own words set out, what it is in a few facts with names instead
of ids, and for quotes, claims and citations a "read in context" link to the
highlighted span on the article's reading page (templates/row.html).

ROW_PAGES holds, per table, the SQL that fetches what the page says and a
pure function that words it (tested without a server). A table without an
entry keeps Datasette's heading.
"""

from dataclasses import dataclass, field
from urllib.parse import quote

from datasette import hookimpl
from datasette.utils import tilde_decode, tilde_encode
from markupsafe import Markup, escape

# The article reading page marks these spans with id="<kind>-<row id>"
# (plugins/article_page.py): (table, anchor prefix).
ANCHORED = {"quotes": "quote", "claims": "claim", "citations": "citation"}

@dataclass
class RowPage:
    heading: str
    words: str | None = None  # the article's own words, shown as a quotation
    facts: list = field(default_factory=list)  # Markup or str, one line each
    article_id: str | None = None
    source: str | None = None


def words(value):
    return value.replace("_", " ") if value else value


def number(value):
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value}"


def qualified(value, qualifier):
    """'at least 145' (the qualifier's words, as the questions word it)."""
    words_before = "" if qualifier in (None, "exact") else words(qualifier) + " "
    return f"{words_before}{number(value)}"


def automatic_fact(row):
    if row.get("method") != "automatic":
        return None
    return (f"Found automatically by rule {row.get('rule') or 'unknown'}"
            f" (confidence {row.get('confidence')}); not yet checked by a person.")


def describe_quote(row):
    speaker = row["speaker"] or row["speaker_text"] or "an unidentified speaker"
    facts = [f"Said by {speaker}" + (f", named in the article as “{row['speaker_text']}”"
                                     if row["speaker_text"] and row["speaker_text"] != row["speaker"] else "") + "."]
    # The channel's words are often part of the cue ("said in a statement").
    cue_words = [row["cue"]] if row["cue"] else []
    if row["channel_text"] and not (row["cue"] and row["channel_text"] in row["cue"]):
        cue_words.append(row["channel_text"])
    if cue_words:
        facts.append("Attributed with: " + " · ".join(f"“{part}”" for part in cue_words) + ".")
    form = "A full quotation" if row["form"] == "full" else "A partial quotation (a fragment inside the writer's sentence)"
    if row["part"]:
        form += f", part {row['part']} of a quotation interrupted by its attribution"
    if row["is_pull_quote"]:
        form += ", set apart as a pull quote"
    facts.append(form + ".")
    if row["statement"]:
        facts.append(f"One rendering of the statement: {row['statement']}.")
    return RowPage(heading=f"Quote by {speaker} in {row['source']}", words=row["text"], facts=facts)


def describe_claim(row):
    if row["value"] is not None:
        figure = qualified(row["value"], row["qualifier"])
        counted = row["population"] or row["unit"]
        if counted and counted != "year":
            figure += f" {counted}"
        what = f"{words(row['kind']).capitalize()}: {figure}"
    else:
        what = f"{words(row['kind']).capitalize()} claim"
    if row["voice"] == "article":
        who = f"{row['claimant']} asserts it in its own voice" if row["claimant"] else \
            "The article asserts it in its own voice (its outlet is not stated)"
    else:
        who = f"Attributed to {row['claimant']}" + (f": “{row['attribution_text']}”" if row["attribution_text"] else "")
    facts = [who + "."]
    if row["topic"]:
        facts.append(f"Answers the question: {row['topic']}.")
    if row["event_date"]:
        facts.append(f"Dated {row['event_date']}.")
    return RowPage(heading=f"{what} in {row['source']}", words=row["text"], facts=facts)


def describe_citation(row):
    return RowPage(
        heading=f"{row['source']} credits {row['cited']}",
        words=row["text"],
        facts=[f"A credit of kind {words(row['kind'])}."],
    )


def describe_relation(row):
    return RowPage(
        heading=f"{row['subject']} {words(row['relation'])} {row['object']}",
        words=row["text"],
        facts=[f"According to {row['source']}."],
    )


def describe_mention(row):
    return RowPage(heading=f"{row['actor']} mentioned in {row['source']}", words=row["surface"],
                   facts=["Found by matching the actor's names and spellings."])


def describe_skipped(row):
    return RowPage(
        heading=f"A {words(row['span_kind'])} in {row['source']} that is not a {'quote' if row['span_kind'] == 'quotation' else 'claim'}",
        words=row["text"],
        facts=[f"Reason: {words(row['reason'])}."] + ([row["note"]] if row["note"] else []),
    )


def describe_provenance(row):
    value = row["value"] or "not stated"
    status = {"stated": "stated in the text", "inferred": "inferred from the text", "not_stated": "the text does not say"}
    return RowPage(
        heading=f"{words(row['field']).capitalize()} of {row['source']}: {value}",
        words=row["evidence"],
        facts=[status.get(row["status"], row["status"]).capitalize() + "."] + ([row["note"]] if row["note"] else []),
    )


def describe_actor(row):
    facts = [f"Kind: {words(row['kind'])}."]
    if row["description"]:
        facts.append(row["description"])
    if row["spellings"]:
        facts.append(f"Spelled in the articles: {row['spellings']}.")
    return RowPage(heading=row["name"], facts=facts)


def describe_alias(row):
    return RowPage(heading=f"“{row['alias']}”, a spelling of {row['actor']}")


def describe_labelled(row):
    return RowPage(heading=row["label"], facts=[row["description"]] if row["description"] else [])


def describe_gap(row):
    facts = [row["reason"] + "."]
    if row["confidence"] is not None:
        facts.append(f"The extractor's confidence in the row concerned: {row['confidence']}.")
    facts.append(f"To fix it: {row['file']}" + (f", line {row['line']}." if row["line"] else "."))
    return RowPage(heading=f"Needs a person: {words(row['kind'])} in {row['source']}",
                   words=row["text"] if row["text"] and len(row["text"]) > 1 else None, facts=facts)


ROW_PAGES = {
    "quotes": ("""
        select quotes.*, speakers.name as speaker, statements.label as statement,
          article_sources.source
        from quotes
          join article_sources on article_sources.article_id = quotes.article_id
          left join actors as speakers on speakers.id = quotes.speaker_id
          left join statements on statements.id = quotes.statement_id
        where quotes.id = :id""", describe_quote),
    "claims": ("""
        select claims.*, claimants.name as claimant, topics.label as topic, article_sources.source
        from claims
          join article_sources on article_sources.article_id = claims.article_id
          left join actors as claimants on claimants.id = claims.claimant_id
          left join topics on topics.id = claims.topic_id
        where claims.id = :id""", describe_claim),
    "citations": ("""
        select citations.*, cited.name as cited, article_sources.source
        from citations
          join article_sources on article_sources.article_id = citations.article_id
          join actors as cited on cited.id = citations.cited_id
        where citations.id = :id""", describe_citation),
    "actor_relations": ("""
        select actor_relations.*, subjects.name as subject, objects.name as object, article_sources.source
        from actor_relations
          join article_sources on article_sources.article_id = actor_relations.article_id
          join actors as subjects on subjects.id = actor_relations.subject_id
          join actors as objects on objects.id = actor_relations.object_id
        where actor_relations.id = :id""", describe_relation),
    "mentions": ("""
        select mentions.*, actors.name as actor, article_sources.source
        from mentions
          join article_sources on article_sources.article_id = mentions.article_id
          join actors on actors.id = mentions.actor_id
        where mentions.id = :id""", describe_mention),
    "skipped_spans": ("""
        select skipped_spans.*, article_sources.source
        from skipped_spans
          join article_sources on article_sources.article_id = skipped_spans.article_id
        where skipped_spans.id = :id""", describe_skipped),
    "review_queue": ("""
        select review_queue.*, article_sources.source
        from review_queue
          join article_sources on article_sources.article_id = review_queue.article_id
        where review_queue.id = :id""", describe_gap),
    "article_provenance": ("""
        select article_provenance.*, article_sources.source
        from article_provenance
          join article_sources on article_sources.article_id = article_provenance.article_id
        where article_provenance.id = :id""", describe_provenance),
    "actors": ("""
        select actors.*,
          (select group_concat(alias, ', ') from (
            select alias from actor_aliases where actor_id = actors.id order by alias
          )) as spellings
        from actors
        where actors.id = :id""", describe_actor),
    "actor_aliases": ("""
        select actor_aliases.*, actors.name as actor
        from actor_aliases
          join actors on actors.id = actor_aliases.actor_id
        where actor_aliases.id = :id""", describe_alias),
    "statements": ("select * from statements where id = :id", describe_labelled),
    "topics": ("select * from topics where id = :id", describe_labelled),
    "articles": ("select title as heading from articles where id = :id", lambda row: RowPage(heading=row["heading"])),
}


def page_for(table, row):
    """The RowPage of one row of ``table`` (a dict from ROW_PAGES' SQL)."""
    page = ROW_PAGES[table][1](row)
    page.article_id = row.get("article_id")
    page.source = row.get("source")
    extra = automatic_fact(row)
    if extra:
        page.facts.append(extra)
    page.facts = [fact if isinstance(fact, Markup) else escape(fact) for fact in page.facts]
    return page


@hookimpl
def extra_template_vars(template, database, table, view_name, request, datasette):
    if view_name != "row" or table not in ROW_PAGES or request is None:
        return {}
    pks = request.url_vars.get("pks", "")
    if "," in pks:
        return {}

    async def row_page():
        row_id = tilde_decode(pks)
        rows = (await datasette.get_database(database).execute(ROW_PAGES[table][0], {"id": row_id})).rows
        if not rows:
            return {}
        page = page_for(table, dict(rows[0]))
        article_url = context_url = None
        if page.article_id:
            article_url = datasette.urls.row(database, "articles", tilde_encode(page.article_id))
            if table in ANCHORED:
                context_url = article_url + "#" + quote(f"{ANCHORED[table]}-{row_id}", safe="")
        return {"row_page": page, "article_url": article_url, "context_url": context_url}

    return row_page
