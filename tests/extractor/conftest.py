"""The actor registry the extractor tests share: made-up actors, none of
them from the seeds."""

import pytest

from peshawar.extractor import Registry


ACTORS = [
    {"id": "maria-lopez", "name": "Maria Lopez", "kind": "person", "aliases": ["Lopez"]},
    {"id": "john-okafor", "name": "John Okafor", "kind": "person"},
    {"id": "ade-bello", "name": "Ade Bello", "kind": "person"},
    {"id": "sam-reed", "name": "Sam Reed", "kind": "person"},
    {"id": "daily-planet", "name": "The Daily Planet", "kind": "news_outlet", "aliases": ["Daily Planet"]},
    {"id": "global-wire", "name": "Global Wire", "kind": "wire_service", "aliases": ["GW"]},
    {"id": "river-front", "name": "River Front", "kind": "militant_group", "aliases": ["RF"]},
    {"id": "northern-institute", "name": "Northern Institute", "kind": "research_organization"},
    {"id": "long-road", "name": "The Long Road Home", "kind": "publication"},
    {"id": "rains-report", "name": "Rains Came Early to the Valley", "kind": "publication"},
]


@pytest.fixture(scope="module")
def registry():
    return Registry.from_actors(ACTORS)
