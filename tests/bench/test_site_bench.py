"""`make bench-site` (bench/site.py) runs end to end on the seeds' database,
one request per page, and times every canned query and every table. Its
figures are not checked: a benchmark, not a test."""

import json
from pathlib import Path

import yaml
from click.testing import CliRunner

from peshawar.bench.site import main

ROOT = Path(__file__).resolve().parents[2]


def test_the_site_benchmark_names_every_canned_query_and_table(db_path, db):
    result = CliRunner().invoke(main, ["--db", str(db_path), "--warm-up", "0", "--repeat", "1"])
    assert result.exit_code == 0, result.output
    *table, last = result.output.strip().splitlines()
    summary = json.loads(last)
    described = yaml.safe_load((ROOT / "metadata.yml").read_text(encoding="utf-8"))["databases"]["peshawar"]
    timed_queries = {label.split("?")[0] for label in summary["queries"]}
    assert timed_queries == set(described["queries"])
    # A query with a free-text parameter is timed with a value too.
    assert "search?q=Taliban" in summary["queries"]
    served = {name for name in db.table_names() + db.view_names() if "_fts" not in name and not name.startswith("sqlite_")}
    assert set(summary["tables"]) == served
    assert summary["max_query_ms"] == max([*summary["queries"].values(), *summary["queries_json"].values()])
    for ours, bare, ratio in summary["tables"].values():
        assert ours > 0 and bare > 0 and ratio == round(ours / bare, 2)
    readable = "\n".join(table)
    for name in [*described["queries"], *served]:
        assert f"\n{name} " in readable
