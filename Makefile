# make serve   build the database and serve it on http://127.0.0.1:$(PORT)
# make test    run the whole test suite
# make build | check | evaluate [CORPUS=corpora/own-dev] | calibrate | extract FILE=path/to/article.txt
# make ingest DIR=folder-or-file   add many articles as drafts (see README)
# make load    a benchmark: 10,000 mixed requests against the served site
# make bench   a benchmark: ingest and build 1,000 and 10,000 generated articles
# make bench-site [DB=path]   a benchmark: every canned query and table page on 10,000 articles
# make fuzz CASES=1000   a benchmark: break copies of the seeds and count how the build answers
# make bench-yaml        a benchmark: how fast the seeds' YAML is read (MB/s)
# make bench-build       a benchmark: the seeds' build against its floor (a bare executemany of the same rows)
# make speaker-calibration   the quote rules' confidences against their measured speaker precision
# make bench-extract   a benchmark: the extractor on 10 KB to 1 MB of news and on hostile text
#
# Each target creates .venv and installs requirements.txt first if needed.

PYTHON ?= python3
PORT ?= 8001
ALLOWED_HOSTS ?=
CASES ?= 1000
FUZZ_SEED ?= 2014
VENV := .venv
BIN := $(VENV)/bin
DB := peshawar.db
RUN := $(BIN)/python -m peshawar
export PYTHONPATH := $(CURDIR)/build

.PHONY: build check package serve load test evaluate calibrate speaker-calibration extract ingest bench bench-site fuzz bench-yaml bench-build bench-extract clean

# Setting up speaks on stderr only, so that `make extract` on a fresh clone
# still prints nothing but its JSON on stdout.
$(BIN)/.installed: requirements.txt Makefile
	@echo "setting up $(VENV) from requirements.txt" >&2
	@$(PYTHON) -c 'import sys; sys.exit("Python 3.11 or newer is needed, found " + sys.version.split()[0]) if sys.version_info < (3, 11) else None'
	@$(PYTHON) -m venv $(VENV) >&2
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt >&2
	@# A .pth file puts build/ on the venv's path, so `.venv/bin/python -m peshawar`
	@# works from anywhere without packaging the toolkit.
	@$(BIN)/python -c 'import site, sys; open(site.getsitepackages()[0] + "/peshawar-build.pth", "w").write(sys.argv[1] + "\n")' "$(CURDIR)/build"
	@touch $@

build: $(BIN)/.installed
	$(RUN) build --db $(DB)

check: $(BIN)/.installed
	$(RUN) check

# The downloads, generated into dist/ and never committed: the Frictionless
# Data Package (dist/peshawar-datapackage/ and its zip) and every quote, claim
# and citation as W3C Web Annotations (dist/annotations.jsonld). Rewritten from
# the database each time, so they never lag behind it.
package: build
	$(RUN) package --db $(DB) --dist dist

# Public settings: the file is opened immutable (read-only, no locking), SQL
# is cut off after a second, and plugins/ refuse off-site redirects, unknown
# Host headers and junk parameters, bound what one query may return and add
# security headers. Canned queries are not paginated: max_returned_rows is
# what a question page shows and its chart draws, 100 rows, because a page
# spends about half a millisecond per row it shows (measured: 2,000 rows,
# about a second); tables page through every row, and their CSV streams it
# all. Facet suggestions are off: on a table of 100,000 rows they were most
# of its page's time, and the facets worth having are in metadata.yml
# (indexed in schema.sql). The server runs on a snapshot of $(DB) and restarts
# on each new build (build/peshawar/serving.py), so answers never mix builds;
# before it restarts, it writes that build's downloads (make package).
# MALLOC_MMAP_THRESHOLD_ keeps glibc from raising its threshold after a large
# answer is freed: large buffers stay mmapped and go back to the system.
# ALLOWED_HOSTS: the names the site answers to behind a proxy (default: local).
# Table and query pages cut text at truncate_cells_html characters (an
# article body would fill screens); row pages show it in full.
# tests/conftest.py and the browser tests serve the site from this recipe.
serve: build package
	MALLOC_MMAP_THRESHOLD_=131072 PESHAWAR_ALLOWED_HOSTS="$(ALLOWED_HOSTS)" \
	$(BIN)/python -m peshawar.serving $(DB) --on-new-build "$(RUN) package --db $(DB) --dist dist" -- \
		$(BIN)/datasette serve --immutable $(DB) \
		--host 127.0.0.1 --port $(PORT) \
		--metadata metadata.yml \
		--plugins-dir plugins \
		--template-dir templates \
		--static static:static \
		--setting sql_time_limit_ms 1000 \
		--setting facet_time_limit_ms 500 \
		--setting suggest_facets off \
		--setting max_returned_rows 100 \
		--setting truncate_cells_html 300 \
		--setting max_csv_mb 100

