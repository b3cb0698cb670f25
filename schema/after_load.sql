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

-- Answers to the site's questions, counted once ---------------------------
-- The questions of metadata.yml that count or sort every row of a large
-- table read their answer from one of these tables: the rows the question
-- shows, in its order (position), for every row (scope 'all') and for the
-- rows a person curated, in curated articles (scope 'curated', the
-- question's curated_only). Each is defined here once, and the question
-- selects from it; these are worked out from the tables above, never typed.
-- Their ids (article_id, claim_id ...) name rows of those tables; they
-- declare no foreign keys, so an article's page does not count its answers.

-- Where an actor appears: per actor and article, mentions, quotes (as
-- statements, no pull quotes), citations and attributed claims. Mentions
-- are alias matches; the other rows count as automatic when the extractor
-- found them. First of the answer tables because it takes longest to work
-- out: the build starts them in this order, two or more at a time
-- (dataset/derived.py). With the spellings of the actor in the article, listed once
-- here: looked up row by row in the question, they cost a second for every
-- actor at 10,000 articles (the question sorts all the rows it matches).
-- The mentions are counted and their distinct spellings listed in one pass
-- over the covering index idx_mentions_actor_id (actor, article, surface),
-- which gives them in order: each list is in alphabetical order, and no
-- table of spellings is made and joined back (a tenth of this statement).
create table actor_appearances (
  scope text not null,
  position integer not null,
  actor text not null,
  kind text not null,
  actor_method text not null,
  actor_confidence real,
  source text,
  mentions integer not null,
  quotes integer not null,
  citations integer not null,
  claims integer not null,
  automatic_rows integer not null,
  spellings text,
  actor_id text not null,
  article_id text not null,
  primary key (scope, position)
);
insert into actor_appearances
with counted as materialized (
  select actor_id, article_id, sum(mentions) as mentions, 0 as quotes, 0 as citations, 0 as claims, 0 as automatic, 1 as curated,
    group_concat(surface, ', ') as spellings
  from (
    select actor_id, article_id, surface, count(*) as mentions
    from mentions
    group by actor_id, article_id, surface
  )
  group by actor_id, article_id
  union all
  select speaker_id, article_id, 0, count(distinct coalesce(statement_id, id)), 0, 0,
    count(distinct case when method = 'automatic' then coalesce(statement_id, id) end), method = 'curated', null
  from quotes
  where speaker_id is not null
    and is_pull_quote = 0
  group by speaker_id, article_id, method
  union all
  select cited_id, article_id, 0, 0, count(*), 0, sum(method = 'automatic'), method = 'curated', null
  from citations
  group by cited_id, article_id, method
  union all
  select claimant_id, article_id, 0, 0, 0, count(*), sum(method = 'automatic'), method = 'curated', null
  from claims
  where claimant_id is not null
    and voice = 'attributed'
  group by claimant_id, article_id, method
),
pairs as (
  select
    'all' as scope, actor_id, article_id, sum(mentions) as mentions, sum(quotes) as quotes,
    sum(citations) as citations, sum(claims) as claims, sum(automatic) as automatic_rows, max(spellings) as spellings
  from counted
  group by actor_id, article_id
  union all
  select
    'curated', counted.actor_id, counted.article_id, sum(mentions), sum(quotes), sum(citations), sum(claims), 0,
    max(spellings)
  from articles
    join counted on counted.article_id = articles.id
  where articles.annotation_status = 'curated'
    and counted.curated
  group by counted.actor_id, counted.article_id
)
select
  pairs.scope,
  row_number() over (partition by pairs.scope order by actors.name, articles.source_label),
  actors.name, actors.kind, actors.method, actors.confidence, articles.source_label,
  pairs.mentions, pairs.quotes, pairs.citations, pairs.claims, pairs.automatic_rows,
  pairs.spellings, pairs.actor_id, pairs.article_id
from pairs
  join actors on actors.id = pairs.actor_id
  join articles on articles.id = pairs.article_id
where pairs.scope = 'all' or actors.method = 'curated';
create index idx_actor_appearances_actor_id on actor_appearances(scope, actor_id);

-- The quotes as the questions count them: one row per quote but pull quotes,
-- with its speaker, counted as its statement (a quote in parts counts once),
-- and whether it, its speaker (a proposed actor) or its statement link is
-- automatic, with the lowest of their confidences.
create temp table counted_quotes as
select
  quotes.id as quote_id,
  quotes.article_id,
  quotes.speaker_id,
  coalesce(quotes.statement_id, quotes.id) as counted,
  quotes.method = 'automatic' or speakers.method = 'automatic' or quotes.statement_method is 'automatic' as automatic,
  case
    when quotes.method = 'automatic' or speakers.method = 'automatic' or quotes.statement_method is 'automatic'
      then min(coalesce(quotes.confidence, 1), coalesce(speakers.confidence, 1), coalesce(quotes.statement_confidence, 1))
  end as confidence,
  articles.annotation_status = 'curated' as in_curated_article
from quotes
  join articles on articles.id = quotes.article_id
  left join actors as speakers on speakers.id = quotes.speaker_id
where quotes.is_pull_quote = 0;

-- Who gets quoted: quotes per speaker, article and how they were found.
create table speaker_quote_counts (
  scope text not null,
  position integer not null,
  speaker text not null,
  speaker_kind text,
  anonymity text not null,
  source text,
  outlet text,
  method text not null,
  quotes integer not null,
  lowest_confidence real,
  article_id text not null,
  primary key (scope, position)
);
insert into speaker_quote_counts
with tallies as (
  select
    'all' as scope, speaker_id, article_id, automatic, count(distinct counted) as quotes, min(confidence) as lowest_confidence
  from counted_quotes
  group by speaker_id, article_id, automatic
  union all
  select 'curated', speaker_id, article_id, automatic, count(distinct counted), null
  from counted_quotes
  where in_curated_article
    and not automatic
  group by speaker_id, article_id
),
named as (
  select
    tallies.scope,
    coalesce(speakers.name, 'speaker not identified') as speaker,
    speakers.kind as speaker_kind,
    case
      when speakers.kind = 'anonymous_source' then 'anonymous'
      when speakers.id is null then 'not identified'
      else 'named'
    end as anonymity,
    articles.source_label as source,
    coalesce(outlets.name, 'outlet not stated') as outlet,
    case when tallies.automatic then 'automatic' else 'curated' end as method,
    tallies.quotes,
    tallies.lowest_confidence,
    tallies.article_id
  from tallies
    join articles on articles.id = tallies.article_id
    left join actors as speakers on speakers.id = tallies.speaker_id
    left join actors as outlets on outlets.id = articles.outlet_id
)
select
  scope,
  row_number() over (partition by scope order by quotes desc, speaker, source, method),
  speaker, speaker_kind, anonymity, source, outlet, method, quotes, lowest_confidence, article_id
from named;

-- Anonymous sourcing: each article's quotes, how many from anonymous sources.
create table article_quote_shares (
  scope text not null,
  position integer not null,
  source text,
  outlet text,
  quotes integer not null,
  anonymous_quotes integer not null,
  anonymous_percent real,
  automatic_quotes integer not null,
  lowest_confidence real,
  article_id text not null,
  primary key (scope, position)
);
insert into article_quote_shares
with shares as (
  select
    scopes.scope,
    articles.id as article_id,
    count(distinct counted_quotes.counted) as quotes,
    count(distinct case when speakers.kind = 'anonymous_source' then counted_quotes.counted end) as anonymous_quotes,
    count(distinct case when counted_quotes.automatic then counted_quotes.counted end) as automatic_quotes,
    min(counted_quotes.confidence) as lowest_confidence
  from (select 'all' as scope union all select 'curated') as scopes
    join articles on scopes.scope = 'all' or articles.annotation_status = 'curated'
    left join counted_quotes on counted_quotes.article_id = articles.id
      and (scopes.scope = 'all' or not counted_quotes.automatic)
    left join actors as speakers on speakers.id = counted_quotes.speaker_id
  group by scopes.scope, articles.id
)
select
  shares.scope,
  row_number() over (
    partition by shares.scope
    order by round(100.0 * shares.anonymous_quotes / nullif(shares.quotes, 0), 1) desc, articles.source_label
  ),
  articles.source_label,
  coalesce(outlets.name, 'outlet not stated'),
  shares.quotes,
  shares.anonymous_quotes,
  round(100.0 * shares.anonymous_quotes / nullif(shares.quotes, 0), 1),
  shares.automatic_quotes,
  shares.lowest_confidence,
  shares.article_id
from shares
  join articles on articles.id = shares.article_id
  left join actors as outlets on outlets.id = articles.outlet_id;

-- Death toll by outlet: every death-toll figure on the attack.
create table death_toll_figures (
  scope text not null,
  position integer not null,
  source text,
  outlet text,
  article text,
  value numeric,
  population text,
  qualifier text,
  claimant text,
  attribution_text text,
  text text not null,
  method text not null,
  rule text,
  confidence real,
  claim_id text not null,
  article_id text not null,
  primary key (scope, position)
);
insert into death_toll_figures
select
  scopes.scope,
  row_number() over (
    partition by scopes.scope
    order by article_sources.source, claims.population desc, claims.value desc, claims.start_char
  ),
  article_sources.source,
  article_sources.outlet,
  article_sources.title,
  claims.value,
  claims.population,
  claims.qualifier,
  coalesce(claimants.name, 'the article itself (outlet not stated)'),
  claims.attribution_text,
  claims.text,
  case when claims.method = 'automatic' or claims.topic_method = 'automatic' then 'automatic' else 'curated' end,
  case when claims.method = 'automatic' or claims.topic_method = 'automatic' then coalesce(claims.rule, 'curated') || '; topic: ' || coalesce(claims.topic_rule, 'curated') end,
  case when claims.method = 'automatic' or claims.topic_method = 'automatic' then min(coalesce(claims.confidence, 1), coalesce(claims.topic_confidence, 1)) end,
  claims.id,
  claims.article_id
from (select 'all' as scope union all select 'curated') as scopes
  join claims on scopes.scope = 'all' or (claims.method = 'curated' and claims.topic_method = 'curated')
  join article_sources on article_sources.article_id = claims.article_id
  left join actors as claimants on claimants.id = claims.claimant_id
where claims.topic_id = 'death-toll'
  and claims.kind = 'death_toll'
  and claims.value is not null;

-- Where the articles disagree: per topic and population counted, the
-- distinct figures and which article reports each (an automatic one says so).
create table topic_disagreements (
  scope text not null,
  position integer not null,
  topic text not null,
  population text not null,
  different_values integer not null,
  articles integer not null,
  figures_reported text not null,
  automatic_figures integer not null,
  topic_id text not null,
  primary key (scope, position)
);
insert into topic_disagreements
select
  scope,
  row_number() over (partition by scope order by topic, population),
  topic, population, different_values, articles, figures_reported, automatic_figures, topic_id
from (
  select
    figures.scope,
    topics.label as topic,
    figures.population,
    count(distinct figures.value) as different_values,
    count(distinct figures.article_id) as articles,
    group_concat(figures.figure, '; ') as figures_reported,
    sum(figures.automatic) as automatic_figures,
    topics.id as topic_id
  from (
    select distinct
      scopes.scope,
      claims.topic_id,
      coalesce(claims.population, '') as population,
      claims.value,
      claims.article_id,
      trim(
        case when claims.qualifier in ('exact') or claims.qualifier is null then '' else replace(claims.qualifier, '_', ' ') || ' ' end
        || claims.value
        || coalesce(' ' || nullif(coalesce(claims.population, claims.unit), 'year'), '')
      ) || ' (' || article_sources.source
        || case
          when claims.method = 'automatic' or claims.topic_method = 'automatic'
            then ', automatic ' || printf('%.2f', min(coalesce(claims.confidence, 1), coalesce(claims.topic_confidence, 1)))
          else ''
        end || ')' as figure,
      claims.method = 'automatic' or claims.topic_method = 'automatic' as automatic
    from (select 'all' as scope union all select 'curated') as scopes
      join claims on scopes.scope = 'all' or (claims.method = 'curated' and claims.topic_method = 'curated')
      join article_sources on article_sources.article_id = claims.article_id
    where claims.topic_id is not null
      and claims.value is not null
    order by scopes.scope, claims.topic_id, claims.value, article_sources.source
  ) as figures
    join topics on topics.id = figures.topic_id
  group by figures.scope, figures.topic_id, figures.population
  having count(distinct figures.value) > 1
    and count(distinct figures.article_id) > 1
);

-- One statement, different words: each rendering of a statement quoted in
-- more than one way, article by article (a quote in parts joined with "…").
create table statement_renderings (
  scope text not null,
  position integer not null,
  statement text not null,
  speaker text not null,
  source text,
  named_as text,
  quoted_as text not null,
  method text not null,
  rule text,
  lowest_confidence real,
  quote_ids text not null,
  statement_id text not null,
  primary key (scope, position)
);
insert into statement_renderings
with parts as (
  select
    scopes.scope,
    quotes.*,
    quotes.method = 'automatic' or quotes.statement_method = 'automatic' as automatic,
    min(coalesce(quotes.confidence, 1), coalesce(quotes.statement_confidence, 1)) as lowest
  from (select 'all' as scope union all select 'curated') as scopes
    join quotes on scopes.scope = 'all' or (quotes.method = 'curated' and quotes.statement_method = 'curated')
  where quotes.statement_id is not null
    and quotes.is_pull_quote = 0
  order by scopes.scope, quotes.statement_id, quotes.article_id, coalesce(quotes.part, 1), quotes.start_char
),
renderings as (
  select
    scope,
    statement_id,
    article_id,
    group_concat(text, ' … ') as rendering,
    max(speaker_text) as named_as,
    group_concat(id, ', ') as quote_ids,
    case when max(automatic) then 'automatic' else 'curated' end as method,
    group_concat(distinct statement_rule) as link_rule,
    case when max(automatic) then min(lowest) end as lowest_confidence
  from parts
  group by scope, statement_id, article_id
),
varied as (
  select scope, statement_id
  from renderings
  group by scope, statement_id
  having count(distinct rendering) > 1
)
select
  renderings.scope,
  row_number() over (partition by renderings.scope order by statements.label, article_sources.source),
  statements.label,
  speakers.name,
  article_sources.source,
  renderings.named_as,
  renderings.rendering,
  renderings.method,
  renderings.link_rule,
  renderings.lowest_confidence,
  renderings.quote_ids,
  statements.id
from renderings
  join varied on varied.scope = renderings.scope
    and varied.statement_id = renderings.statement_id
  join statements on statements.id = renderings.statement_id
  join actors as speakers on speakers.id = statements.speaker_id
  join article_sources on article_sources.article_id = renderings.article_id;

-- Who each article credits: citations per article, source, kind of credit
-- and how they were found; an article that credits no one is a row with 0.
create table article_citation_counts (
  scope text not null,
  position integer not null,
  source text,
  outlet text,
  cited text,
  kind text,
  method text,
  citations integer not null,
  wording text,
  rules text,
  lowest_confidence real,
  article_id text not null,
  primary key (scope, position)
);
insert into article_citation_counts
select
  scope,
  row_number() over (partition by scope order by source, citations desc, cited),
  source, outlet, cited, kind, method, citations, wording, rules, lowest_confidence, article_id
from (
  select
    scopes.scope,
    article_sources.source,
    article_sources.outlet,
    cited.name as cited,
    citations.kind,
    citations.method,
    count(citations.id) as citations,
    group_concat(citations.text, ' | ') as wording,
    group_concat(distinct citations.rule) as rules,
    min(citations.confidence) as lowest_confidence,
    article_sources.article_id
  from (select 'all' as scope union all select 'curated') as scopes
    join articles on scopes.scope = 'all' or articles.annotation_status = 'curated'
    join article_sources on article_sources.article_id = articles.id
    left join citations on citations.article_id = articles.id
      and (scopes.scope = 'all' or citations.method = 'curated')
    left join actors as cited on cited.id = citations.cited_id
  group by scopes.scope, articles.id, citations.cited_id, citations.kind, citations.method
);

-- Quotes by speaker: every quote, and every claim an article attributes to
-- someone in reported speech, with who said it and where.
create table speaker_words (
  scope text not null,
  position integer not null,
  speaker text not null,
  source text,
  reported_as text not null,
  named_as text,
  attribution text,
  words text not null,
  method text not null,
  rule text,
  confidence real,
  actor_id text not null,
  quote_id text,
  claim_id text,
  article_id text not null,
  primary key (scope, position)
);
insert into speaker_words
with words as (
  select
    quotes.speaker_id as actor_id,
    quotes.article_id,
    'quote (' || quotes.form || case when quotes.is_pull_quote = 1 then ', pull quote' else '' end || ')' as reported_as,
    quotes.speaker_text as named_as,
    quotes.cue as attribution,
    quotes.text,
    quotes.start_char,
    quotes.method,
    quotes.rule,
    quotes.confidence,
    quotes.id as quote_id,
    null as claim_id
  from quotes
  where quotes.speaker_id is not null
  union all
  select
    claims.claimant_id,
    claims.article_id,
    'reported claim (' || replace(claims.kind, '_', ' ') || ')',
    null,
    claims.attribution_text,
    claims.text,
    claims.start_char,
    claims.method,
    claims.rule,
    claims.confidence,
    null,
    claims.id
  from claims
  where claims.claimant_id is not null
    and claims.voice = 'attributed'
)
select
  scopes.scope,
  row_number() over (partition by scopes.scope order by actors.name, article_sources.source, words.start_char),
  actors.name,
  article_sources.source,
  words.reported_as,
  words.named_as,
  words.attribution,
  words.text,
  case when words.method = 'automatic' or actors.method = 'automatic' then 'automatic' else 'curated' end,
  case
    when words.method = 'automatic' or actors.method = 'automatic'
      then coalesce(words.rule, 'curated') || case when actors.method = 'automatic' then '; speaker: ' || actors.rule else '' end
  end,
  case
    when words.method = 'automatic' or actors.method = 'automatic'
      then min(coalesce(words.confidence, 1), coalesce(actors.confidence, 1))
  end,
  words.actor_id,
  words.quote_id,
  words.claim_id,
  words.article_id
from (select 'all' as scope union all select 'curated') as scopes
  join words on scopes.scope = 'all' or words.method = 'curated'
  join actors on actors.id = words.actor_id
    and (scopes.scope = 'all' or actors.method = 'curated')
  join article_sources on article_sources.article_id = words.article_id;
create index idx_speaker_words_actor_id on speaker_words(scope, actor_id);

-- Timeline: every claim of kind year or date, dated ones first, in order.
create table dated_claims (
  scope text not null,
  position integer not null,
  date text,
  source text,
  topic text not null,
  kind text not null,
  value numeric,
  unit text,
  text text not null,
  method text not null,
  rule text,
  confidence real,
  claim_id text not null,
  article_id text not null,
  primary key (scope, position)
);
insert into dated_claims
select
  scopes.scope,
  row_number() over (
    partition by scopes.scope
    order by claims.event_date is null, claims.event_date, article_sources.source, claims.start_char
  ),
  claims.event_date,
  article_sources.source,
  coalesce(topics.label, 'other event'),
  claims.kind,
  claims.value,
  claims.unit,
  claims.text,
  case when claims.method = 'automatic' or claims.topic_method = 'automatic' then 'automatic' else 'curated' end,
  case
    when claims.method = 'automatic' or claims.topic_method = 'automatic'
      then coalesce(claims.rule, 'curated') || coalesce('; topic: ' || claims.topic_rule, '')
  end,
  case
    when claims.method = 'automatic' or claims.topic_method = 'automatic'
      then min(coalesce(claims.confidence, 1), coalesce(claims.topic_confidence, 1))
  end,
  claims.id,
  claims.article_id
from (select 'all' as scope union all select 'curated') as scopes
  join claims on scopes.scope = 'all' or (claims.method = 'curated' and claims.topic_method is not 'automatic')
  join article_sources on article_sources.article_id = claims.article_id
  left join topics on topics.id = claims.topic_id
where claims.kind in ('date', 'year');

-- Statistics for the query planner (sqlite_stat1): without them it may walk
-- every death-toll claim for each article instead of the article's claims.
analyze;
