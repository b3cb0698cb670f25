"""New articles joined to the comparison: automatic claims get topics,
automatic quotes are linked to the statements they render, unregistered
speakers become proposed actors.

``topics.py`` (topic rules as data), ``statements.py`` (links to statements,
scored by ``core.renderings``), ``actors.py`` (proposed actors and their
kinds), ``context.py`` (what the seeds know, read once per run) and
``article.py`` (``join_article``, and how its keys are written in a draft).

``join`` may import ``core``, ``dataset`` and ``extractor``; nothing in them
imports it.
"""

from .context import JoinContext
from .article import draft_fields, draft_proposed_actors, join_article

__all__ = ["JoinContext", "draft_fields", "draft_proposed_actors", "join_article"]
