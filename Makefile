# make serve   build the database and serve it on http://127.0.0.1:$(PORT)
# make test    run the whole test suite
# make build | check | evaluate [CORPUS=corpora/own-dev] | extract FILE=path/to/article.txt
# make calibration [CORPUS=...]   the quote rules' confidences against their measured speaker precision
# make bench-extract   a benchmark: the extractor on 10 KB to 1 MB of news and on hostile text
#
# Each target creates .venv and installs requirements.txt first if needed.

PYTHON ?= python3
PORT ?= 8001
VENV := .venv
BIN := $(VENV)/bin
DB := peshawar.db
RUN := $(BIN)/python -m peshawar
export PYTHONPATH := $(CURDIR)/build

.PHONY: build check package serve test evaluate calibration extract bench-extract clean

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
# is cut off after a second, and plugins/ refuses off-site redirects. Canned
# queries are not paginated: max_returned_rows is what a chart can draw.
# Table and query pages cut text at truncate_cells_html characters (an
# article body would fill screens); row pages show it in full.
# tests/conftest.py and tests/test_browser.py serve the site from this recipe.
serve: build package
	$(BIN)/datasette serve --immutable $(DB) \
		--host 127.0.0.1 --port $(PORT) \
		--metadata metadata.yml \
		--plugins-dir plugins \
		--template-dir templates \
		--static static:static \
		--setting sql_time_limit_ms 1000 \
		--setting facet_time_limit_ms 500 \
		--setting max_returned_rows 2000 \
		--setting truncate_cells_html 300

# Both print only what the command prints (the recipe lines are not echoed):
# extract prints one JSON object, evaluate ends with one JSON line.
extract: $(BIN)/.installed
	@test -n "$(FILE)" || { echo "usage: make extract FILE=path/to/article.txt" >&2; exit 2; }
	@$(RUN) extract "$(FILE)"

# CORPUS=path (one or more folders in the corpus gold format, corpora/README.md)
# measures the extractor on that corpus instead of the seeds' curated gold.
evaluate: $(BIN)/.installed
ifdef CORPUS
	@$(BIN)/python -m peshawar.corpus evaluate $(CORPUS)
else
	@$(RUN) evaluate
endif

# The development corpora the quote rules are calibrated on (corpora/README.md;
# PolNeAR train is converted locally, not committed).
CALIBRATION_CORPORA ?= corpora/own-dev corpora/polnear-train
calibration: $(BIN)/.installed
	@$(BIN)/python -m peshawar.corpus calibration $(CALIBRATION_CORPORA)

# A benchmark, not a test: times and ratios, the last line one JSON object.
bench-extract: $(BIN)/.installed
	@$(BIN)/python -m peshawar.bench.extractor

test: $(BIN)/.installed
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) $(DB) dist
