# make demo | make test | make bench | make soak   (each creates .venv on first use)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SHARED ?= ../shared

.PHONY: demo test bench soak clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

# reinstall when the project's dependencies change
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[test]'
	touch $@

demo.db: $(VENV)/.installed $(shell find data -type f -name '*.*' 2>/dev/null) $(shell find tracker -name '*.py')
	rm -f demo.db
	$(BIN)/tracker ingest data/samples --db demo.db

demo: demo.db
	$(BIN)/tracker serve --db demo.db --port 8001

test: $(VENV)/.installed
	$(BIN)/python -m pytest -n 2

bench: $(VENV)/.installed
	$(BIN)/python -m tracker.bench --shared $(SHARED)

# the audit at length: more fuzzed texts, more kills, more concurrent ingests, then hostile and huge articles
soak: $(VENV)/.installed
	TRACKER_SOAK=1 $(BIN)/python -m pytest -n 2 tests/test_properties.py tests/test_safety.py tests/test_schema.py
	$(BIN)/python scripts/stress.py --shared $(SHARED)

clean:
	rm -rf $(VENV) demo.db .pytest_cache
