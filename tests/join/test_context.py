"""What the join reads from the seeds (join/context.py): curated files only,
statements with every rendering's speaker, the event's day."""

import shutil
from pathlib import Path

from peshawar.join import JoinContext

ROOT = Path(__file__).resolve().parents[2]


def test_the_seeds_give_the_statements_their_renderings_and_the_day_of_the_attack():
    context = JoinContext.from_seeds(ROOT / "seeds")
    assert context.event_date == "2014-12-16"
    assert {"afghan-taliban", "zabihullah-mujahid"} <= context.statement_speakers["afghan-taliban-condemnation-statement"]
    assert {"death-toll", "attackers", "injured", "attack-date"} <= context.topics
    vice = "The intentional killing of innocent people, women, and children goes against the principles of Islam,"
    assert context.renderings.matches(vice)[0] == ("afghan-taliban-condemnation-statement", 100.0)


def test_a_draft_is_not_read_as_evidence(tmp_path):
    seeds = tmp_path / "seeds"
    shutil.copytree(ROOT / "seeds", seeds)
    draft = seeds / "annotations" / "zz-draft.yml"
    draft.write_text(
        "article: zz-draft\nstatus: draft\nquotes:\n  - id: zz-q1\n    statement: afghan-taliban-condemnation-statement\n"
        "    speaker: mullah-mohammad-omar\n    form: full\n    text: Every word of this quote is new and nobody has said it before\n",
        encoding="utf-8",
    )
    context = JoinContext.from_seeds(seeds)
    assert "mullah-mohammad-omar" not in context.statement_speakers["afghan-taliban-condemnation-statement"]
    assert context.renderings.matches("Every word of this quote is new and nobody has said it before") == []


def test_the_context_can_be_sent_to_a_worker_process():
    import pickle

    context = JoinContext.from_seeds(ROOT / "seeds")
    copy = pickle.loads(pickle.dumps(context))
    assert copy.event_date == context.event_date and copy.registry.names == context.registry.names
