-- Views for the published site: the joins that several canned queries,
-- facets and charts share, written once. Applied after schema.sql.

-- Every article with a short label for tables and charts (the label is
-- worked out at build time, in schema/after_load.sql), and its outlet in
-- words: "outlet not stated" where the text does not say who published it.
create view article_sources as
select
  articles.id as article_id,
  articles.source_label as source,
  coalesce(outlets.name, 'outlet not stated') as outlet,
  provenance.status as outlet_status,
  articles.title,
  articles.published_date
from articles
  left join actors as outlets on outlets.id = articles.outlet_id
  left join article_provenance as provenance
    on provenance.article_id = articles.id
    and provenance.field = 'outlet';

-- Every quote with its speaker's name and kind and its article's outlet, so
-- that quotes can be faceted by speaker kind, anonymity and outlet; and how
-- each was found: the quote, its speaker (a proposed actor is automatic)
-- and its link to a statement, with the lowest confidence of the three.
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
  quotes.text,
  case
    when quotes.method = 'automatic' or speakers.method = 'automatic' or quotes.statement_method = 'automatic'
      then 'automatic'
    else 'curated'
  end as method,
  case
    when quotes.method = 'automatic' or speakers.method = 'automatic' or quotes.statement_method = 'automatic'
      then min(coalesce(quotes.confidence, 1), coalesce(speakers.confidence, 1), coalesce(quotes.statement_confidence, 1))
  end as confidence
from quotes
  join article_sources on article_sources.article_id = quotes.article_id
  left join actors as speakers on speakers.id = quotes.speaker_id
  left join actors as channels on channels.id = quotes.channel_id;
