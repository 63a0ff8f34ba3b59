# sitroom: `make demo` sets everything up and codes the example corpus; `make test` runs every check.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
DB     ?= sitroom.duckdb

.PHONY: install browser assets demo test lint typecheck unit eval bench clean
DEV    ?= ../shared/dev

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade "pip>=24"
	$(BIN)/pip install --quiet -c requirements.lock -e '.[dev,ray]'
	touch $(STAMP)

install: $(STAMP)  ## create .venv and install sitroom with every pinned dependency

# The browser tests drive Debian's Chromium (never a browser that Playwright downloads). Without root or the
# package archive it stays missing, and those tests are skipped with the reason.
CHROMIUM ?= /usr/bin/chromium
browser:  ## install Debian's chromium for the browser tests, if it is not there
	@if [ -x "$(CHROMIUM)" ]; then echo "chromium: $(CHROMIUM)"; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
		|| echo "warning: could not install chromium; the browser tests will be skipped"; \
	else echo "warning: no $(CHROMIUM) and no root to install it; the browser tests will be skipped"; fi

assets:  ## rebuild the web UI's vendored libraries and basemap from the npm packages pinned in web/
	cd web && npm ci --no-audit --no-fund
	$(PYTHON) web/build_assets.py
	$(BIN)/python -c "from sitroom.geo.outlines import main; main()"  # their centroids, for the gazetteer

demo: install  ## ingest the bundled example corpus and write out/events.csv and out/events.geojson
	mkdir -p out
	$(BIN)/sitroom ingest examples/mosul-2016 --db $(DB)
	$(BIN)/sitroom summary --db $(DB)
	$(BIN)/sitroom export --db $(DB) --format acled-csv --output out/events.csv
	$(BIN)/sitroom export --db $(DB) --format geojson --output out/events.geojson
	@echo "next: $(BIN)/sitroom serve --db $(DB)   # then open http://127.0.0.1:8080/ (the map; the API under /api, its docs at /docs)"

lint: install
	$(BIN)/ruff check src tests web

typecheck: install
	$(BIN)/mypy src

unit: install browser
	$(BIN)/pytest -q

test: lint typecheck unit  ## ruff, mypy and the whole pytest suite

eval: install  ## score the stages against the development gold sets in $(DEV) (figures go to docs/benchmarks.md)
	$(BIN)/sitroom eval timex $(DEV)/timex/TBAQ-cleaned
	$(BIN)/sitroom eval timex $(DEV)/timex/TBAQ-cleaned --relaxed
	$(BIN)/sitroom eval incidents $(DEV)/wiki-terror/incidents_2010_2019_dev.csv
	$(BIN)/sitroom eval subtypes $(DEV)/case2021/subtypes_dev.tsv
	$(BIN)/sitroom eval geocode $(DEV)/geocode/lgl.xml
	$(BIN)/sitroom eval geocode $(DEV)/geocode/GeoVirus.xml
	$(BIN)/sitroom eval build-fusion-set evaluation/wiki_terror_fusion_dev.tsv $(DEV)/wiki-terror/incidents_2010_2019_dev.csv -o out/fusion_dev.jsonl
	$(BIN)/sitroom eval fusion out/fusion_dev.jsonl

BENCH_ARTICLES ?= 2000
bench: install  ## time bare spaCy and the pipeline with 1 and 2 workers; out/bench.json, a row in docs/benchmarks.md
	$(BIN)/sitroom bench --articles $(BENCH_ARTICLES) --incidents $(DEV)/wiki-terror/incidents_2010_2019_dev.csv \
		--output out/bench.json --record docs/benchmarks.md

clean:
	rm -rf out .pytest_cache .mypy_cache .ruff_cache
