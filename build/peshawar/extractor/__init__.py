"""The extractor: one article's text in, its quotes, claims, citations and
mentions out, each a verbatim span with the rule that found it and a
confidence.

``extract(text, registry)`` is a pure function of the text and the actor
registry (``core.registry``): no database, no network, no state kept
between articles. The stages are modules with one job each, run in this
order by ``pipeline.py``:

- ``mentions``: aliases of the registry, surnames, new names;
- ``marks`` and ``sentences``: quotation marks paired, quotations masked,
  paragraphs and sentences split (``reading`` runs the shared pass);
- ``cues``: speech cues and the phrase each attributes to (``phrases``);
- ``coreference``: names, pronouns and descriptions resolved to actors;
- ``quotes`` (with ``attribution``): quotes told from scare quotes and names, and their speakers;
- ``numbers`` and ``claims``: figures, their qualifiers, units, kinds and claimants;
- ``citations``: the outside sources an article credits.

``extractor`` imports ``core`` and never ``dataset``.
"""

from ..core.registry import Registry, load_registry
from .pipeline import MAX_TEXT_CHARS, TextTooLong, analyse, extract

__all__ = ["MAX_TEXT_CHARS", "Registry", "TextTooLong", "analyse", "extract", "load_registry"]
