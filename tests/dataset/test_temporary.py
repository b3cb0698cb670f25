"""Temporary build files (dataset/temporary.py): a build killed mid-way
leaves the previous database as it was, and the next build removes what
it left behind, but never the file of a build still running."""

import fcntl
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from peshawar.dataset.load import build_database
from peshawar.dataset.temporary import TemporaryDatabase, remove_stale

ROOT = Path(__file__).resolve().parents[2]

# A build in a child process that SIGKILLs itself at one point of its work.
KILLED_BUILD = """
import os, signal, sys
from peshawar.dataset import load, temporary

def die(*args, **kwargs):
    os.kill(os.getpid(), signal.SIGKILL)

point = sys.argv[3]
if point == "shape":
    load.shape_for_load = die
elif point == "rows":
    flush, calls = load.Loader._flush_table, []
    def some_then_die(self, name):
        calls.append(name)
        if len(calls) == 4:
            die()
        return flush(self, name)
    load.Loader._flush_table = some_then_die
elif point == "checks":
    load.span_problems = die  # the last check before the swap, rows committed
elif point == "rename":
    temporary.TemporaryDatabase.publish = die
load.build_database(sys.argv[1], sys.argv[2])
"""


def child_env():
    return dict(os.environ, PYTHONPATH=str(ROOT / "build"))


@pytest.fixture
def previous(tmp_path, db_path):
    """A folder holding the database of an earlier build."""
    target = tmp_path / "out" / "peshawar.db"
    target.parent.mkdir()
    target.write_bytes(db_path.read_bytes())
    return target


@pytest.mark.parametrize("point", ["shape", "rows", "checks", "rename"])
def test_a_killed_build_keeps_the_database_and_the_next_build_cleans_up(previous, point):
    before = previous.read_bytes()
    child = subprocess.run(
        [sys.executable, "-c", KILLED_BUILD, str(ROOT / "seeds"), str(previous), point],
        env=child_env(), capture_output=True, text=True, timeout=120,
    )
    assert child.returncode == -signal.SIGKILL, child.stderr
    assert previous.read_bytes() == before
    left = sorted(p.name for p in previous.parent.iterdir() if p != previous)
    assert left == [f".peshawar.db.{child_pid(left)}.tmp"], "the kill came mid-build, with its file in place"
    # And what builds before this change left: a journal without its file.
    (previous.parent / ".peshawar.db.999999999.tmp-journal").write_bytes(b"old")

    build_database(ROOT / "seeds", previous)
    assert sorted(p.name for p in previous.parent.iterdir()) == ["peshawar.db"]
    assert previous.read_bytes() == before, "the seeds did not change, so neither does the database"


def child_pid(names):
    return names[0].split(".")[3] if names else None


def test_builds_killed_at_random_moments_leave_nothing_after_the_next(previous):
    before = previous.read_bytes()
    for delay in (0.2, 0.5, 0.8, 1.2, 1.6):
        child = subprocess.Popen(
            [sys.executable, "-m", "peshawar", "build", "--seeds", str(ROOT / "seeds"), "--db", str(previous)],
            env=child_env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        time.sleep(delay)
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=60)
        if child.returncode == -signal.SIGKILL:
            # Killed before the rename, or after it: either way a whole database.
            assert previous.read_bytes() == before
    build_database(ROOT / "seeds", previous)
    assert sorted(p.name for p in previous.parent.iterdir()) == ["peshawar.db"]
    assert previous.read_bytes() == before


def test_the_file_of_a_build_still_running_is_left_alone(tmp_path):
    target = tmp_path / "peshawar.db"
    running = tmp_path / ".peshawar.db.12345.tmp"
    running.write_bytes(b"being written")
    dead = tmp_path / ".peshawar.db.12346.tmp"
    dead.write_bytes(b"left by a kill")
    with open(running, "rb") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)  # as the running build holds it
        assert remove_stale(target) == [dead.name]
        assert running.exists() and not dead.exists()
    assert remove_stale(target) == [running.name]


def test_a_temporary_file_is_removed_when_the_build_fails(tmp_path):
    target = tmp_path / "peshawar.db"
    with pytest.raises(RuntimeError):
        with TemporaryDatabase(target) as temporary:
            temporary.path.write_bytes(b"half a database")
            raise RuntimeError("a failed build")
    assert list(tmp_path.iterdir()) == []


def test_a_build_leaves_only_its_database(tmp_path):
    target = tmp_path / "peshawar.db"
    build_database(ROOT / "seeds", target)
    assert [p.name for p in tmp_path.iterdir()] == ["peshawar.db"]
