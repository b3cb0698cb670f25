"""Mapping the work over the articles: in this process, on a process pool
of every core, or on a Dask distributed cluster (``--scheduler``). Results
come back in the order of the articles, whichever engine ran them."""

import contextlib
import itertools
import multiprocessing
from concurrent.futures import ProcessPoolExecutor

from ..core.machine import available_cores
from .work import draft_job

_CONTEXT = None  # a pool worker's Context, set once when it starts


def _start_worker(context):
    global _CONTEXT
    _CONTEXT = context


@contextlib.contextmanager
def drafter(context, workers=None, scheduler=None):
    """A function that maps ``draft_job`` over jobs on the engine chosen,
    yielding results in the jobs' order. It reads every job before it
    returns; a pool's workers start on the first ones meanwhile.

    A process pool's workers are forked here, before the caller reads its
    inputs: a worker inherits the lookups, not a copy of every article.
    """
    if scheduler:
        yield lambda jobs: _on_dask(list(jobs), context, scheduler)
        return
    workers = workers or available_cores()
    if workers == 1:
        yield lambda jobs: map(draft_job, list(jobs), itertools.repeat(context))
        return
    start = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else None)
    with ProcessPoolExecutor(workers, mp_context=start, initializer=_start_worker, initargs=(context,)) as pool:
        pool.submit(int).result()  # a pool starts its workers on the first task: now, not after the inputs are read
        # Executor.map submits every chunk before it returns (its iterables
        # are collected at once); the workers take chunks as they come.
        yield lambda jobs: itertools.chain.from_iterable(pool.map(_draft_chunk_in_worker, _chunks(jobs)))


def _draft_chunk_in_worker(chunk):
    return [draft_job(job, _CONTEXT) for job in chunk]


def _chunks(jobs, most=16, text_chars=64_000):
    """Jobs in lists of up to ``most`` articles or ``text_chars`` of text:
    a round trip per chunk rather than per article, and a long article
    alone in its chunk, so that both workers stay busy to the end."""
    chunk, size = [], 0
    for job in jobs:
        if chunk and (len(chunk) == most or size + len(job.text) > text_chars):
            yield chunk
            chunk, size = [], 0
        chunk.append(job)
        size += len(job.text)
    if chunk:
        yield chunk


def _on_dask(jobs, context, address):
    """The same map on a Dask cluster; its workers need this package importable."""
    from distributed import Client

    client = Client(address)
    try:
        shared = client.scatter(context, broadcast=True)
        futures = client.map(draft_job, jobs, context=shared, pure=False)
    except BaseException:
        client.close()
        raise
    return _dask_results(client, futures)


def _dask_results(client, futures):
    with client:
        for future in futures:
            yield future.result()
            future.release()
