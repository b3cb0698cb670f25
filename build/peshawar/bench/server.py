"""The site as `make serve` serves it, on a free port of 127.0.0.1, for as
long as a ``with`` block lasts; and the memory its server process holds.

The server is started through the Makefile's own serve recipe
(`make -o build serve DB=... PORT=...`: the recipe without the rebuild), so
what is measured or tested is what is published. It runs in a session of its
own, and everything in that session is stopped on leaving the block.
"""

import os
import signal
import socket
import subprocess
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
START_SECONDS = 90


class ServerFailed(RuntimeError):
    pass


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def answers(url, timeout=2):
    try:
        with urllib.request.urlopen(url, timeout=timeout):
            return True
    except OSError:
        return False


def wait_until_up(url, process, log_path, seconds=START_SECONDS):
    deadline = time.monotonic() + seconds
    while not answers(url):
        if process.poll() is not None or time.monotonic() > deadline:
            log = Path(log_path).read_text(errors="replace")[-4000:]
            raise ServerFailed(f"the site did not start on {url}:\n{log}")
        time.sleep(0.2)


def session_commands(session):
    """{pid: command line as a list of bytes} of the processes of ``session`` (Linux /proc)."""
    commands = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if os.getsid(int(entry.name)) == session:
                commands[int(entry.name)] = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue  # gone meanwhile
    return commands


def datasette_pids(session):
    """Processes of ``session`` running `datasette serve` itself: its script
    comes first or second (after the interpreter), where the supervisor has
    `-m peshawar.serving` and names datasette only among its arguments."""
    return [pid for pid, command in session_commands(session).items()
            if any(part.endswith(b"datasette") for part in command[:2]) and b"serve" in command[1:3]]


def stop_session(process, seconds=60):
    """SIGTERM to the session's group, then wait until all of it is gone:
    the supervisor removes its snapshot after the server has stopped."""
    try:
        os.killpg(process.pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    process.wait(timeout=seconds)
    deadline = time.monotonic() + seconds
    while any(not command == [b""] for command in session_commands(process.pid).values()):
        if time.monotonic() > deadline:
            raise ServerFailed(f"processes of session {process.pid} still run after {seconds} s")
        time.sleep(0.1)


def rss_mb(pid):
    """Resident memory of ``pid`` in MB (VmRSS from /proc)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return round(int(line.split()[1]) / 1024, 1)
    raise ServerFailed(f"no VmRSS for process {pid}")


class Site:
    def __init__(self, url, process):
        self.url = url
        self.process = process

    def server_rss_mb(self):
        pids = datasette_pids(self.process.pid)
        if len(pids) != 1:
            raise ServerFailed(f"expected one datasette process, found {pids}")
        return rss_mb(pids[0])


@contextmanager
def served_site(db, port=None, log_path=None, env=None, make_options=()):
    """Serve ``db`` with `make serve`'s recipe; yield a Site. ``make_options``
    are added to make's command line (``("-o", "package")`` serves without
    writing the downloads first, which takes minutes on a large database)."""
    port = port or free_port()
    if log_path is None:
        log_path = Path(tempfile.mkdtemp(prefix="peshawar-site-")) / "server.log"
    log = open(log_path, "wb")  # a file, not a pipe: a full pipe would stall the server
    process = subprocess.Popen(
        [os.environ.get("MAKE", "make"), "--no-print-directory", "-o", "build", *make_options, "serve",
         f"DB={Path(db).resolve()}", f"PORT={port}"],
        cwd=ROOT, start_new_session=True, stdout=log, stderr=subprocess.STDOUT,
        env={**os.environ, **(env or {})},
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(f"{url}/-/versions.json", process, log_path)
        yield Site(url, process)
    finally:
        # make, the supervisor and datasette share the new session's group.
        stop_session(process)
        log.close()
