"""The curated dataset: seeds in, peshawar.db out.

``seeds.py`` reads and validates the seed files, ``rows.py`` turns them
into the rows of every table (one module per table family: ``lookups.py``,
``articles.py``, ``annotations.py``), ``coverage.py`` lists the quotation
marks and numbers no annotation accounts for, ``schema.py`` reads the shape
of the database from ``schema/*.sql``, and ``load.py`` writes the database
atomically.

``dataset`` imports ``core`` and never ``extractor``.
"""
