"""Statements proposed by the build: automatic quotes of one speaker that
render the same words, in one article (a pull quote and its twin) or in
several (one statement quoted by many outlets), grouped as one statement
(method automatic) so that the questions count them once and show their
variants.

Only quotes no statement claims yet are grouped, and only within one
speaker: the same words from two speakers are a quotation of a quotation,
not one statement. Identical words (``core.renderings.content_words``)
group at once; other renderings join a group when ``core.renderings``
scores them at the linking threshold against its first quote, found
through the same blocking index, so no pair is compared that shares too
few words.
"""

from ..core.renderings import MIN_SHARED, RenderingIndex, content_words

IDENTICAL = "identical_words_same_speaker"
SIMILAR = "same_words_same_speaker"


def _groups(quotes):
    """``[[(quote, score, rule)]]``: the quotes of one speaker grouped by their words."""
    by_words = {}
    for quote in quotes:
        words = content_words(quote["text"])
        if len(set(words)) >= MIN_SHARED:  # a short quote says too little to tell
            by_words.setdefault(words, []).append(quote)
    index, groups = RenderingIndex(), []
    for words, same in by_words.items():
        found = index.matches(" ".join(words))
        if found:
            number, value = found[0]
            groups[number] += [(quote, value, SIMILAR) for quote in same]
            continue
        index.add(len(groups), " ".join(words))
        groups.append([(quote, 100.0, IDENTICAL) for quote in same])
    return [group for group in groups if len(group) > 1]


def proposed_statement_rows(tables):
    """Add a statement row per group and link its quotes; return how many."""
    names = {actor["id"]: actor["name"] for actor in tables["actors"]}
    by_speaker = {}
    for quote in tables["quotes"]:
        if quote["method"] == "automatic" and quote["statement_id"] is None and quote["speaker_id"]:
            by_speaker.setdefault(quote["speaker_id"], []).append(quote)
    made = 0
    for speaker_id in sorted(by_speaker):
        for group in _groups(sorted(by_speaker[speaker_id], key=lambda q: q["id"])):
            first = group[0][0]
            articles = len({quote["article_id"] for quote, _, _ in group})
            rules = {rule for _, _, rule in group}
            tables["statements"].append({
                "id": f"{first['id']}-statement", "speaker_id": speaker_id,
                "label": f"{names[speaker_id]}: “{_shortened(first['text'])}” ({len(group)} quotes in {articles} article(s), grouped automatically)",
                "description": None, "method": "automatic", "rule": SIMILAR if SIMILAR in rules else IDENTICAL,
                "confidence": round(min(value for _, value, _ in group) / 100, 2),
            })
            for quote, value, rule in group:
                quote.update(statement_id=f"{first['id']}-statement", statement_method="automatic",
                             statement_rule=rule, statement_confidence=round(value / 100, 2))
            made += 1
    return made


def _shortened(text, words=12):
    split = text.split()
    return " ".join(split[:words]) + (" …" if len(split) > words else "")


def propose_statements_in(conn):
    """``proposed_statement_rows`` over a loaded database (a sqlite3
    connection): the statement rows inserted, the grouped quotes linked.
    Only what grouping reads is fetched: automatic quotes with a speaker
    and no statement, and the actors' names."""
    names = [{"id": i, "name": n} for i, n in conn.execute("select id, name from actors")]
    columns = ("id", "article_id", "speaker_id", "text", "method", "statement_id")
    quotes = [dict(zip(columns, row)) for row in conn.execute(f"""
        select {', '.join(columns)} from quotes
        where method = 'automatic' and statement_id is null and speaker_id is not null
    """)]
    tables = {"actors": names, "quotes": quotes, "statements": []}
    made = proposed_statement_rows(tables)
    for row in tables["statements"]:
        conn.execute(f"insert into statements ({', '.join(row)}) values ({', '.join('?' * len(row))})", list(row.values()))
    conn.executemany(
        "update quotes set statement_id = ?, statement_method = ?, statement_rule = ?, statement_confidence = ? where id = ?",
        [(q["statement_id"], q["statement_method"], q["statement_rule"], q["statement_confidence"], q["id"])
         for q in quotes if q["statement_id"]],
    )
    return made