# A benchmark, not a test: REQUESTS mixed requests at CONCURRENCY against the
# site served by the recipe above on a free port of 127.0.0.1; prints errors,
# latency percentiles and the server's memory, last line one JSON object.
REQUESTS ?= 10000
CONCURRENCY ?= 16
load: build
	@$(BIN)/python -m peshawar.bench.load --db $(DB) --requests $(REQUESTS) --concurrency $(CONCURRENCY)

# Both print only what the command prints (the recipe lines are not echoed):
# extract prints one JSON object, evaluate ends with one JSON line.
extract: $(BIN)/.installed
	@test -n "$(FILE)" || { echo "usage: make extract FILE=path/to/article.txt" >&2; exit 2; }
	@$(RUN) extract "$(FILE)"

# DIR: a folder of .txt files, or a JSON Lines or CSV file (several, space
# separated). Extracts on every core; WORKERS=N or SCHEDULER=tcp://host:port
# (a Dask cluster) to choose.
ingest: $(BIN)/.installed
	@test -n "$(DIR)" || { echo "usage: make ingest DIR=folder-or-file.jsonl" >&2; exit 2; }
	$(RUN) ingest $(DIR) $(if $(WORKERS),--workers $(WORKERS)) $(if $(SCHEDULER),--scheduler $(SCHEDULER))

# A benchmark, not a test: generated articles (bench/corpus.py) ingested and
# built in a temporary copy of the seeds; last line one JSON object.
bench: $(BIN)/.installed
	@$(BIN)/python -m peshawar.bench.corpus

# A benchmark, not a test: the served site on the 10,000 generated articles
# (ingested once under .cache/bench-site/ and reused), or on DB=path given
# on the command line: the median time of every canned query (HTML and
# JSON) and of every table's first page, against a bare `datasette serve`
# of the same file; last line one JSON object.
bench-site: $(BIN)/.installed
	@$(BIN)/python -m peshawar.bench.site $(if $(filter command line,$(origin DB)),--db $(DB))

# CORPUS=path (one or more folders in the corpus gold format, corpora/README.md)
# measures the extractor on that corpus instead of the seeds' curated gold.
evaluate: $(BIN)/.installed
ifdef CORPUS
	@$(BIN)/python -m peshawar.corpus evaluate $(CORPUS)
else
	@$(RUN) evaluate
endif

# A benchmark, not a test: CASES broken copies of the seeds (Hypothesis, a
# fixed seed), each built in-process over a previous database; prints the
# counts and one JSON line. tests/bench/test_fuzz.py runs a few dozen.
fuzz: $(BIN)/.installed
	@$(BIN)/python -m peshawar.bench.fuzz --cases $(CASES) --seed $(FUZZ_SEED)

# A benchmark: MB/s of the seed YAML reader (libyaml and the pure fallback)
# against PyYAML's own loaders, on the seed annotations and on 5 MB.
bench-yaml: $(BIN)/.installed
	@$(BIN)/python -m peshawar.bench.yaml_speed

# The quote pairs behind the threshold that links a new quote to a statement
# (core/renderings.py); ends with one JSON line.
calibrate: $(BIN)/.installed
	@$(RUN) calibrate

# A benchmark: `make build` of the seeds (cache warm) against a bare
# interpreter inserting the same rows with executemany, timed in pairs.
bench-build: $(BIN)/.installed
	@$(BIN)/python -m peshawar.bench.build_floor

# The development corpora the quote rules are calibrated on (corpora/README.md;
# PolNeAR train is converted locally, not committed).
CALIBRATION_CORPORA ?= corpora/own-dev corpora/polnear-train
speaker-calibration: $(BIN)/.installed
	@$(BIN)/python -m peshawar.corpus speaker-calibration $(CALIBRATION_CORPORA)

# A benchmark, not a test: times and ratios, the last line one JSON object.
bench-extract: $(BIN)/.installed
	@$(BIN)/python -m peshawar.bench.extractor

test: $(BIN)/.installed
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) $(DB) dist .cache
