"""Benchmarks: commands that measure the toolkit and the site and print their
figures, ending with one JSON line. They are not tests; the suite runs only
small subsets of them, asserting behaviour, never timings.

- ``load``: many mixed requests against the site served by `make serve`.
- ``server``: start and stop that site on a free local port, read its memory.
"""
