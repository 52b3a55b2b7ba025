# One command to set up and run (make run), one to test everything (make test). See README.md.
SHELL := /bin/bash
PY    := .venv/bin/python
VENV_STAMP := .venv/.installed
NODE_STAMP := node_modules/.installed
HOST ?= 127.0.0.1
PORT ?= 8765
export MPCHECK_DB ?= $(CURDIR)/var/mpcheck.sqlite3

.PHONY: setup run build test lint typecheck test-py test-js test-e2e browsers services bench bench-quick generalization package clean

setup: $(VENV_STAMP) $(NODE_STAMP)

$(VENV_STAMP): pyproject.toml
	python3 -m venv .venv
	.venv/bin/pip install -q --upgrade pip
	.venv/bin/pip install -q -e '.[dev]'
	touch $@

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

build: setup
	npm run build

run: build
	@mkdir -p var
	@echo "Extension builds (load unpacked):"
	@echo "  Chromium/Chrome: chrome://extensions -> Developer mode -> Load unpacked -> $(CURDIR)/extension/dist/chrome"
	@echo "  Firefox:         about:debugging -> This Firefox -> Load Temporary Add-on -> $(CURDIR)/extension/dist/firefox/manifest.json"
	@echo "Backend: http://$(HOST):$(PORT)/api/v1/health  (store: $(MPCHECK_DB))"
	.venv/bin/mpcheck serve --host $(HOST) --port $(PORT)

# Headless Chromium with its Russian UI (chromium-l10n: the e2e suite runs in Russian) and Firefox
# ESR for the Firefox checks, from the OS packages, never a browser download: see shared
# TESTING-BROWSERS.md.
browsers:
	@if [ ! -x /usr/lib/chromium/chromium ] || [ ! -f /usr/lib/chromium/locales/ru.pak ] || ! command -v firefox-esr >/dev/null \
	   || [ ! -f /usr/lib/firefox-esr/browser/extensions/langpack-ru@firefox-esr.mozilla.org.xpi ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
	      chromium chromium-l10n fonts-liberation firefox-esr firefox-esr-l10n-ru openssl >/dev/null; \
	  else echo "install chromium chromium-l10n firefox-esr firefox-esr-l10n-ru fonts-liberation openssl (apt) first" >&2; exit 1; fi; \
	fi

# Redis and PostgreSQL from the OS packages for the scale-out tests (SPEC §12). The tests start their
# own servers in temporary directories (tests/fakemarket/services.py); nothing is started here.
PG_INITDB := $(firstword $(wildcard /usr/lib/postgresql/*/bin/initdb) $(shell command -v initdb))
services:
	@if ! command -v redis-server >/dev/null || [ -z "$(PG_INITDB)" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
	      redis-server postgresql >/dev/null; \
	  else echo "install redis-server and postgresql (apt) first" >&2; exit 1; fi; \
	fi

lint: setup
	.venv/bin/ruff check backend tests bench
	.venv/bin/ruff format --check backend tests bench
	npm run lint --silent

typecheck: setup
	.venv/bin/mypy
	npm run typecheck --silent

test-py: setup services
	$(PY) -m pytest -q tests/python

test-js: setup
	npm test --silent

test-e2e: build browsers
	$(PY) -m pytest -q tests/e2e

test: setup browsers services lint typecheck test-js test-py test-e2e
	@echo "all test suites passed"

# Both extractors on the blind corpus: first-sight vs today's score per page (docs/GENERALIZATION.md).
generalization: setup
	$(PY) bench/generalization.py

package: build
	npm run package

# Every figure of SPEC §10 with its budget and same-run baseline (about 12 minutes; the memory
# soak is 10 of them). bench-quick is a 2-minute smoke run of the same table.
bench: build browsers
	$(PY) bench/run_all.py

bench-quick: build browsers
	$(PY) bench/run_all.py --quick

clean:
	rm -rf .venv node_modules extension/dist var
