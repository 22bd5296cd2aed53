# Kamerregister: `make run` to try it, `make test` for the whole suite (SQLite, then PostgreSQL).
# On a fresh Debian machine each brings in what it needs: the Debian packages (scripts/system-packages,
# the one list), the venv from requirements*.txt, and for the browser tests axe-core from npm.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
DEMO_ENV := DEMO_MODE=1 DEBUG=1

.PHONY: run test test-sqlite test-postgres test-e2e lint bench serve-prod clean \
	system-packages-run system-packages-test

# Phony, so checked on every run (a fraction of a second); installs only what is missing.
system-packages-run:
	@scripts/system-packages run

system-packages-test:
	@scripts/system-packages test


$(STAMP): requirements.txt requirements-dev.txt | system-packages-run
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { echo "!! Kamerregister \
	needs Python 3.11 or newer; $(PYTHON) is $$($(PYTHON) --version 2>&1). Try make PYTHON=python3.11"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

run: $(STAMP)
	mkdir -p var
	$(DEMO_ENV) $(BIN)/python manage.py migrate --noinput
	$(DEMO_ENV) $(BIN)/python manage.py demo_users
	$(DEMO_ENV) $(BIN)/python manage.py load_demo --user griffie
	$(DEMO_ENV) $(BIN)/python manage.py runserver 127.0.0.1:8000

lint: $(STAMP)
	$(BIN)/ruff check .
	DATABASE_URL=sqlite:///:memory: $(BIN)/python manage.py makemigrations --check --dry-run --settings=tests.settings

test: system-packages-test lint test-sqlite test-e2e test-postgres
	@echo "== backends that ran: SQLite (unit, view and browser tests), PostgreSQL (database tests)"

test-sqlite: system-packages-test $(STAMP)
	@echo "== test suite on SQLite"
	$(BIN)/pytest -n 2 -q -m "not e2e"

tests/e2e/node_modules/axe-core/axe.min.js: tests/e2e/package.json tests/e2e/package-lock.json \
  | system-packages-test
	npm ci --prefix tests/e2e --no-audit --no-fund
	touch $@

test-e2e: system-packages-test $(STAMP) tests/e2e/node_modules/axe-core/axe.min.js
	@echo "== browser journeys (Debian chromium driven by Playwright; screenshots in var/e2e/)"
	$(BIN)/pytest tests/e2e -q -p no:xdist

test-postgres: system-packages-test $(STAMP)
	@echo "== database tests on PostgreSQL"
	ONLY_DB_TESTS=1 scripts/with-postgres $(BIN)/pytest -n 2 -q

bench: $(STAMP)
	@echo "== benchmarks (figures go to docs/PERFORMANCE.md; PostgreSQL with its default durability)"
	$(BIN)/python bench/list_search.py
	scripts/with-postgres --durable $(BIN)/python bench/list_search.py
	scripts/with-postgres --durable $(BIN)/python bench/load_clerks.py
	$(BIN)/python bench/load_clerks.py --sqlite
	$(BIN)/python bench/import_tk.py
	scripts/with-postgres --durable $(BIN)/python bench/import_tk.py
	$(BIN)/python bench/letters_render.py
	$(BIN)/python bench/parser_quality.py
	$(BIN)/python bench/spreadsheet_bomb.py
	$(BIN)/python bench/sync_tk.py
	scripts/with-postgres --durable $(BIN)/python bench/sync_tk.py

# Production mode: gunicorn with whitenoise on PostgreSQL from DATABASE_URL; see docs/OPERATIONS.md.
serve-prod: $(STAMP)
	@test -n "$$DATABASE_URL" || { echo "serve-prod needs DATABASE_URL=postgres://… (docs/OPERATIONS.md)"; exit 2; }
	@test -n "$$SECRET_KEY" || { echo "serve-prod needs SECRET_KEY (docs/OPERATIONS.md)"; exit 2; }
	DEBUG=0 $(BIN)/python manage.py check --deploy
	DEBUG=0 $(BIN)/python manage.py migrate --noinput
	DEBUG=0 $(BIN)/python manage.py collectstatic --noinput -v0
	DEBUG=0 $(BIN)/gunicorn register.wsgi --workers $${WORKERS:-4} --bind $${BIND:-127.0.0.1:8000} \
	  --access-logfile - --forwarded-allow-ips="$${FORWARDED_ALLOW_IPS:-127.0.0.1}" --timeout 120

clean:
	rm -rf $(VENV) var staticfiles
