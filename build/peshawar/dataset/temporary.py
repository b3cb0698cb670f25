"""The temporary file a build writes before renaming it into place.

A build writes ``.peshawar.db.<pid>.tmp`` beside ``peshawar.db`` (the same
folder, so the final rename is atomic) and renames it into place only on
success. A build that is killed (SIGKILL, a power cut) cannot remove its
file, so every build first removes the files of builds that died: each
build holds an exclusive lock (flock) on its file while it works, the
lock dies with its process, and a file nobody holds a lock on is a dead
build's. The file of a build still running is locked and left alone, so
two builds at once still work. Stale ``-journal`` files of earlier
versions are removed with their file.
"""

import fcntl
import os
from pathlib import Path


def _pattern(db_path):
    return f".{db_path.name}.*.tmp"


def remove_stale(db_path):
    """Remove the temporary files of dead builds of ``db_path``; return their names."""
    db_path = Path(db_path)
    removed = []
    for path in sorted(db_path.parent.glob(_pattern(db_path))):
        try:
            handle = os.open(path, os.O_RDWR | getattr(os, "O_NOFOLLOW", 0))
        except OSError:
            continue  # gone already, or not ours to open
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(handle)
            continue  # a build is writing it
        try:
            # Still the file that was locked (not one a new build made under the same name)?
            if os.stat(path, follow_symlinks=False).st_ino == os.fstat(handle).st_ino:
                path.unlink()
                removed.append(path.name)
        except FileNotFoundError:
            pass
        finally:
            os.close(handle)
    for journal in db_path.parent.glob(_pattern(db_path) + "-journal"):
        if not journal.with_name(journal.name.removesuffix("-journal")).exists():
            journal.unlink(missing_ok=True)
            removed.append(journal.name)
    return removed


class TemporaryDatabase:
    """``with TemporaryDatabase(db_path) as temporary:`` build into
    ``temporary.path``, then ``temporary.publish()``; without publish, the
    file is removed on leaving."""

    def __init__(self, db_path):
        self.target = Path(db_path)
        self.path = self.target.with_name(f".{self.target.name}.{os.getpid()}.tmp")
        self._lock = None

    def __enter__(self):
        remove_stale(self.target)
        for _ in range(5):
            self.path.unlink(missing_ok=True)  # this pid's own, from a build that died
            handle = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o644)
            fcntl.flock(handle, fcntl.LOCK_EX)
            # Another build's remove_stale may have taken the file between the
            # open and the lock; once locked and still in place, it is ours.
            try:
                if os.stat(self.path).st_ino == os.fstat(handle).st_ino:
                    self._lock = handle
                    return self
            except FileNotFoundError:
                pass
            os.close(handle)
        raise RuntimeError(f"could not create {self.path}")

    def publish(self):
        """Rename the finished file into place."""
        os.replace(self.path, self.target)

    def __exit__(self, *exc):
        try:
            if self.path.exists() and os.stat(self.path).st_ino == os.fstat(self._lock).st_ino:
                self.path.unlink()
        finally:
            os.close(self._lock)
        return False
