"""`make serve` serves one build at a time (build/peshawar/serving.py).

The end-to-end test serves a database built from a copy of the seeds, keeps
asking the server a question whose answer a changed seed changes, rebuilds
the database from the changed copy while it serves, and checks that the
answers go from the old build to the new one once and never back.
"""

import shutil
import threading
import time
from pathlib import Path

import httpx

from peshawar.bench.server import served_site
from peshawar.dataset.load import build_database
from peshawar.serving import SNAPSHOTS, command_for, remove_stale_snapshots, take_snapshot

ROOT = Path(__file__).resolve().parents[1]
QUESTION = {"sql": "select label from topics where id = 'death-toll'", "_shape": "array"}


def test_command_for_points_every_mention_of_the_database_at_the_snapshot(tmp_path):
    command = ["datasette", "serve", "--immutable", "peshawar.db", "--port", "8001"]
    assert command_for(command, "peshawar.db", tmp_path / "s" / "peshawar.db") == [
        "datasette", "serve", "--immutable", str(tmp_path / "s" / "peshawar.db"), "--port", "8001"]


def test_a_snapshot_keeps_the_build_it_was_taken_of(tmp_path):
    db = tmp_path / "peshawar.db"
    db.write_bytes(b"first build")
    snapshot = take_snapshot(db, owner=1)
    assert snapshot.name == "peshawar.db" and snapshot.parent.parent == tmp_path / SNAPSHOTS
    replacement = tmp_path / ".peshawar.db.tmp"
    replacement.write_bytes(b"second build")
    replacement.replace(db)  # as the build renames its temporary file into place
    assert snapshot.read_bytes() == b"first build"
    second = take_snapshot(db, owner=1)
    assert second != snapshot and second.read_bytes() == b"second build"
    assert take_snapshot(db, owner=1) == second  # same content, same snapshot


def test_snapshots_of_a_supervisor_that_is_gone_are_removed(tmp_path):
    db = tmp_path / "peshawar.db"
    db.write_bytes(b"a build")
    gone = take_snapshot(db, owner=2**22 + 12345)  # above Linux's pid_max default
    mine = take_snapshot(db)
    remove_stale_snapshots(db)
    assert not gone.exists() and mine.exists()


def ask_until_stopped(url, answers, stop):
    with httpx.Client(base_url=url, timeout=10) as client:
        while not stop.is_set():
            started = time.monotonic()
            try:
                label = client.get("/peshawar.json", params=QUESTION).json()[0]["label"]
            except (httpx.HTTPError, ValueError):
                label = None  # the server is restarting: no answer, not a wrong one
            answers.append((started, time.monotonic(), label))
            time.sleep(0.02)


def test_a_rebuild_while_serving_never_mixes_builds(tmp_path):
    seeds = tmp_path / "seeds"
    shutil.copytree(ROOT / "seeds", seeds)
    db = tmp_path / "peshawar.db"
    build_database(seeds, db)
    topics = seeds / "topics.yml"
    old_label = "Death toll of the Peshawar school attack"
    new_label = old_label + " (rebuilt)"
    assert f"label: {old_label}\n" in topics.read_text(encoding="utf-8")
    with served_site(db) as site:
        answers, stop = [], threading.Event()
        askers = [threading.Thread(target=ask_until_stopped, args=(site.url, answers, stop)) for _ in range(3)]
        for asker in askers:
            asker.start()
        try:
            time.sleep(2)
            topics.write_text(topics.read_text(encoding="utf-8").replace(old_label, new_label), encoding="utf-8")
            build_database(seeds, db)
            deadline = time.monotonic() + 90
            while not any(label == new_label for *_, label in answers[-5:]) and time.monotonic() < deadline:
                time.sleep(0.2)
            time.sleep(2)
        finally:
            stop.set()
            for asker in askers:
                asker.join()
        served_from_a_snapshot = (tmp_path / SNAPSHOTS).is_dir()
    assert {label for *_, label in answers} <= {old_label, new_label, None}
    assert any(label == old_label for *_, label in answers)
    assert any(label == new_label for *_, label in answers), "the new build was never served"
    first_new = min(end for _, end, label in answers if label == new_label)
    # Nothing asked after the first new answer came back gets the old build.
    assert not [a for a in answers if a[0] > first_new and a[2] == old_label]
    assert served_from_a_snapshot
    assert not (tmp_path / SNAPSHOTS).exists() or not any((tmp_path / SNAPSHOTS).iterdir())


def test_the_serve_recipe_runs_through_the_supervisor():
    recipe = (ROOT / "Makefile").read_text(encoding="utf-8").split("\nserve:", 1)[1].split("\n\n", 1)[0]
    assert "-m peshawar.serving $(DB) --on-new-build" in recipe and "package --db $(DB)" in recipe
    assert "--immutable $(DB)" in recipe


def test_the_supervisor_refuses_a_command_that_does_not_serve_the_database(tmp_path):
    from click.testing import CliRunner

    from peshawar.serving import main

    (tmp_path / "peshawar.db").write_bytes(b"")
    result = CliRunner().invoke(main, [str(tmp_path / "peshawar.db"), "--", "datasette", "serve", "other.db"])
    assert result.exit_code == 2
    assert "never names" in result.output


def test_a_new_build_runs_the_on_new_build_command_before_the_restart(tmp_path):
    """make serve writes a new build's downloads before serving it."""
    import sys

    from peshawar.serving import supervise

    db = tmp_path / "peshawar.db"
    db.write_bytes(b"first build")
    log = tmp_path / "log"
    # A stand-in server that notes when it starts and stops by itself.
    server = [sys.executable, "-c", f"import time; open({str(log)!r}, 'a').write('serve' + chr(10)); time.sleep(4)", str(db)]
    on_new_build = [sys.executable, "-c", f"open({str(log)!r}, 'a').write('package' + chr(10))"]
    result = {}
    thread = threading.Thread(target=lambda: result.update(status=supervise(db, server, 0.1, on_new_build)))
    thread.start()
    time.sleep(1)
    db.write_bytes(b"second build")
    thread.join(timeout=60)
    assert result.get("status") == 0
    lines = log.read_text(encoding="utf-8").splitlines()
    assert lines == ["serve", "package", "serve"]
