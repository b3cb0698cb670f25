"""How `make serve` serves the site, read from the Makefile so that the test
fixtures never restate it."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


SWITCHES = {"on": True, "off": False}


def serve_settings():
    """The ``--setting NAME VALUE`` pairs of the Makefile's serve recipe
    (a number, or on/off)."""
    recipe = (ROOT / "Makefile").read_text(encoding="utf-8").split("\nserve:", 1)[1]
    recipe = recipe.split("\n\n", 1)[0]
    return {
        name: SWITCHES[value] if value in SWITCHES else int(value)
        for name, value in re.findall(r"--setting (\w+) (\d+|on|off)\b", recipe)
    }
