"""The context the join tests share, built from the made-up seeds of
join_seeds.py."""

import pytest

from join_seeds import ACTORS, CURATED, STATEMENTS, TOPICS
from peshawar.join import JoinContext


@pytest.fixture(scope="module")
def context():
    return JoinContext.from_data(ACTORS, TOPICS, STATEMENTS, [CURATED])
