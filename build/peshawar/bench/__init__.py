"""Benchmarks: commands that measure the toolkit and the site and print their
figures, ending with one JSON line. They are not tests; the suite runs only
small subsets of them, asserting behaviour, never timings.

- ``load``: many mixed requests against the site served by `make serve`.
- ``server``: start and stop that site on a free local port, read its memory.
- ``corpus``: generated articles ingested and built in a copy of the seeds (`make bench`).
- ``fuzz`` (with ``mutations``): broken copies of the seeds built over a
  previous database, each answer classified (`make fuzz`).
- ``yaml_speed``: MB/s of the seed YAML reader (`make bench-yaml`).
- ``build_floor``: the seeds' build against a bare executemany of the same
  rows (`make bench-build`).
- ``extractor``: the extractor on 10 KB to 1 MB of news and on hostile
  100 KB inputs (`make bench-extract`).
"""
