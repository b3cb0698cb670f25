"""Benchmarks: commands that measure the toolkit and print their figures, ending with one JSON line."""
