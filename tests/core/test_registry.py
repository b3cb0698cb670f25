"""The one actor registry (core/registry.py) the build and the extractor share."""

from peshawar.core.registry import Registry


def test_registry_keeps_an_actors_spellings_that_differ_only_in_case():
    registry = Registry.from_actors([
        {"id": "river-front", "name": "River Front", "kind": "militant_group", "aliases": ["River front"]},
        {"id": "other", "name": "RIVER FRONT", "kind": "organization"},
    ])
    assert registry.aliases == {"River Front": "river-front", "River front": "river-front"}


ACTORS = [
    {"id": "maria-lopez", "name": "Maria Lopez", "kind": "person", "aliases": ["Lopez"]},
    {"id": "ana-lopez", "name": "Ana Lopez", "kind": "person"},
    {"id": "river-front", "name": "The River Front", "kind": "militant_group", "aliases": ["RF"]},
]


def test_resolve_ignores_case_spaces_and_a_leading_article():
    registry = Registry.from_actors(ACTORS)
    assert registry.resolve("maria\u00a0 LOPEZ") == "maria-lopez"
    assert registry.resolve("River Front") == "river-front"
    assert registry.resolve("the RF") == "river-front"
    assert registry.resolve("Lopez family") is None


def test_a_surname_two_people_share_names_neither():
    registry = Registry.from_actors(ACTORS)
    assert sorted(registry.persons_with_surname("Lopez")) == ["ana-lopez", "maria-lopez"]
    assert registry.persons_with_surname("Front") == []


def test_suggest_the_id_meant():
    registry = Registry.from_actors(ACTORS)
    assert registry.suggest("rf") == "river-front"  # an alias given as an id
    assert registry.suggest("maria-lopes") == "maria-lopez"  # a misspelt id
    assert registry.suggest("zzzz") is None


def test_load_registry_reads_actors_yml(tmp_path):
    from peshawar.core.registry import load_registry

    (tmp_path / "actors.yml").write_text("actors:\n  - id: a\n    name: Alpha\n    kind: person\n  - not an actor\n", encoding="utf-8")
    registry = load_registry(tmp_path)
    assert registry.aliases == {"Alpha": "a"} and registry.kinds == {"a": "person"}
