# framing: two commands do all the set-up (see README).
#   make report  -> .venv + locked install, then `framing report seeds/ --out report/`
#   make test    -> .venv + locked install, then unit tests and `pytest --nbval` over notebooks/
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
OUT    ?= report
FIGS   ?= figures

# Deterministic runs: set ordering, matplotlib SVG ids, PDF dates.
export PYTHONHASHSEED := 0
export SOURCE_DATE_EPOCH := 1611187200
export MPLBACKEND := Agg
export PYDEVD_DISABLE_FILE_VALIDATION := 1
export JUPYTER_PLATFORM_DIRS := 1

.PHONY: all venv browser report test unit nbval notebooks figures lab html clean lock

all: report

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# One lock of exact pins (with sha256) for running, executing and testing the notebooks.
$(STAMP): requirements.lock pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24"
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (framing)" >/dev/null
	touch $(STAMP)

venv: $(STAMP)

report: $(STAMP)
	$(BIN)/framing report seeds --out $(OUT) --force

# The report.html test renders the page in headless Chromium (Debian package). Install it when
# missing and possible (root + apt); the test says why it skipped where it cannot be had.
browser:
	@command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || \
	  { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 && \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	    || echo "chromium not installed; the browser test will be skipped"; }

test: $(STAMP) browser
	$(BIN)/python -m pytest -q tests
	$(BIN)/python -m pytest -q --nbval notebooks --sanitize-with notebooks/sanitize.cfg

unit: $(STAMP)
	$(BIN)/python -m pytest -q tests

nbval: $(STAMP)
	$(BIN)/python -m pytest -q --nbval notebooks --sanitize-with notebooks/sanitize.cfg

# Re-execute every notebook in place with the locked environment (the one way stored outputs are made).
notebooks: $(STAMP)
	$(BIN)/python scripts/execute_notebooks.py notebooks

figures: $(STAMP)
	$(BIN)/framing figures seeds --out $(FIGS) --force

lab: $(STAMP)
	$(BIN)/jupyter lab notebooks

html: $(STAMP)
	$(BIN)/jupyter nbconvert --to html --output-dir $(OUT)/notebooks notebooks/*.ipynb

# Maintainers only: regenerate the lock (needs uv).
lock:
	uv pip compile pyproject.toml --all-extras --generate-hashes --python-version 3.11 \
	  --python-platform x86_64-unknown-linux-gnu -o requirements.lock

clean:
	rm -rf $(VENV) $(OUT) $(FIGS)
