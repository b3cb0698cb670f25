-- The Peshawar coverage dataset: every table, key, check, index and trigger.
--
-- This file is the one definition of the database's shape. The build applies
-- it to an empty file and then inserts rows; nothing else restates it.
--
-- Offsets are half-open Python/SQLite character indexes into articles.body:
--   substr(body, start_char + 1, end_char - start_char) = text
-- The *_span_matches_body triggers refuse any row for which that is false, so
-- a database that exists at all has only verbatim spans.

PRAGMA foreign_keys = ON;

-- Lookup tables -------------------------------------------------------------

CREATE TABLE actors (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN (
        'person', 'militant_group', 'government', 'military', 'political_party',
        'news_outlet', 'wire_service', 'organization', 'research_organization',
        'publication', 'anonymous_source', 'unnamed_group'
    )),
    description TEXT,
    note TEXT,
    -- curated: registered in seeds/actors.yml. automatic: a speaker no one
    -- registered, proposed by draft annotations (one row however many drafts
    -- propose it), with the rule that guessed its kind and how sure it is.
    method TEXT NOT NULL DEFAULT 'curated' CHECK (method IN ('curated', 'automatic')),
    rule TEXT,
    confidence REAL CHECK (confidence IS NULL OR (confidence >= 0 AND confidence <= 1)),
    CHECK (method = 'curated' OR (rule IS NOT NULL AND confidence IS NOT NULL))
);

-- Facets of the actors table count by kind and method.
CREATE INDEX idx_actors_kind ON actors(kind);
CREATE INDEX idx_actors_method ON actors(method);

CREATE TABLE actor_aliases (
    id INTEGER PRIMARY KEY,
    actor_id TEXT NOT NULL REFERENCES actors(id),
    -- Each spelling as an article writes it. One actor may have spellings
    -- that differ only in case ("Pakistan Army", "Pakistan army"); the
    -- trigger below keeps two actors from sharing one.
    alias TEXT NOT NULL UNIQUE,
    is_name INTEGER NOT NULL DEFAULT 0 CHECK (is_name IN (0, 1))
);
CREATE INDEX idx_actor_aliases_actor_id ON actor_aliases(actor_id);
CREATE INDEX idx_actor_aliases_alias_nocase ON actor_aliases(alias COLLATE NOCASE);

-- An alias resolves to exactly one actor, whatever its capitalisation.
CREATE TRIGGER actor_aliases_one_actor BEFORE INSERT ON actor_aliases
WHEN EXISTS (SELECT 1 FROM actor_aliases WHERE alias = new.alias COLLATE NOCASE AND actor_id != new.actor_id)
BEGIN SELECT RAISE(ABORT, 'actor_aliases: this alias already belongs to another actor'); END;

CREATE TABLE topics (
    id TEXT PRIMARY KEY,
    label TEXT NOT NULL,
    description TEXT
);

CREATE TABLE statements (
    id TEXT PRIMARY KEY,
    speaker_id TEXT NOT NULL REFERENCES actors(id),
    label TEXT NOT NULL,
    description TEXT,
    -- curated: listed in seeds/statements.yml. automatic: new quotes of one
    -- speaker in the same words, grouped by the build (core/renderings.py).
    method TEXT NOT NULL DEFAULT 'curated' CHECK (method IN ('curated', 'automatic')),
    rule TEXT,
    confidence REAL CHECK (confidence IS NULL OR (confidence >= 0 AND confidence <= 1)),
    CHECK (method = 'curated' OR (rule IS NOT NULL AND confidence IS NOT NULL))
);
CREATE INDEX idx_statements_speaker_id ON statements(speaker_id);

-- Articles ------------------------------------------------------------------

