"""The Peshawar coverage toolkit: one house with two wings.

- ``core/``: what both wings share (the actor registry, spans and quotation
  marks, number tokens, file reading with file:line problems);
- ``dataset/``: seeds -> rows -> peshawar.db, the curated dataset;
- ``extractor/``: one article's text -> quotes, claims, citations, mentions;
- ``drafts.py`` (add-article) and ``evaluate.py`` use both wings;
  ``cli.py`` is the thin command line over all of them.
"""
