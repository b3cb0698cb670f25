"""Benchmarks: commands that measure the toolkit and print figures with a JSON last line."""
