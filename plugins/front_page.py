"""The articles on the front page and the database page: for each, its label,
outlet (or "outlet not stated"), date and the death toll it reports, linked
to its reading page.

``death_toll_phrase()`` and ``date_phrase()`` are pure, tested without a
server; the hook only reads the rows.
"""

import datetime
import json

from datasette import hookimpl
from datasette.utils import tilde_encode

# One row per article; death-toll figures as JSON so that each keeps its
# qualifier and population. The death toll is the topic the seeds call
# death-toll (seeds/topics.yml), as in the death_toll_by_outlet question.
ARTICLES_SQL = """
select
  article_sources.article_id,
  article_sources.source,
  article_sources.outlet,
  article_sources.outlet_status,
  articles.title,
  articles.published_date,
  dates.status as date_status,
  articles.annotation_status,
  (
    select json_group_array(json_object('value', value, 'qualifier', qualifier, 'population', population))
    from (
      select distinct claims.value, claims.qualifier, claims.population
      from claims
      where claims.article_id = articles.id
        and claims.topic_id = 'death-toll'
        and claims.kind = 'death_toll'
        and claims.value is not null
      order by claims.population = 'children', claims.value desc
    )
  ) as death_toll
from articles
  join article_sources on article_sources.article_id = articles.id
  left join article_provenance as dates
    on dates.article_id = articles.id
    and dates.field = 'published_date'
order by articles.published_date is null, articles.published_date, article_sources.source
"""

QUALIFIER_WORDS = {
    "exact": "", "at_least": "at least ", "more_than": "more than ", "about": "about ",
    "as_many_as": "as many as ", "up_to": "up to ", "fewer_than": "fewer than ", "most": "most of ",
}


def number(value):
    """145.0 as 145; other numbers as they are."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:,}" if isinstance(value, int) else str(value)


def death_toll_phrase(figures):
    """'at least 145 people; 134 children' from the article's figures, or None."""
    phrases = []
    for figure in figures:
        qualifier = figure.get("qualifier")
        words = QUALIFIER_WORDS.get(qualifier, f"{qualifier.replace('_', ' ')} " if qualifier else "")
        population = figure.get("population") or "dead"
        phrases.append(f"{words}{number(figure['value'])} {population}")
    return "; ".join(phrases) or None


def date_phrase(iso_date, status):
    """'17 December 2014', with '(inferred)' when the text only implies it."""
    if not iso_date:
        return None
    date = datetime.date.fromisoformat(iso_date)
    text = f"{date.day} {date:%B %Y}"
    return f"{text} (inferred)" if status == "inferred" else text


async def article_list(datasette, database):
    rows = (await datasette.get_database(database).execute(ARTICLES_SQL)).rows
    return [
        {
            "id": row["article_id"],
            "url": datasette.urls.row(database, "articles", tilde_encode(row["article_id"])),
            "source": row["source"],
            "outlet": row["outlet"],
            "outlet_inferred": row["outlet_status"] == "inferred",
            "title": row["title"],
            "date": date_phrase(row["published_date"], row["date_status"]),
            "death_toll": death_toll_phrase(json.loads(row["death_toll"] or "[]")),
            "draft": row["annotation_status"] == "draft",
        }
        for row in rows
    ]


@hookimpl
def extra_template_vars(template, database, datasette):
    if template not in ("index.html", "database.html"):
        return {}
    name = database or datasette.get_database().name

    async def articles():
        return {"article_list": await article_list(datasette, name), "articles_database": name}

    return articles
