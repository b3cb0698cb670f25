"""Development and held-out corpora in the gold format, and the scorer
that measures the extractor on them (corpora/README.md)."""
