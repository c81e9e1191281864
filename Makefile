# newsdesk: `make run` serves the site with demo content, `make test` runs the whole suite.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
PG_URL ?= postgresql://postgres@127.0.0.1:5432/test

.PHONY: run install install-test migrate demo test test-sqlite test-postgres lint bench messages clean

$(BIN)/python:
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Python 3.11 is needed ($(PYTHON) not found); set PYTHON=..."; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	@touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e ".[test]"
	@touch $(VENV)/.installed $@

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test

migrate: install
	$(BIN)/newsdesk migrate --no-input

demo: migrate
	NEWSDESK_SITE_URL=$${NEWSDESK_SITE_URL:-http://$(HOST):$(PORT)} $(BIN)/newsdesk demo --if-empty

# The demo runs as a reader would meet the site: DEBUG off (the site's own 404 page, hashed static files through
# WhiteNoise), with a secret key made once for this checkout (var/secret-key). `DEBUG=true make run` for development.
var/secret-key: | $(VENV)/.installed
	@mkdir -p var
	@umask 077 && $(BIN)/newsdesk secret-key > $@

run: demo var/secret-key
	$(BIN)/newsdesk collectstatic --no-input --verbosity 0
	@echo ""
	@echo "newsdesk runs on http://$(HOST):$(PORT)/  (Ctrl+C stops it)"
	NEWSDESK_SITE_URL=$${NEWSDESK_SITE_URL:-http://$(HOST):$(PORT)} DEBUG=$${DEBUG:-false} \
		SECRET_KEY=$${SECRET_KEY:-$$(cat var/secret-key)} SERVE_MEDIA=$${SERVE_MEDIA:-true} \
		SERVE_RUNS_BACKGROUND=$${SERVE_RUNS_BACKGROUND:-true} \
		EMAIL_BACKEND=$${EMAIL_BACKEND:-$$([ -n "$$EMAIL_HOST" ] || echo django.core.mail.backends.filebased.EmailBackend)} \
		$(BIN)/newsdesk serve --host $(HOST) --port $(PORT)

# The whole suite on SQLite and on PostgreSQL (when it is reachable; under CI=true it must be). The two passes run
# at once, one per core, each line prefixed with its database: together they took 40 minutes one after the other.
# `make test-sqlite` or `make test-postgres` runs one pass alone; PYTEST_ARGS passes options to pytest.
SHELL := /bin/bash
test: install-test
	$(BIN)/ruff check src tests bench
	$(MAKE) --no-print-directory -j2 test-sqlite test-postgres

test-sqlite:
	set -o pipefail; $(BIN)/pytest $(PYTEST_ARGS) 2>&1 | sed -u 's/^/[sqlite] /'

test-postgres:
	@if $(BIN)/python -c "import psycopg,sys; psycopg.connect('$(PG_URL)', connect_timeout=3).close()" 2>/dev/null; then \
		set -o pipefail; DATABASE_URL=$(PG_URL) $(BIN)/pytest $(PYTEST_ARGS) 2>&1 | sed -u 's/^/[postgres] /'; \
	elif [ "$$CI" = "true" ]; then \
		echo "PostgreSQL at $(PG_URL) is not reachable, and CI=true requires it."; exit 1; \
	else \
		echo "PostgreSQL not reachable at $(PG_URL): skipped the PostgreSQL pass."; \
	fi

lint: install-test
	$(BIN)/ruff check src tests bench

bench: install-test
	$(BIN)/python bench/push_latency.py

# The German catalogues (src/newsdesk/**/locale/de/LC_MESSAGES/django.po) are the source of truth: translate in
# Poedit or Weblate, then run this; it adds new strings (empty), keeps every translation and compiles the .mo.
# It (and tests/core/test_translations.py) fails while a string has no German text or a fuzzy guess (a reworded
# string that makemessages matched to an old translation: check it, then remove the `#, fuzzy` line).
messages: install
	cd src/newsdesk && ../../$(BIN)/newsdesk makemessages -l de --no-obsolete --add-location=file
	cd src/newsdesk && ../../$(BIN)/newsdesk compilemessages
	@$(BIN)/python -c "import subprocess,glob,sys; out=''.join(subprocess.run(['msgattrib',flag,p],capture_output=True,text=True).stdout for p in glob.glob('src/newsdesk/**/locale/de/LC_MESSAGES/django.po',recursive=True) for flag in ('--untranslated','--only-fuzzy')); print(out or 'All strings have a German translation (none fuzzy).'); sys.exit(1 if out else 0)"

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache
