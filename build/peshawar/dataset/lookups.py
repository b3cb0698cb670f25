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
            "method": "curated", "rule": None, "confidence": None,
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
                "method": "curated", "rule": None, "confidence": None,
            })


def proposed_actor_rows(annotations, rows):
    """One actor row (method automatic) per id the draft annotations propose.

    Registering an actor is how a person accepts a proposal, so an id that
    is registered is the registered actor and its proposals are set aside.
    Many drafts proposing one id make one row: the name of the first draft
    (by article id), the kind of the surest proposal, and every spelling as
    an alias that no other actor owns.
    """
    merged = {}
    for article_id, (display, data) in sorted(annotations.items()):
        for proposal in draft_proposals(article_id, display, data, rows):
            merge_proposal(merged, proposal)
    owners = {row["alias"].casefold(): row["actor_id"] for row in rows.table("actor_aliases")}
    actors, aliases = merged_actor_rows(merged, rows.proposed, owners)
    rows.table("actors").extend(actors)
    rows.table("actor_aliases").extend(aliases)


def draft_proposals(article_id, display, data, rows):
    """The actors one annotation file proposes that no one registered,
    marked in ``rows.proposed`` so that its rows may name them; a curated
    file that proposes is a problem (a person registers actors)."""
    found = []
    for proposal in data.get("proposed_actors", []):
        if data["status"] == "curated":
            rows.problem(display, proposal.line, f"proposed actor {proposal['id']}: a curated annotation proposes no actor; register it in actors.yml")
        elif proposal["id"] not in rows.registry.ids:
            rows.proposed.setdefault(proposal["id"], set()).add(article_id)
            found.append(proposal)
    return found


def merged_actor_rows(merged, proposed, owners):
    """``(actor rows, alias rows)`` of the merged proposals; ``owners`` maps
    each casefolded alias already taken to its actor (and is updated)."""
    actors, aliases = [], []
    for actor_id, actor in merged.items():
        actors.append({
            "id": actor_id, "name": actor["name"], "kind": actor["kind"], "description": None,
            "note": f"proposed by {len(proposed[actor_id])} draft annotation(s)",
            "method": "automatic", "rule": actor["rule"], "confidence": actor["confidence"],
        })
        for alias in actor["aliases"]:
            if owners.setdefault(alias.casefold(), actor_id) == actor_id:
                aliases.append({"actor_id": actor_id, "alias": alias, "is_name": int(alias == actor["name"])})
    return actors, aliases


def merge_proposal(merged, proposal):
    kept = merged.setdefault(proposal["id"], {"name": proposal["name"], "aliases": [], "confidence": -1})
    if proposal["confidence"] > kept["confidence"]:
        kept.update(kind=proposal["kind"], rule=proposal["rule"], confidence=proposal["confidence"])
    for alias in [proposal["name"], *proposal.get("aliases", [])]:
        if alias not in kept["aliases"]:
            kept["aliases"].append(alias)


def proposals_by_article(annotations, actors):
    """``{article id: [ids of the automatic actors its draft proposes]}``."""
    automatic = {actor["id"] for actor in actors if actor["method"] == "automatic"}
    return {
        article_id: [p["id"] for p in data.get("proposed_actors", []) if p["id"] in automatic]
        for article_id, (_, data) in annotations.items() if data.get("proposed_actors")
    }
