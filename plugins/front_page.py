"""The articles on the front page and the database page: for each, its label,
outlet (or "outlet not stated"), date and the death toll it reports, linked
to its reading page.

Every curated article is listed, and the first ``DRAFTS_SHOWN`` drafts; the
page says how many more there are and links to all of them in the articles
table, so that it stays one page (and one quick query) however large the
corpus grows.

``date_phrase()`` is pure, tested without a server; the hook only reads the
rows.
"""

import datetime

from datasette import hookimpl
from datasette.utils import tilde_encode

# One row per article. The death toll is the topic the seeds call
# death-toll (seeds/topics.yml), as in the death_toll_by_outlet question;
# each figure is worded as in conflicting_claims ("at least 145 people").
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
    select group_concat(figure, '; ')
    from (
      select distinct
        case when claims.qualifier is null or claims.qualifier = 'exact' then '' else replace(claims.qualifier, '_', ' ') || ' ' end
          || claims.value || ' ' || coalesce(claims.population, 'dead') as figure
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
where articles.id in (
  select id
  from articles
  where annotation_status = 'curated'
  union all
  select id
  from (
    select id
    from articles
    where annotation_status = 'draft'
    order by published_date is null, published_date, id
    limit :drafts_shown
  )
)
order by articles.published_date is null, articles.published_date, article_sources.source
"""
DRAFTS_SHOWN = 20
DRAFTS_SQL = "select count(*) from articles where annotation_status = 'draft'"


def date_phrase(iso_date, status):
    """'17 December 2014', with '(inferred)' when the text only implies it."""
    if not iso_date:
        return None
    date = datetime.date.fromisoformat(iso_date)
    text = f"{date.day} {date:%B %Y}"
    return f"{text} (inferred)" if status == "inferred" else text


async def article_list(datasette, database):
    rows = (await datasette.get_database(database).execute(ARTICLES_SQL, {"drafts_shown": DRAFTS_SHOWN})).rows
    return [
        {
            "id": row["article_id"],
            "url": datasette.urls.row(database, "articles", tilde_encode(row["article_id"])),
            "source": row["source"],
            "outlet": row["outlet"],
            "outlet_inferred": row["outlet_status"] == "inferred",
            "title": row["title"],
            "date": date_phrase(row["published_date"], row["date_status"]),
            "death_toll": row["death_toll"],
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
        drafts = (await datasette.get_database(name).execute(DRAFTS_SQL)).first()[0]
        listed = await article_list(datasette, name)
        return {
            "article_list": listed, "articles_database": name,
            "articles_total": len([a for a in listed if not a["draft"]]) + drafts,
            "drafts_not_listed": max(0, drafts - DRAFTS_SHOWN),
        }

    return articles
