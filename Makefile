# Daily tasks. `make run` and `make test` do all set-up on a fresh machine: `make run` needs
# only Python 3.11+ (and make); `make test` also installs the test tools (below).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
# System packages the tests need: Java 17 (the Nu HTML Checker), npm (to install it), Chromium.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test lint format migrations-check install test-tools serve load clean bench flood

# The site's Python packages only: enough to serve it.
$(VENV)/.site-installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e .
	touch $@

# Plus the development tools (pytest, ruff, playwright, hypothesis…).
$(VENV)/.installed: $(VENV)/.site-installed pyproject.toml
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $@

# Java, npm and Chromium through apt-get when run as root; otherwise stop at once with the
# exact command to run.
test-tools:
	@missing=""; \
	command -v java >/dev/null || missing="$$missing openjdk-17-jre-headless"; \
	command -v npm >/dev/null || missing="$$missing npm"; \
	[ -x "$${CHROMIUM_PATH:-/usr/bin/chromium}" ] || missing="$$missing chromium"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	  else \
	    echo "Missing test tools. Run:  sudo apt-get install -y$$missing  then make test again." >&2; \
	    exit 1; \
	  fi; \
	fi

# The Nu HTML Checker (vnu.jar, run by the tests with Java 17), pinned in package-lock.json.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

install: $(VENV)/.installed node_modules/.installed

## Set up a local SQLite database with the content, then serve the site (Python only).
run: $(VENV)/.site-installed
	$(PY) manage.py migrate --noinput
	$(PY) manage.py seed
	$(PY) manage.py collectstatic --noinput --verbosity 0
	$(PY) manage.py runserver $(HOST):$(PORT)

## Run the test suite (SQLite, or the database DATABASE_URL names), after installing what it
## needs. REQUIRE_BROWSER=1: a skipped browser test fails the run.
test: test-tools
	$(MAKE) --no-print-directory install
	$(PY) -m pytest

## The production stack: nginx (deploy/nginx.conf) on $(HOST):$(PORT) in front of gunicorn
## (config/gunicorn.py) on a unix socket. Needs SECRET_KEY (refuses to start without), and
## ALLOWED_HOSTS, DATABASE_URL; SECURE=false to try it over plain http.
serve: $(VENV)/.site-installed
	REQUIRE_SECRET_KEY=true $(PY) manage.py migrate --noinput
	REQUIRE_SECRET_KEY=true $(PY) manage.py collectstatic --noinput --verbosity 0
	HOST=$(HOST) PORT=$(PORT) deploy/serve.sh

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

migrations-check: install
	$(PY) manage.py makemigrations --check --dry-run

## Page sizes and render times at 10 and 3,000 generated roles (fails past 150 KB / 300 ms, or a
## search p95 past 30 ms), search and list latency, then requests per second through gunicorn
## and wrk of a bare view and of pages rendered and cached, with ratios (bench/run.py). On
## PostgreSQL, in databases of their own (BENCH_DATABASE_URL, default
## postgres://postgres@127.0.0.1:5432/fiches_bench).
bench: install
	$(PY) bench/run.py

## Load run against gunicorn on 127.0.0.1 (wrk, 60 s at 64 connections per URL).
load: install
	bench/load.sh

## Slow and idle clients against the production stack already running on $(HOST):$(PORT)
## (`make serve`): 200 slow-header + 200 idle connections for 30 s; exits 1 if /healthz took
## over 1 s or the role sheet fell under half its normal throughput.
flood: $(VENV)/.site-installed
	$(PY) bench/flood.py --url http://$(HOST):$(PORT)

clean:
	rm -rf $(VENV) staticfiles node_modules tmp
