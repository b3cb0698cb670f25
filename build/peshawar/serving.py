"""Serve one build at a time: `make serve` runs its Datasette command through
this supervisor.

Datasette opens an immutable database lazily, one connection per worker
thread. When a rebuild renames a new peshawar.db into place, connections
opened before it keep reading the old file and connections opened after it
read the new one, so answers alternate between two builds. The supervisor
instead gives the server a snapshot: a hard link (a copy where linking is
impossible) of the current build in a directory of its own, under the same
file name, so Datasette still calls the database ``peshawar``. A later build
gets a new inode at peshawar.db and leaves the snapshot untouched.

Every second the supervisor looks at the database path. When it has changed
and then stayed the same for one more look (a finished build), and its
content differs from what is served, the server is stopped (it finishes the
requests it is answering) and started again on a snapshot of the new build.
For the few seconds of the restart the port answers nothing; no answer ever
comes from a mix of builds. A failed build leaves peshawar.db as it was, so
nothing happens.

    python -m peshawar.serving peshawar.db -- datasette serve --immutable peshawar.db ...

Every argument of the command equal to the database path is replaced by the
snapshot's path.
"""

import hashlib
import os
import shlex
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import click

SNAPSHOTS = ".serving"
POLL_SECONDS = 1.0
STOP_SECONDS = 30


def file_signature(path):
    """What changes when a build replaces ``path``: inode, size, mtime."""
    try:
        stat = os.stat(path)
    except FileNotFoundError:
        return None
    return (stat.st_ino, stat.st_size, stat.st_mtime_ns)


def content_hash(path):
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def take_snapshot(db, owner=None):
    """Link (or copy) ``db`` to ``.serving/<owner>-<hash>/<db name>`` beside it."""
    db = Path(db)
    owner = owner or os.getpid()
    folder = db.parent / SNAPSHOTS / f"{owner}-{content_hash(db)[:16]}"
    target = folder / db.name
    if not target.exists():
        folder.mkdir(parents=True, exist_ok=True)
        try:
            os.link(db, target)
        except OSError:
            shutil.copyfile(db, target)
    return target


def remove_snapshot(snapshot):
    folder = Path(snapshot).parent
    shutil.rmtree(folder, ignore_errors=True)
    try:
        folder.parent.rmdir()  # .serving itself, once no server uses it
    except OSError:
        pass


def _alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_stale_snapshots(db):
    """Snapshots whose supervisor is gone (killed before it could clean up)."""
    folder = Path(db).parent / SNAPSHOTS
    for child in folder.glob("*-*"):
        owner = child.name.split("-", 1)[0]
        if owner.isdigit() and int(owner) != os.getpid() and not _alive(int(owner)):
            shutil.rmtree(child, ignore_errors=True)


def command_for(command, db, snapshot):
    """``command`` with every argument naming ``db`` pointed at ``snapshot``."""
    return [str(snapshot) if arg == str(db) else arg for arg in command]


def _say(message):
    click.echo(f"serving: {message}", err=True)


def _stop(process):
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=STOP_SECONDS)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def supervise(db, command, poll=POLL_SECONDS, on_new_build=()):
    """Run ``command`` on a snapshot of ``db``; restart it on each new build,
    after running ``on_new_build`` (e.g. writing the downloads of that build).

    Returns the server's exit status when it stops by itself.
    """
    remove_stale_snapshots(db)
    snapshot = take_snapshot(db)
    process = subprocess.Popen(command_for(command, db, snapshot))
    seen = served = file_signature(db)
    try:
        while True:
            try:
                return process.wait(timeout=poll)
            except subprocess.TimeoutExpired:
                pass
            signature = file_signature(db)
            if signature != seen or signature in (None, served):
                seen = signature  # changing, gone, or what is served already
                continue
            served = signature
            new_snapshot = take_snapshot(db)
            if new_snapshot == snapshot:
                continue  # touched, same content
            if on_new_build:
                _say(f"new build of {db}: {' '.join(on_new_build)}")
                if subprocess.call(list(on_new_build)) != 0:
                    _say("that failed: the downloads are those of the previous build")
            _say(f"new build of {db}: restarting the server on it")
            _stop(process)
            remove_snapshot(snapshot)
            snapshot = new_snapshot
            process = subprocess.Popen(command_for(command, db, snapshot))
    finally:
        _stop(process)
        remove_snapshot(snapshot)


def _exit_on_signal(signum, frame):
    raise SystemExit(128 + signum)


@click.command(context_settings={"ignore_unknown_options": True})
@click.argument("db", type=click.Path(exists=True, dir_okay=False))
@click.argument("command", nargs=-1, required=True, type=click.UNPROCESSED)
@click.option("--poll", type=float, default=POLL_SECONDS, show_default=True, help="Seconds between looks at DB.")
@click.option("--on-new-build", default="", help="A command run before each restart on a new build (split as a shell splits words; no shell).")
def main(db, command, poll, on_new_build):
    """Run COMMAND on a snapshot of DB, restarting it whenever DB is rebuilt."""
    if db not in command:
        raise click.UsageError(f"the command never names {db}: it would not serve the snapshot")
    # make and the terminal signal the whole process group: the server gets
    # the signal too, and the supervisor cleans up after it.
    signal.signal(signal.SIGTERM, _exit_on_signal)
    signal.signal(signal.SIGINT, _exit_on_signal)
    sys.exit(supervise(db, list(command), poll, shlex.split(on_new_build)))


if __name__ == "__main__":
    main()
