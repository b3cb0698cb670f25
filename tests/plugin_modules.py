"""Load a Datasette plugin file as a module, for tests of its pure functions.

Plugins are loaded by Datasette from their files, not as a package.
"""

import importlib.util
from pathlib import Path

PLUGINS = Path(__file__).resolve().parents[1] / "plugins"


def load_plugin(name):
    spec = importlib.util.spec_from_file_location(f"plugin_{name}", PLUGINS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
