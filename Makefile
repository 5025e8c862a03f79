# Two commands on a fresh machine (only python3 and make needed):
#   make run   - set up, migrate, load the demo data and serve http://127.0.0.1:$(PORT)
#   make test  - set up and run the whole suite (browser tests need Debian's chromium)
PORT ?= 8000
# Exported, so the settings' SITE_URL (links in e-mails, certificates, .ics) names the same port.
export PORT
# Two test processes (pytest-xdist), each with its own test database: the suite's time halves on
# two cores. PYTEST_ARGS="-n 0 -k name" runs part of it in one process.
# PYTEST_ARGS="-m 'not process'" leaves out the slow tests that start gunicorn, Celery and Redis;
# the `postgres` ones fail at once, saying why, when no PostgreSQL answers.
# The load test (marker `load`) runs alone afterwards: beside the others it starves both.
PYTEST_ARGS ?= -n 2 -m "not load"
VENV := .venv
PY := $(VENV)/bin/python
UV := $(VENV)/bin/uv
UV_VERSION := 0.13.9
export UV_PROJECT_ENVIRONMENT := $(abspath $(VENV))
# manage.py defaults to toolkit.settings.dev (DEBUG, demo mode); pytest uses toolkit.settings.test.

.PHONY: run test prod setup messages lint bench clean

$(VENV)/.installed: pyproject.toml uv.lock
	test -x $(PY) || python3 -m venv $(VENV)
	$(VENV)/bin/pip install -q --disable-pip-version-check uv==$(UV_VERSION)
	$(UV) sync --frozen --inexact --quiet
	touch $@

node_modules/.installed: package.json package-lock.json
	@if command -v npm >/dev/null; then npm ci --no-audit --no-fund --silent && touch $@; \
	else echo "npm is missing: the browser tests need it for axe-core and vnu-jar (apt-get install npm)"; exit 1; fi

setup: $(VENV)/.installed messages

messages: $(VENV)/.installed
	$(VENV)/bin/pybabel compile -d locale -D django --statistics

run: setup
	$(PY) manage.py migrate --noinput -v0
	$(PY) manage.py seed_demo
	@echo "Serving on http://127.0.0.1:$(PORT)/  (Ctrl-C stops)"
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

test: setup node_modules/.installed
	@test -x /usr/bin/chromium || { echo "Debian's Chromium is missing for the browser tests: run 'apt-get install -y chromium'"; exit 1; }
	@command -v java >/dev/null || { echo "Java 17 is missing for the browser tests' HTML validator: run 'apt-get install -y default-jre-headless'"; exit 1; }
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) manage.py makemigrations --check --dry-run -v0
	$(VENV)/bin/pytest $(PYTEST_ARGS)
ifeq ($(origin PYTEST_ARGS),file)
	$(VENV)/bin/pytest -m load
endif

# As in production: gunicorn + whitenoise on PORT and PORT+1, PostgreSQL, Redis (cache, sessions,
# broker), a Celery worker and beat. Needs the local PostgreSQL and Redis (docs/deploy.md).
prod: setup
	PORT=$(PORT) toolkit/prod/run

# County-scale data on the local PostgreSQL and one timed run of the main pages and PDFs; writes
# docs/performance.md (about 10 min the first time, the data is kept for the next run).
bench: setup
	toolkit/prod/bench

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

clean:
	rm -rf $(VENV) node_modules db.sqlite3 staticfiles
