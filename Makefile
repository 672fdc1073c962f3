# Daily tasks. `make run` and `make test` do all set-up on a fresh machine.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint format migrations-check install serve load clean bench

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $@

# The Nu HTML Checker (vnu.jar, run by the tests with Java 17), pinned in package-lock.json.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

install: $(VENV)/.installed node_modules/.installed

## Set up a local SQLite database with the content, then serve the site.
run: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py seed
	$(PY) manage.py collectstatic --noinput --verbosity 0
	$(PY) manage.py runserver $(HOST):$(PORT)

## Run the test suite (SQLite, or the database DATABASE_URL names). Browser tests need
## /usr/bin/chromium: without it they are skipped and the run says so (REQUIRE_BROWSER=1: fail).
test: install
	$(PY) -m pytest

## Production serving: gunicorn (config/gunicorn.py) with static files from whitenoise.
## Set SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL; SECURE=false to try it over plain http.
serve: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py collectstatic --noinput --verbosity 0
	GUNICORN_BIND=$(HOST):$(PORT) $(VENV)/bin/gunicorn -c config/gunicorn.py config.wsgi

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

migrations-check: install
	$(PY) manage.py makemigrations --check --dry-run

## Search and list latency on PostgreSQL with 3,000 generated roles, in databases of their own
## (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/fiches_bench).
bench: install
	$(PY) bench/run.py

## Load run against gunicorn on 127.0.0.1 (wrk, 60 s at 64 connections per URL).
load: install
	bench/load.sh

clean:
	rm -rf $(VENV) staticfiles node_modules
