"""The same map on a Dask distributed cluster (ingest --scheduler): a local
cluster on 127.0.0.1 gives exactly what the process pool gives."""

import distributed

from peshawar.dataset.cache import NoCache
from peshawar.dataset.units import read_lookups
from peshawar.ingest.mapping import drafter
from peshawar.ingest.plan import plan, seeds_state
from peshawar.ingest.sources import Article
from peshawar.ingest.work import Context, Drafted, join_context


def test_a_local_dask_cluster_gives_what_the_process_pool_gives(tmp_seeds, generated):
    lookups = read_lookups(tmp_seeds, NoCache())
    items = [Article(f"in:{n}", a["text"], {"title": a["title"]}) for n, a in enumerate(generated[:4])]
    items.append(Article("in:broken", "\x00"))  # not an article: the extractor may fail on it or not, alike
    jobs, _ = plan(items, seeds_state(lookups))
    context = Context(lookups, join_context(tmp_seeds))
    with drafter(context, workers=2) as run:
        on_pool = list(run(jobs))
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False, protocol="tcp", host="127.0.0.1",
                                  dashboard_address=None) as cluster:
        with drafter(context, scheduler=cluster.scheduler_address) as run:
            on_dask = list(run(jobs))
    assert sum(isinstance(r, Drafted) for r in on_pool) >= 4
    assert on_dask == on_pool
