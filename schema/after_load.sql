-- Run once every row is in (dataset/load.py), before the file is swapped
-- into place: what is cheaper to work out once than on every page.
-- dataset/schema.py applies the other *.sql files to the empty database and
-- this one after the load.

-- Each article's label for tables and charts (article_sources.source). Three
-- of the five seed texts do not say who published them (outlet_id is NULL):
-- their label is the short_label from articles.yml (words of the headline),
-- else the title. Two articles with one label (two pieces from one outlet)
-- are numbered, so that a chart keeps them apart.
update articles
set source_label = numbered.source
from (
  select
    article_id,
    case
      when count(*) over (partition by label) > 1
        then label || ' #' || row_number() over (partition by label order by published_date, article_id)
      else label
    end as source
  from (
    select
      articles.id as article_id,
      coalesce(outlets.name, articles.short_label, articles.title) as label,
      articles.published_date
    from articles
      left join actors as outlets on outlets.id = articles.outlet_id
  )
) as numbered
where numbered.article_id = articles.id;

-- Statistics for the query planner (sqlite_stat1): without them it may walk
-- every death-toll claim for each article instead of the article's claims.
analyze;
