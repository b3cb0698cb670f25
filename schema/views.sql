-- Views for the published site: the joins that several canned queries,
-- facets and charts share, written once. Applied after schema.sql.

-- Every article with a short label for tables and charts. Three of the five
-- texts do not say who published them (outlet_id is NULL): their label is
-- the short_label from articles.yml (words of the headline), else the title,
-- and outlet says so in words instead of leaving a blank. Two articles with
-- one label (two pieces from one outlet) are numbered, so that a chart keeps
-- them apart.
create view article_sources as
with labelled as (
  select
    articles.id as article_id,
    coalesce(outlets.name, articles.short_label, articles.title) as label,
    coalesce(outlets.name, 'outlet not stated') as outlet,
    provenance.status as outlet_status,
    articles.title,
    articles.published_date
  from articles
    left join actors as outlets on outlets.id = articles.outlet_id
    left join article_provenance as provenance
      on provenance.article_id = articles.id
      and provenance.field = 'outlet'
)
select
  article_id,
  case
    when count(*) over (partition by label) > 1
      then label || ' #' || row_number() over (partition by label order by published_date, article_id)
    else label
  end as source,
  outlet,
  outlet_status,
  title,
  published_date
from labelled;

-- Every quote with its speaker's name and kind and its article's outlet, so
-- that quotes can be faceted by speaker kind, anonymity and outlet.
create view quotes_with_speakers as
select
  quotes.id as quote_id,
  quotes.article_id,
  article_sources.source,
  article_sources.outlet,
  coalesce(speakers.name, 'speaker not identified') as speaker,
  speakers.kind as speaker_kind,
  case
    when speakers.kind = 'anonymous_source' then 'anonymous'
    when speakers.id is null then 'not identified'
    else 'named'
  end as anonymity,
  quotes.speaker_text,
  quotes.cue,
  channels.name as channel,
  quotes.form,
  quotes.is_pull_quote,
  quotes.statement_id,
  quotes.text
from quotes
  join article_sources on article_sources.article_id = quotes.article_id
  left join actors as speakers on speakers.id = quotes.speaker_id
  left join actors as channels on channels.id = quotes.channel_id;
