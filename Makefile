# make demo | make test | make bench | make soak   (each creates .venv on first use)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SHARED ?= ../shared

.PHONY: demo test bench bench-scale bench-1m soak clean test-floors test-datasette-alpha package

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

# reinstall when the project's dependencies change
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip uninstall -q -y tracker 2>/dev/null || true   # the distribution's name before it was renamed
	$(BIN)/pip install -q -e '.[test]'
	touch $@

demo.db: $(VENV)/.installed $(shell find data -type f -name '*.*' 2>/dev/null) $(shell find tracker -name '*.py')
	rm -f demo.db
	$(BIN)/tracker ingest data/samples --db demo.db

demo: demo.db
	$(BIN)/tracker serve --db demo.db --port 8001

test: $(VENV)/.installed
	$(BIN)/python -m pytest -n 2

# SIZE: the archive-size part's synthetic corpus (10k, 100k, 1M); make bench-scale SIZE=100k runs that part alone
SIZE ?= 10k
bench: $(VENV)/.installed
	$(BIN)/python -m tracker.bench --shared $(SHARED) --size $(SIZE)

bench-scale: $(VENV)/.installed
	$(BIN)/python -m tracker.bench --shared $(SHARED) --size $(SIZE) --only scale

# a million articles: over an hour on two cores, and tens of GB in a temporary folder
bench-1m: $(VENV)/.installed
	$(BIN)/python -m tracker.bench --shared $(SHARED) --size 1M --only scale

# the audit at length: more fuzzed texts, more kills, more concurrent ingests, then hostile and huge articles
soak: $(VENV)/.installed
	TRACKER_SOAK=1 $(BIN)/python -m pytest -n 2 tests/test_properties.py tests/test_safety.py tests/test_schema.py
	$(BIN)/python scripts/stress.py --shared $(SHARED)

# the lowest versions pyproject.toml allows, each installed exactly, in a fresh venv; then the whole suite
FLOORS := nltk==3.10.2 trafilatura==1.12.0 click==8.3.1 sqlite-utils==4.2 datasette==0.65.5 lxml_html_clean==0.4.0 \
	pyyaml==6.0.1 datasette-block-robots==1.1 datasette-atom==0.9 babel==2.16.0
test-floors:
	rm -rf .venv-floors && $(PYTHON) -m venv .venv-floors
	printf '%s\n' $(FLOORS) > .venv-floors/floors.txt
	.venv-floors/bin/pip install -q -c .venv-floors/floors.txt -e '.[test]'
	.venv-floors/bin/python -m pytest -n 2

# the serve and browser tests against the newest Datasette 1.0 alpha (the main install stays on 0.65)
test-datasette-alpha:
	test -x .venv-alpha/bin/python || $(PYTHON) -m venv .venv-alpha
	.venv-alpha/bin/pip install -q -e '.[test]'
	.venv-alpha/bin/pip install -q --pre --upgrade 'datasette>=1.0a0'
	.venv-alpha/bin/python -m pytest -n 2 tests/test_serve.py tests/test_browser.py

# a Docker image of a read-only copy of DB (datasette package; needs Docker): make package DB=demo.db
DB ?= demo.db
package: $(VENV)/.installed
	$(BIN)/python -m tracker.serve.publish $(DB) --tag tracker-published

clean:
	rm -rf $(VENV) .venv-floors .venv-alpha demo.db .pytest_cache
