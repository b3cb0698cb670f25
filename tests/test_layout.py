"""The toolkit's layout holds: what each folder may import, and no function
or module grown past what a reader takes in at once.

build/peshawar/
  core/        what both wings share; imports no other part of the toolkit
  dataset/     seeds -> rows -> peshawar.db; imports core
  extractor/   one article's text -> findings; imports core, and only the
               standard library besides (a pure function a process pool maps)
  join/        new articles joined to the comparison; may use the three wings
  export/      peshawar.db -> open data; reads the built database, not the wings
  cli.py, drafts.py, evaluate.py and any other top-level module: may use
               core, dataset, extractor and join; only __main__ imports cli
"""

import ast
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "build" / "peshawar"
WINGS = ("core", "dataset", "extractor")
# What each part may import from the toolkit; a top-level module or package
# not named here may import the three wings and join (which joins new
# articles to the comparison for drafts.py and whatever ingests articles).
OTHERS_MAY_IMPORT = set(WINGS) | {"join"}
ALLOWED = {
    "core": {"core"},
    "dataset": {"core", "dataset"},
    "extractor": {"core", "extractor"},
    "cli": {"core", "dataset", "extractor", "join", "drafts", "evaluate", "export", "ingest"},
    # ingest writes what drafts words; drafts uses the three wings and join.
    "ingest": {"core", "dataset", "extractor", "join", "drafts", "ingest"},
    "__main__": {"cli"},
    "evaluate": {"core", "dataset", "extractor", "corpus"},
}
# Third-party packages each wing may import (the standard library is free).
THIRD_PARTY = {"core": {"yaml", "rapidfuzz"}, "dataset": {"jsonschema", "sqlite_utils", "orjson"}, "extractor": set()}
MAX_FUNCTION_LINES = 60
MAX_MODULE_LINES = 400
MODULES = sorted(PACKAGE.rglob("*.py"))


def part_of(path):
    """The part of the toolkit a file belongs to: a wing, or a top-level module's name."""
    relative = path.relative_to(PACKAGE)
    return relative.parts[0] if len(relative.parts) > 1 else relative.stem


def imports(path):
    """``[(toolkit part or None, top-level module name)]`` of every import in ``path``."""
    package = ["peshawar", *path.relative_to(PACKAGE).parent.parts]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(None, alias.name.split(".")[0]) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            found.append((None, node.module.split(".")[0]))
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1]
            target = base + (node.module.split(".") if node.module else [])
            names = target[1:] or [alias.name for alias in node.names]
            if len(target) == 1:  # "from . import cli" at the top of the package
                found += [(alias.name, "peshawar") for alias in node.names]
            else:
                found.append((names[0], "peshawar"))
    return found


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_each_part_imports_only_what_it_may(path):
    part = part_of(path)
    allowed = ALLOWED.get(part, OTHERS_MAY_IMPORT)
    for target, top in imports(path):
        if target is None:
            continue
        assert target == part or target in allowed, f"{part} may not import {target}"


@pytest.mark.parametrize("wing", WINGS)
def test_wings_import_only_the_standard_library_and_their_own_dependencies(wing):
    for path in (PACKAGE / wing).rglob("*.py"):
        for target, top in imports(path):
            if target is None:
                assert top in sys.stdlib_module_names or top in THIRD_PARTY[wing], f"{path.name} imports {top}"


def test_the_import_rules_see_imports():
    """The checker finds the imports it is meant to police (a guard against a test that cannot fail)."""
    assert ("core", "peshawar") in imports(PACKAGE / "extractor" / "marks.py")
    assert ("dataset", "peshawar") in imports(PACKAGE / "cli.py")
    assert ("extractor", "peshawar") in imports(PACKAGE / "extractor" / "claims.py")
    assert (None, "yaml") in imports(PACKAGE / "core" / "files.py")


def test_only_main_imports_the_cli():
    for path in MODULES:
        if part_of(path) != "__main__":
            assert "cli" not in {target for target, _ in imports(path)}, path


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_modules_and_functions_stay_short(path):
    source = path.read_text(encoding="utf-8")
    assert len(source.splitlines()) <= MAX_MODULE_LINES, f"{path.name}: split the module"
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            length = node.end_lineno - node.lineno + 1
            assert length <= MAX_FUNCTION_LINES, f"{path.name}:{node.lineno} {node.name} has {length} lines"


TESTS = Path(__file__).resolve().parent


@pytest.mark.parametrize("module", sorted(p.stem for p in (PACKAGE / "extractor").glob("*.py") if p.stem != "__init__") + ["lexicon"])
def test_each_extractor_module_has_its_test_file(module):
    assert (TESTS / "extractor" / f"test_{module}.py").exists(), f"tests/extractor/test_{module}.py"


def test_no_test_file_imports_another():
    """Shared helpers live in conftest.py or a helper module, not in a test file."""
    for path in TESTS.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [node.module or ""] if isinstance(node, ast.ImportFrom) else [a.name for a in getattr(node, "names", [])] if isinstance(node, ast.Import) else []
            assert not any(name.split(".")[-1].startswith("test_") for name in names), f"{path.name} imports {names}"