CREATE TABLE articles (
    id TEXT PRIMARY KEY,
    -- NULL where the text does not say who published it; see article_provenance.
    outlet_id TEXT REFERENCES actors(id),
    title TEXT NOT NULL,
    -- A short label for charts and tables where the text names no outlet:
    -- words of the headline, never a guessed publisher (see articles.yml).
    short_label TEXT,
    subtitle TEXT,
    byline TEXT,
    dateline TEXT,
    published_date TEXT CHECK (published_date IS NULL OR published_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
    source_file TEXT NOT NULL,
    original_file TEXT,
    -- Where the article was found, as given by whoever added it (see
    -- article_provenance, status given); NULL when nobody gave one.
    url TEXT,
    char_count INTEGER NOT NULL CHECK (char_count = length(body)),
    annotation_status TEXT NOT NULL CHECK (annotation_status IN ('curated', 'draft')),
    -- The article's label in tables and charts (article_sources.source),
    -- worked out once all articles are in (schema/after_load.sql): a label
    -- that needs every other article is too dear to work out on every page.
    source_label TEXT,
    -- The text, last: a row's other columns are then read without reading
    -- the pages the text overflows into.
    body TEXT NOT NULL
);
CREATE INDEX idx_articles_outlet_id ON articles(outlet_id);
-- The front page lists curated articles and the first drafts by date; the
-- articles table is faceted by status.
CREATE INDEX idx_articles_annotation_status ON articles(annotation_status, published_date, id);

-- For each metadata field: the value, whether the text states it, a reader
-- inferred it, or the text is silent, and the words of the text it rests on.
CREATE TABLE article_provenance (
    id TEXT PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id),
    field TEXT NOT NULL CHECK (field IN ('outlet', 'title', 'subtitle', 'byline', 'dateline', 'published_date', 'url')),
    value TEXT,
    -- given: supplied by the person who added the article, not found in the
    -- text (a URL: where the article was found; never guessed).
    status TEXT NOT NULL CHECK (status IN ('stated', 'inferred', 'given', 'not_stated')),
    evidence TEXT,
    start_char INTEGER,
    end_char INTEGER,
    note TEXT,
    UNIQUE (article_id, field),
    CHECK (status = 'not_stated' OR value IS NOT NULL),
    CHECK (status != 'not_stated' OR value IS NULL),
    CHECK ((start_char IS NULL) = (end_char IS NULL)),
    CHECK (start_char IS NULL OR (start_char >= 0 AND end_char > start_char))
);
CREATE INDEX idx_article_provenance_article_id ON article_provenance(article_id);
CREATE INDEX idx_article_provenance_field ON article_provenance(field, status);

-- Spans ---------------------------------------------------------------------
-- Every span table carries method (curated by a person, or automatic from the
-- extractor), the rule that found an automatic row, and a confidence.

CREATE TABLE quotes (
    id TEXT PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id),
    speaker_id TEXT REFERENCES actors(id),
    statement_id TEXT REFERENCES statements(id),
    text TEXT NOT NULL,
    start_char INTEGER NOT NULL CHECK (start_char >= 0),
    end_char INTEGER NOT NULL,
    -- The speaker as the article names them at this quote ("the commander").
    speaker_text TEXT,
    cue TEXT,
    -- The outlet or channel the words were given to, and the words saying so.
    channel_id TEXT REFERENCES actors(id),
    channel_text TEXT,
    form TEXT NOT NULL CHECK (form IN ('full', 'partial')),
    is_pull_quote INTEGER NOT NULL DEFAULT 0 CHECK (is_pull_quote IN (0, 1)),
    part INTEGER CHECK (part IS NULL OR part >= 1),
    method TEXT NOT NULL CHECK (method IN ('curated', 'automatic')),
    rule TEXT,
    confidence REAL CHECK (confidence IS NULL OR (confidence >= 0 AND confidence <= 1)),
    note TEXT,
    -- How the link to the statement was made: by a person, or automatically
    -- (the words scored against a rendering of it), with rule and confidence.
    statement_method TEXT CHECK (statement_method IN ('curated', 'automatic')),
    statement_rule TEXT,
    statement_confidence REAL CHECK (statement_confidence IS NULL OR (statement_confidence >= 0 AND statement_confidence <= 1)),
    CHECK (end_char > start_char),
    CHECK ((statement_id IS NULL) = (statement_method IS NULL)),
    CHECK (statement_method IS NOT 'automatic' OR (statement_rule IS NOT NULL AND statement_confidence IS NOT NULL))
);
CREATE INDEX idx_quotes_article_id ON quotes(article_id);
CREATE INDEX idx_quotes_speaker_id ON quotes(speaker_id);
CREATE INDEX idx_quotes_statement_id ON quotes(statement_id);
CREATE INDEX idx_quotes_channel_id ON quotes(channel_id);
-- Facets of the quotes table (metadata.yml) count by these columns.
CREATE INDEX idx_quotes_form ON quotes(form);
-- The questions' curated_only (search picks the best curated matches from
-- these: 38 of 71,711 quotes at 10,000 articles, found without a scan).
CREATE INDEX idx_quotes_method ON quotes(method);

