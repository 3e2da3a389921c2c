# framing: two commands do all the set-up (see README).
#   make report  -> .venv + locked install, then `framing report seeds/ --out report/`
#   make test    -> .venv + locked install, then unit tests and `pytest --nbval` over notebooks/
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# Output folders. The defaults, report/ and figures/ (git-ignored, made by `make report` and
# `make figures`), are rewritten on every run. A folder you name (make report OUT=~/somewhere) is
# refused when it is not empty, unless you also give FORCE=1. Set them on the command line: a
# variable of the same name in the environment is ignored.
DEFAULT_OUT  := report
DEFAULT_FIGS := figures
OUT    := $(DEFAULT_OUT)
FIGS   := $(DEFAULT_FIGS)
FORCE  :=
# --force when FORCE=1 or when folder $(1) is the default $(2)
force_flag = $(if $(filter 1,$(FORCE))$(filter $(2),$(1)),--force)

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
	$(BIN)/framing report seeds --out $(OUT) $(call force_flag,$(OUT),$(DEFAULT_OUT))

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
	$(BIN)/framing figures seeds --out $(FIGS) $(call force_flag,$(FIGS),$(DEFAULT_FIGS))

lab: $(STAMP)
	$(BIN)/jupyter lab notebooks

# HTML copies of the notebooks in $(OUT)/notebooks, written to a temporary folder beside it and
# moved into place when all are done; a non-empty $(OUT)/notebooks is refused as for `report`.
html: $(STAMP)
	@dest="$(OUT)/notebooks"; \
	if [ -n "$$(ls -A "$$dest" 2>/dev/null)" ] && [ -z "$(call force_flag,$(OUT),$(DEFAULT_OUT))" ]; then \
	  echo "make html: $$dest is not empty; give FORCE=1 to replace it" >&2; exit 2; fi; \
	mkdir -p "$(OUT)" && tmp=$$(mktemp -d "$(OUT)/.notebooks-html.XXXXXX") && \
	{ $(BIN)/jupyter nbconvert --log-level WARN --to html --template framing_html \
	    --TemplateExporter.extra_template_basedirs=notebooks/_template --output-dir "$$tmp" notebooks/*.ipynb || { rm -rf "$$tmp"; exit 1; }; } && \
	rm -rf "$$dest" && mv "$$tmp" "$$dest" && echo "wrote $$dest"

# Maintainers only: regenerate the lock (needs uv).
lock:
	uv pip compile pyproject.toml --all-extras --generate-hashes --python-version 3.11 \
	  --python-platform x86_64-unknown-linux-gnu -o requirements.lock

# Removes the defaults only, never a folder given as OUT= or FIGS=.
clean:
	rm -rf $(VENV) $(DEFAULT_OUT) $(DEFAULT_FIGS)
