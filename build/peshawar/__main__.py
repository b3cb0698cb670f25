"""``python -m peshawar``: the command line of cli.py."""
from .cli import cli

cli(prog_name="peshawar")