CREATE TABLE claims (
    id TEXT PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id),
    -- NULL with voice = 'article' when the article asserts it in its own voice
    -- and does not say who published it.
    claimant_id TEXT REFERENCES actors(id),
    voice TEXT NOT NULL CHECK (voice IN ('article', 'attributed')),
    topic_id TEXT REFERENCES topics(id),
    kind TEXT NOT NULL CHECK (kind IN (
        'death_toll', 'injured', 'attackers', 'troops', 'militants_killed',
        'displaced', 'group_count', 'distance', 'year', 'date', 'age', 'duration',
        'count', 'responsibility', 'motive', 'condemnation', 'allegation', 'other'
    )),
    -- NUMERIC, not REAL: a whole number is stored as an integer (145, not
    -- 145.0), so the site and its CSV show it as the text gives it.
    value NUMERIC,
    unit TEXT,
    qualifier TEXT CHECK (qualifier IS NULL OR qualifier IN (
        'exact', 'at_least', 'more_than', 'about', 'as_many_as', 'up_to', 'fewer_than', 'most'
    )),
    population TEXT,
    -- When the event the claim dates happened: YYYY, YYYY-MM or YYYY-MM-DD.
    -- Given by the annotation for a date claim; a year claim's is its value.
    event_date TEXT CHECK (event_date IS NULL OR event_date GLOB '[0-9][0-9][0-9][0-9]'
        OR event_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'
        OR event_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    text TEXT NOT NULL,
    start_char INTEGER NOT NULL CHECK (start_char >= 0),
    end_char INTEGER NOT NULL,
    -- The words that attribute the claim ("according to The Associated Press").
    attribution_text TEXT,
    method TEXT NOT NULL CHECK (method IN ('curated', 'automatic')),
    rule TEXT,
    confidence REAL CHECK (confidence IS NULL OR (confidence >= 0 AND confidence <= 1)),
    note TEXT,
    -- How the claim got its topic: from a person, or from a topic rule
    -- (join/topics.py) with the rule and its confidence.
    topic_method TEXT CHECK (topic_method IN ('curated', 'automatic')),
    topic_rule TEXT,
    topic_confidence REAL CHECK (topic_confidence IS NULL OR (topic_confidence >= 0 AND topic_confidence <= 1)),
    CHECK (end_char > start_char),
    CHECK (voice = 'article' OR claimant_id IS NOT NULL),
    CHECK ((topic_id IS NULL) = (topic_method IS NULL)),
    CHECK (topic_method IS NOT 'automatic' OR (topic_rule IS NOT NULL AND topic_confidence IS NOT NULL))
);
CREATE INDEX idx_claims_article_id ON claims(article_id);
CREATE INDEX idx_claims_claimant_id ON claims(claimant_id);
CREATE INDEX idx_claims_topic_id ON claims(topic_id);
-- Facets of the claims table count by these columns.
CREATE INDEX idx_claims_kind ON claims(kind);
CREATE INDEX idx_claims_voice ON claims(voice);
CREATE INDEX idx_claims_qualifier ON claims(qualifier);
-- The questions' curated_only, as for quotes.
CREATE INDEX idx_claims_method ON claims(method);

