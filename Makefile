# Two commands for a fresh Debian/Ubuntu machine with Python 3.11: `make run` and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
HOST ?= 127.0.0.1
PORT ?= 8000
# Debian packages: pango for WeasyPrint, Liberation fonts for the thesis PDF, gettext for
# translations; Chromium only for the browser tests.
RUN_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 libcairo2 fonts-liberation gettext
TEST_PACKAGES := $(RUN_PACKAGES) chromium

.PHONY: run test system-packages test-system-packages install install-dev migrate demo lint messages clean

run: install migrate demo
	@echo ""
	@echo "Kolaborasi is at http://$(HOST):$(PORT)/  (logins: demo / demo, pokja / pokja)"
	$(PY) manage.py runserver $(HOST):$(PORT)

test: install-dev test-system-packages
	$(PY) manage.py compilemessages --ignore=.venv -v 0
	$(BIN)/pytest

system-packages:
	@PACKAGES="$(RUN_PACKAGES)" sh scripts/ensure-packages.sh

test-system-packages:
	@PACKAGES="$(TEST_PACKAGES)" sh scripts/ensure-packages.sh

$(PY):
	@$(PYTHON) --version >/dev/null 2>&1 || { echo "Python 3.11 is needed: sudo apt-get install python3.11 python3.11-venv"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

install: $(PY) system-packages
	$(PY) -m pip install --quiet -e .

install-dev: $(PY)
	$(PY) -m pip install --quiet -e ".[dev]"

migrate:
	$(PY) manage.py migrate --no-input
	$(PY) manage.py createcachetable
	# Cases stored before scores were kept (an upgrade) get theirs now; a new database has none.
	$(PY) manage.py rescore --missing

demo:
	DEBUG=$${DEBUG:-true} $(PY) manage.py load_demo

lint:
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy .
	$(PY) manage.py makemigrations --check --dry-run
	$(PY) manage.py spectacular --validate --fail-on-warn --file /dev/null

messages:
	$(PY) manage.py makemessages -l id --ignore=.venv --ignore=tests --no-obsolete
	$(PY) manage.py compilemessages --ignore=.venv

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles
