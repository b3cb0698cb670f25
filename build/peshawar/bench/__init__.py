"""Benchmarks: commands that print figures and end with one JSON line; never tests."""