CREATE TABLE citations (
    id TEXT PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id),
    cited_id TEXT NOT NULL REFERENCES actors(id),
    kind TEXT NOT NULL CHECK (kind IN (
        'news_outlet', 'wire_service', 'wire_photo', 'research_organization',
        'book', 'related_article', 'statement', 'other'
    )),
    text TEXT NOT NULL,
    start_char INTEGER NOT NULL CHECK (start_char >= 0),
    end_char INTEGER NOT NULL,
    method TEXT NOT NULL CHECK (method IN ('curated', 'automatic')),
    rule TEXT,
    confidence REAL CHECK (confidence IS NULL OR (confidence >= 0 AND confidence <= 1)),
    note TEXT,
    CHECK (end_char > start_char)
);
CREATE INDEX idx_citations_article_id ON citations(article_id);
CREATE INDEX idx_citations_cited_id ON citations(cited_id);
CREATE INDEX idx_citations_kind ON citations(kind);

CREATE TABLE actor_relations (
    id TEXT PRIMARY KEY,
    subject_id TEXT NOT NULL REFERENCES actors(id),
    relation TEXT NOT NULL CHECK (relation IN (
        'spokesman_of', 'leader_of', 'founding_leader_of', 'member_of',
        'commander_of', 'splinter_of', 'offshoot_of', 'allied_with',
        'pledges_allegiance_to', 'author_of', 'founded', 'successor_of',
        'chief_of', 'envoy_of', 'expert_on', 'part_of', 'works_for',
        'opposed_to', 'condemned'
    )),
    object_id TEXT NOT NULL REFERENCES actors(id),
    article_id TEXT NOT NULL REFERENCES articles(id),
    -- The sentence (or the part of it) that supports the relation.
    text TEXT NOT NULL,
    start_char INTEGER NOT NULL CHECK (start_char >= 0),
    end_char INTEGER NOT NULL,
    method TEXT NOT NULL CHECK (method IN ('curated', 'automatic')),
    note TEXT,
    CHECK (end_char > start_char),
    CHECK (subject_id != object_id)
);
CREATE INDEX idx_actor_relations_subject_id ON actor_relations(subject_id);
CREATE INDEX idx_actor_relations_object_id ON actor_relations(object_id);
CREATE INDEX idx_actor_relations_article_id ON actor_relations(article_id);
CREATE INDEX idx_actor_relations_relation ON actor_relations(relation);

-- Every place a known actor's name or alias appears, found automatically by
-- matching the alias list (longest alias first).
CREATE TABLE mentions (
    id INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id),
    actor_id TEXT NOT NULL REFERENCES actors(id),
    surface TEXT NOT NULL,
    start_char INTEGER NOT NULL CHECK (start_char >= 0),
    end_char INTEGER NOT NULL,
    method TEXT NOT NULL DEFAULT 'automatic' CHECK (method IN ('curated', 'automatic')),
    rule TEXT,
    confidence REAL CHECK (confidence IS NULL OR (confidence >= 0 AND confidence <= 1)),
    CHECK (end_char > start_char),
    UNIQUE (article_id, start_char, end_char)
);
-- No index of its own on article_id: the UNIQUE constraint's index starts
-- with it and serves an article's mentions (a second one held 21 MB of the
-- 10,000-article database).
-- An actor's spellings in an article (the Where an actor appears question).
CREATE INDEX idx_mentions_actor_id ON mentions(actor_id, article_id, surface);

-- Quotation marks that are not anybody's words (nicknames, titles, scare
-- quotes, apostrophes) and numbers that are not figures worth a claim: listed
-- so that nothing in an article is skipped silently.
CREATE TABLE skipped_spans (
    id TEXT PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id),
    span_kind TEXT NOT NULL CHECK (span_kind IN ('quotation', 'number')),
    reason TEXT NOT NULL,
    text TEXT NOT NULL,
    start_char INTEGER NOT NULL CHECK (start_char >= 0),
    end_char INTEGER NOT NULL,
    note TEXT,
    CHECK (end_char > start_char)
);
CREATE INDEX idx_skipped_spans_article_id ON skipped_spans(article_id);

