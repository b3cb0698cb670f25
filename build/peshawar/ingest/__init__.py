"""Ingest: many articles at once into the seeds, as drafts.

``sources`` reads the inputs (a folder of .txt files, a JSON Lines or CSV
file) and names what is wrong with a bad one; ``plan`` gives each article
its id and sets aside what is already in the seeds or repeats; ``work`` is
the pure function mapped over the articles (extract, join, write the draft's
text, compute its rows), on a process pool or a Dask cluster (``mapping``);
``run`` writes the files and the build cache and sums up. ``add-article``
is the one-article case (``add``).
"""
