"""Drafts: what the toolkit writes for a new article before a person has
read it. ``metadata`` words each metadata field with its provenance,
``annotation`` turns the extractor's findings into annotation rows marked
automatic, and ``yaml_text`` writes the draft file. Nothing here touches a
file; ``ingest`` writes them.
"""

from .annotation import draft_annotation, draft_document, header_lines
from .metadata import AddError, metadata_entry
from .yaml_text import draft_text

__all__ = ["AddError", "draft_annotation", "draft_document", "draft_text", "header_lines", "metadata_entry"]