-- What the draft annotations still need from a person, one row per gap,
-- most pressing first: the build numbers the rows in that order (kind in the
-- order of the list below, then the least confident row first, then article
-- and offset), so the table's default order is the order of work. Curated
-- files never appear here: the same gap in a curated file stops the build.
CREATE TABLE review_queue (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN (
        'quote_without_speaker', 'uncertain_speaker', 'unaccounted_quotation_mark',
        'claim_without_claimant', 'unaccounted_number'
    )),
    article_id TEXT NOT NULL REFERENCES articles(id),
    -- The span the gap is about: a quote or claim, a quotation mark or a number.
    start_char INTEGER CHECK (start_char IS NULL OR start_char >= 0),
    end_char INTEGER,
    text TEXT,
    -- The quote or claim concerned, for gaps about a row.
    row_id TEXT,
    reason TEXT NOT NULL,
    -- The confidence of the automatic row concerned (NULL for marks and numbers).
    confidence REAL CHECK (confidence IS NULL OR (confidence >= 0 AND confidence <= 1)),
    -- Where to fix it: the annotation file and line.
    file TEXT NOT NULL,
    line INTEGER,
    CHECK ((start_char IS NULL) = (end_char IS NULL))
);
CREATE INDEX idx_review_queue_article_id ON review_queue(article_id);
CREATE INDEX idx_review_queue_kind ON review_queue(kind);

-- Spans must be verbatim slices of their article --------------------------

CREATE TRIGGER quotes_span_matches_body BEFORE INSERT ON quotes
WHEN new.text IS NOT (SELECT substr(body, new.start_char + 1, new.end_char - new.start_char) FROM articles WHERE id = new.article_id)
BEGIN SELECT RAISE(ABORT, 'quotes: text is not the article slice at its offsets'); END;

CREATE TRIGGER claims_span_matches_body BEFORE INSERT ON claims
WHEN new.text IS NOT (SELECT substr(body, new.start_char + 1, new.end_char - new.start_char) FROM articles WHERE id = new.article_id)
BEGIN SELECT RAISE(ABORT, 'claims: text is not the article slice at its offsets'); END;

CREATE TRIGGER citations_span_matches_body BEFORE INSERT ON citations
WHEN new.text IS NOT (SELECT substr(body, new.start_char + 1, new.end_char - new.start_char) FROM articles WHERE id = new.article_id)
BEGIN SELECT RAISE(ABORT, 'citations: text is not the article slice at its offsets'); END;

CREATE TRIGGER actor_relations_span_matches_body BEFORE INSERT ON actor_relations
WHEN new.text IS NOT (SELECT substr(body, new.start_char + 1, new.end_char - new.start_char) FROM articles WHERE id = new.article_id)
BEGIN SELECT RAISE(ABORT, 'actor_relations: text is not the article slice at its offsets'); END;

CREATE TRIGGER mentions_span_matches_body BEFORE INSERT ON mentions
WHEN new.surface IS NOT (SELECT substr(body, new.start_char + 1, new.end_char - new.start_char) FROM articles WHERE id = new.article_id)
BEGIN SELECT RAISE(ABORT, 'mentions: surface is not the article slice at its offsets'); END;

CREATE TRIGGER skipped_spans_span_matches_body BEFORE INSERT ON skipped_spans
WHEN new.text IS NOT (SELECT substr(body, new.start_char + 1, new.end_char - new.start_char) FROM articles WHERE id = new.article_id)
BEGIN SELECT RAISE(ABORT, 'skipped_spans: text is not the article slice at its offsets'); END;

CREATE TRIGGER review_queue_span_matches_body BEFORE INSERT ON review_queue
WHEN new.text IS NOT NULL AND new.text IS NOT (SELECT substr(body, new.start_char + 1, new.end_char - new.start_char) FROM articles WHERE id = new.article_id)
BEGIN SELECT RAISE(ABORT, 'review_queue: text is not the article slice at its offsets'); END;

-- Full-text search ----------------------------------------------------------
-- External-content FTS5 tables; Datasette finds them by content="<table>" and
-- the build fills them with the 'rebuild' command after the rows are in.

CREATE VIRTUAL TABLE articles_fts USING fts5(title, body, content="articles");
CREATE VIRTUAL TABLE quotes_fts USING fts5(text, content="quotes");
CREATE VIRTUAL TABLE claims_fts USING fts5(text, content="claims");
