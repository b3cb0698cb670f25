"""Joining one article to the comparison: its automatic findings linked to
what the seeds already know.

``join_article(article_id, text, result, context)`` takes the extractor's
result for one article (``extractor.analyse``) and returns it with:

- on claims a topic rules support: ``topic``, ``topic_rule``, ``topic_confidence``;
- on quotes that render a known statement: ``statement``,
  ``statement_rule``, ``statement_confidence``;
- on quotes whose speaker is unregistered: ``speaker_proposed`` (id, name,
  kind, kind_confidence), and the article's proposals as
  ``result["proposed_actors"]``.

It is a pure function of its arguments (the context is read once per run,
``JoinContext.from_seeds``), so an ingest maps it over articles with the
extractor. ``draft_fields`` and ``draft_proposed_actors`` say how the new
keys are written in a draft annotation file.
"""

from .actors import propose_actors
from .statements import link_statements
from .topics import add_topics


def join_article(article_id, text, result, context):
    """``result`` with the topic, statement and proposed-actor keys added."""
    joined = dict(result)
    joined["claims"] = add_topics(text, [dict(c) for c in result.get("claims", [])], context)
    quotes = link_statements([dict(q) for q in result.get("quotes", [])], context)
    joined["proposed_actors"] = propose_actors(article_id, text, quotes, context.registry)
    joined["quotes"] = quotes
    return joined


# Keys of a joined item and the draft keys they become, in draft order.
DRAFT_KEYS = (
    ("topic", "topic"), ("topic_rule", "topic_rule"), ("topic_confidence", "topic_confidence"),
    ("statement", "statement"), ("statement_rule", "statement_rule"), ("statement_confidence", "statement_confidence"),
)


def draft_fields(item):
    """The draft annotation keys a joined quote or claim adds to its row."""
    fields = {draft: item[key] for key, draft in DRAFT_KEYS if item.get(key) is not None}
    if item.get("speaker_proposed"):
        fields["speaker"] = item["speaker_proposed"]["id"]
    return fields


def draft_proposed_actors(result):
    """The draft's ``proposed_actors`` section: each proposal as the build reads it."""
    return [
        {"id": p["id"], "name": p["name"], "kind": p["kind"],
         **({"aliases": p["spellings"]} if p["spellings"] else {}),
         "method": "automatic", "rule": p["kind_rule"], "confidence": p["kind_confidence"]}
        for p in result.get("proposed_actors", [])
    ]
