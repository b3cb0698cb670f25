"""What holds for any corpus, checked on the seeds plus a sixth article
ingested as a draft: foreign keys, verbatim spans, the curated articles'
rows exactly as without it, and the site serving the draft and its queue.

(The whole suite also passes on seeds/ after an ingest: see README, "Add
articles".)"""

import json
import shutil
from pathlib import Path

import pytest
import pytest_asyncio
import sqlite_utils
import yaml

from peshawar.bench.corpus import generate
from peshawar.dataset.cache import NoCache
from peshawar.dataset.load import build_database
from peshawar.dataset.schema import tables
from peshawar.ingest.run import ingest

ROOT = Path(__file__).resolve().parents[1]
SPANS = {"quotes": "text", "claims": "text", "citations": "text", "actor_relations": "text",
         "skipped_spans": "text", "mentions": "surface", "review_queue": "text"}


@pytest.fixture(scope="module")
def six(tmp_path_factory):
    root = tmp_path_factory.mktemp("six")
    seeds = root / "seeds"
    shutil.copytree(ROOT / "seeds", seeds)
    source = root / "in.jsonl"
    source.write_text(json.dumps(generate(ROOT / "seeds", 1, seed=3)[0]) + "\n", encoding="utf-8")
    added = ingest([source], seeds, NoCache(), workers=1).added
    assert len(added) == 1
    # Named as published: the reading page belongs to the database /peshawar.
    build_database(seeds, root / "peshawar.db")
    return added[0].article_id, sqlite_utils.Database(root / "peshawar.db")


def test_six_articles_and_their_keys_hold(six):
    article_id, db = six
    assert db["articles"].count == 6
    assert db.execute("pragma foreign_key_check").fetchall() == []
    assert db["review_queue"].count_where("article_id = ?", [article_id]) > 0


@pytest.mark.parametrize("table,column", SPANS.items())
def test_every_span_is_its_article_slice(six, table, column):
    _, db = six
    bodies = {row["id"]: row["body"] for row in db["articles"].rows}
    for row in db[table].rows_where(f"{column} is not null"):
        assert bodies[row["article_id"]][row["start_char"]:row["end_char"]] == row[column]


def test_the_curated_articles_keep_exactly_their_rows(six, db):
    _, grown = six
    curated = [row["id"] for row in db["articles"].rows_where("annotation_status = 'curated'")]
    for table in tables():
        columns = [c.name for c in db[table].columns]
        if "article_id" not in columns or table == "review_queue":
            continue
        keep = [c for c in columns if not (c == "id" and db[table].columns_dict["id"] is int)]
        query = f"select {', '.join(keep)} from {table} where article_id in ({', '.join('?' * len(curated))}) order by 1, 2"
        assert grown.execute(query, curated).fetchall() == db.execute(query, curated).fetchall(), table


@pytest_asyncio.fixture(scope="module")
async def site(six, tmp_path_factory):
    from datasette.app import Datasette

    ds = Datasette(
        immutables=[str(six[1].conn.execute("pragma database_list").fetchone()[2])],
        metadata=yaml.safe_load((ROOT / "metadata.yml").read_text(encoding="utf-8")),
        plugins_dir=str(ROOT / "plugins"), template_dir=str(ROOT / "templates"),
    )
    await ds.invoke_startup()
    return ds


@pytest.mark.asyncio(loop_scope="session")
async def test_the_site_serves_the_draft_and_its_queue(six, site):
    article_id, _ = six
    db_name = "peshawar"
    queue = (await site.client.get(f"/{db_name}/review_queue.json", params={"_shape": "array", "_size": 5})).json()
    assert [row["id"] for row in queue] == sorted(row["id"] for row in queue) and queue
    page = (await site.client.get(f"/{db_name}/review_queue/{queue[0]['id']}")).text
    assert "<h1" in page and "Needs a person: " in page
    reading = await site.client.get(f"/{db_name}/articles/{article_id}")
    assert reading.status_code == 200 and "span-automatic" in reading.text
