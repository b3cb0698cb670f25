"""Mapping the work (ingest/mapping.py): chunks that keep both workers busy,
and results in the jobs' order whichever engine ran them."""

from peshawar.dataset.cache import NoCache
from peshawar.dataset.units import read_lookups
from peshawar.ingest.mapping import _chunks, drafter
from peshawar.ingest.plan import Job, plan, seeds_state
from peshawar.ingest.sources import Article
from peshawar.ingest.work import Context, join_context


def job(n, size):
    return Job(f"a{n}", "x" * size, {}, f"in:{n}")


def test_chunks_hold_at_most_sixteen_articles_or_one_long_one_and_keep_the_order():
    jobs = [job(n, 4000) for n in range(40)] + [job(40, 200_000), job(41, 100)] + [job(n, 30_000) for n in range(42, 47)]
    chunks = list(_chunks(iter(jobs)))
    assert [j for chunk in chunks for j in chunk] == jobs
    assert [len(chunk) for chunk in chunks] == [16, 16, 8, 1, 3, 2, 1]
    assert chunks[3] == [jobs[40]]  # the long article alone: the other worker takes what follows


def test_the_pool_reads_jobs_as_they_come_and_answers_in_their_order(tmp_seeds, generated):
    lookups = read_lookups(tmp_seeds, NoCache())
    items = [Article(f"in:{n}", a["text"], {"title": a["title"]}) for n, a in enumerate(generated[:20])]
    jobs, _ = plan(items, seeds_state(lookups))
    context = Context(lookups, join_context(tmp_seeds))
    read = []

    def one_by_one():
        for one in jobs:
            read.append(one.article_id)
            yield one

    with drafter(context, workers=2) as run:
        results = run(one_by_one())
        assert read == [one.article_id for one in jobs]  # every job read before run returns
        on_pool = [result.article_id for result in results]
    with drafter(context, workers=1) as run:
        in_process = list(run(iter(jobs)))
    assert on_pool == [one.article_id for one in jobs] == [result.article_id for result in in_process]
