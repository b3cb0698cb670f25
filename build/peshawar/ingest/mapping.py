"""Mapping the work over the articles: in this process, on a process pool
of every core, or on a Dask distributed cluster (``--scheduler``). Results
come back in the order of the articles, whichever engine ran them."""

import contextlib
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor

from .work import draft_job

_CONTEXT = None  # a pool worker's Context, set once when it starts


def _start_worker(context):
    global _CONTEXT
    _CONTEXT = context


def _draft_in_worker(job):
    return draft_job(job, _CONTEXT)


def default_workers():
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


@contextlib.contextmanager
def drafter(context, workers=None, scheduler=None):
    """A function that maps ``draft_job`` over jobs on the engine chosen,
    yielding results in the jobs' order.

    A process pool's workers are forked here, before the caller reads its
    inputs: a worker inherits the lookups, not a copy of every article.
    """
    if scheduler:
        yield lambda jobs: _on_dask(jobs, context, scheduler)
        return
    workers = workers or default_workers()
    if workers == 1:
        yield lambda jobs: (draft_job(job, context) for job in jobs)
        return
    start = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else None)
    with ProcessPoolExecutor(workers, mp_context=start, initializer=_start_worker, initargs=(context,)) as pool:
        pool.submit(int).result()  # a pool starts its workers on the first task: now, not after the inputs are read
        yield lambda jobs: pool.map(_draft_in_worker, jobs, chunksize=max(1, min(16, len(jobs) // (workers * 8))))


def _on_dask(jobs, context, address):
    """The same map on a Dask cluster; its workers need this package importable."""
    from distributed import Client

    with Client(address) as client:
        shared = client.scatter(context, broadcast=True)
        futures = client.map(draft_job, jobs, context=shared, pure=False)
        for future in futures:
            yield future.result()
            future.release()
