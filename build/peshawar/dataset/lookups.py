"""Rows of the lookup tables: actors and their aliases, topics, statements."""


def actor_rows(actors, rows):
    """Every actor, and every spelling of it as an alias (the name first)."""
    actor_table, alias_table = rows.table("actors"), rows.table("actor_aliases")
    alias_owner = {}
    for actor in actors:
        display, line = actor["_file"], actor.line
        if not rows.unique("actors", actor["id"], display, line):
            continue
        actor_table.append({
            "id": actor["id"], "name": actor["name"], "kind": actor["kind"],
            "description": actor.get("description"), "note": actor.get("note"),
            "method": "curated",
        })
        aliases = [actor["name"]] + [a for a in actor.get("aliases", []) if a != actor["name"]]
        for alias in aliases:
            # Spellings that differ only in case may both be listed for one
            # actor, never for two: an alias resolves to exactly one actor.
            folded = alias.casefold()
            if folded in alias_owner and alias_owner[folded] != actor["id"]:
                rows.problem(
                    display, line,
                    f"alias {alias!r} of {actor['id']!r} already belongs to {alias_owner[folded]!r}: an alias must resolve to one actor",
                )
                continue
            alias_owner[folded] = actor["id"]
            alias_table.append({"actor_id": actor["id"], "alias": alias, "is_name": int(alias == actor["name"])})


def topic_rows(topics, rows):
    table = rows.table("topics")
    for topic in topics:
        if rows.unique("topics", topic["id"], topic["_file"], topic.line):
            table.append({"id": topic["id"], "label": topic["label"], "description": topic.get("description")})


def statement_rows(statements, rows):
    table = rows.table("statements")
    for statement in statements:
        display, line = statement["_file"], statement.line
        if rows.unique("statements", statement["id"], display, line) and rows.known_actor(
            statement["speaker"], f"statement {statement['id']}", display, line
        ):
            table.append({
                "id": statement["id"], "speaker_id": statement["speaker"],
                "label": statement["label"], "description": statement.get("description"),
            })
