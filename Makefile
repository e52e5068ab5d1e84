# Two commands for a newcomer: `make run` and `make test` (see README.md).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint format migrate record shell clean messages

run: .env $(VENV)/.runtime
	$(BIN)/python manage.py migrate --no-input
	$(BIN)/python manage.py load_record
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

test: .env $(VENV)/.dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/python -m pytest

lint: $(VENV)/.dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# The interface's catalogs (locale/): every marked string extracted, then compiled. Translate the
# new entries in each django.po before committing; a test fails on any untranslated or fuzzy one.
LOCALES := ar zh_Hans fr ru es
messages: $(VENV)/.dev
	$(BIN)/python manage.py makemessages --no-obsolete --extension=html,txt,py,svg $(addprefix -l ,$(LOCALES)) --ignore=tests --ignore=bench --ignore=ops --ignore=docs
	$(BIN)/python manage.py compilemessages --ignore=.venv

migrate: .env $(VENV)/.runtime
	$(BIN)/python manage.py migrate --no-input

record: migrate
	$(BIN)/python manage.py loaddata committee

shell: .env $(VENV)/.runtime
	$(BIN)/python manage.py shell

# Development settings: DEBUG on, SQLite, a secret key of this checkout's own. Never deployed.
.env:
	printf 'DJANGO_DEBUG=true\nDJANGO_SECRET_KEY=%s\n' "$$($(PYTHON) -c 'import secrets; print(secrets.token_urlsafe(50))')" > .env

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.runtime: requirements.txt | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@ $(VENV)/.runtime

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache staticfiles
