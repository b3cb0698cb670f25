"""From the seed files to the rows of every table.

``collect(seeds_dir)`` reads the seeds and returns every table's rows and
every problem found. ``build_rows(seeds)`` runs the table families in
order, each a function that fills its own tables (``lookups``: actors,
aliases, topics and statements; ``articles``: articles and their
provenance; ``annotations``: quotes, claims, citations, relations and
skipped spans), and returns ``(tables, problems)``. ``mention_rows`` derives the mentions table from the
articles and aliases. Apart from ``collect`` reading the seed files,
everything here is pure: no file is read, no database touched.
"""

from ..core.aliases import alias_mentions, few_alias_mentions
from ..core.problems import Problem
from .annotations import annotation_rows
from .articles import article_rows
from .lookups import actor_rows, proposals_by_article, proposed_actor_rows, statement_rows, topic_rows
from .proposed_statements import proposed_statement_rows


class Rows:
    """The rows of every table as they are built, and the problems found.

    ``tables`` keeps the order in which the families create their tables,
    which is the order the build reports them in.
    """

    def __init__(self, registry, lookup_ids=None, unread=frozenset()):
        self.registry = registry
        # Seed files that could not be read (their problems are reported):
        # references into them are not checked, so that one broken file is
        # one problem, not one per reference.
        self.unread = unread
        self.tables = {}
        self.problems = []
        self.seen = {}  # (table, id) -> (file, line) of its first row
        # Ids of the lookup tables when they were built apart (one article at a time).
        self.lookup_ids = lookup_ids or {}
        self.proposed = {}  # proposed actor id -> ids of the articles whose drafts propose it

    def table(self, name):
        """The list of rows of table ``name`` (created empty on first use)."""
        return self.tables.setdefault(name, [])

    def ids_of(self, table):
        """The ids of a lookup table (topics, statements)."""
        if table in self.lookup_ids:
            return self.lookup_ids[table]
        return {row["id"] for row in self.table(table)}

    def problem(self, display, line, message):
        self.problems.append(Problem(display, line, message))

    def unique(self, table, row_id, display, line):
        """Is ``row_id`` new in ``table``? If not, say where it was first."""
        key = (table, row_id)
        if key in self.seen:
            first_display, first_line = self.seen[key]
            self.problem(display, line, f"id {row_id!r} repeats (first at {first_display}:{first_line})")
            return False
        self.seen[key] = (display, line)
        return True

    def known_actor(self, actor_id, what, display, line, article_id=None):
        """Is ``actor_id`` None, registered, or proposed by the draft of
        ``article_id``? If not, say so with the id meant."""
        if actor_id is None or actor_id in self.registry.ids or article_id in self.proposed.get(actor_id, ()):
            return True
        if "actors" in self.unread:
            return False
        suggestion = self.registry.suggest(actor_id)
        hint = f"; did you mean {suggestion!r}?" if suggestion else ""
        self.problem(display, line, f"{what}: unknown actor id {actor_id!r}{hint}")
        return False


def lookup_rows(seeds, rows):
    """The lookup tables: actors and their aliases, topics, statements."""
    actor_rows(seeds.actors, rows)
    topic_rows(seeds.topics, rows)
    statement_rows(seeds.statements, rows)


def article_family(seeds, rows):
    """The articles of ``seeds`` and everything their annotations give."""
    outlets = article_rows(seeds, rows)
    annotation_rows(seeds, outlets, rows)


def build_rows(seeds):
    """Turn validated seeds into rows for every table; return ``(tables, problems)``.

    ``tables`` maps a table name to a list of row dicts in a stable order.
    """
    from ..core.registry import Registry

    # Statements whose speaker cannot be checked are left out with the actors.
    unread = seeds.unread | ({"statements"} if "actors" in seeds.unread else set())
    rows = Rows(Registry.from_actors(seeds.actors), unread=unread)
    actor_rows(seeds.actors, rows)
    proposed_actor_rows(seeds.annotations, rows)
    topic_rows(seeds.topics, rows)
    statement_rows(seeds.statements, rows)
    article_family(seeds, rows)
    proposed_statement_rows(rows.tables)
    return rows.tables, rows.problems


def mention_rows(articles, aliases, proposed=None, registered=None):
    """Automatic mentions of every alias in every article body.

    ``proposed`` (``{article id: [proposed actor ids]}``) names the actors
    a draft proposes: their spellings are looked for in that article only,
    where they are not inside a registered alias. A proposal is a guess
    about one article's speaker, not a name to find in every text.
    ``registered``: ``{alias: actor id}`` of the aliases no proposal owns,
    when the caller keeps it from one article to the next.
    """
    proposed = proposed or {}
    own = {actor_id for ids in proposed.values() for actor_id in ids}
    if registered is None:
        registered = {row["alias"]: row["actor_id"] for row in aliases if row["actor_id"] not in own}
    spellings = {}
    for row in aliases:
        if row["actor_id"] in own:
            spellings.setdefault(row["actor_id"], {})[row["alias"]] = row["actor_id"]
    rows = []
    for article in articles:
        found = alias_mentions(article["body"], registered)
        extra = {a: i for actor_id in proposed.get(article["id"], ()) for a, i in spellings.get(actor_id, {}).items()}
        if extra:
            taken = [(m["start_char"], m["end_char"]) for m in found]
            found += [m for m in few_alias_mentions(article["body"], extra)
                      if not any(s < m["end_char"] and m["start_char"] < e for s, e in taken)]
        for mention in sorted(found, key=lambda m: (m["start_char"], m["end_char"])):
            del mention["text"]  # the table keeps it once, as surface
            rows.append({"article_id": article["id"], **mention, "method": "automatic"})
    return rows


def collect(seeds_dir):
    """Read and validate the seeds; return ``(tables, problems)``."""
    from .seeds import read_seeds

    seeds, problems = read_seeds(seeds_dir)
    tables, more = build_rows(seeds)
    proposed = proposals_by_article(seeds.annotations, tables["actors"])
    tables["mentions"] = mention_rows(tables["articles"], tables["actor_aliases"], proposed)
    return tables, problems + more
