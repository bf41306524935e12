# Two commands do all the set-up: `make run` serves the chat, `make test` runs the tests.
VENV   ?= .venv
PY     := $(VENV)/bin/python
PIP    := $(PY) -m pip
export ANONYMIZED_TELEMETRY := False
export GRADIO_ANALYTICS_ENABLED := False
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1

.PHONY: run test bench lint system-deps clean

run: $(VENV)/.run-deps
	$(VENV)/bin/missions serve --refresh

test: $(VENV)/.dev-deps system-deps
	$(PY) -m pytest

bench: $(VENV)/.dev-deps
	$(PY) bench/run.py

lint: $(VENV)/.dev-deps
	$(VENV)/bin/ruff check .

# CPU torch first: a plain install of sentence-transformers would pull a multi-GB CUDA build.
$(PY):
	python3 -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install torch==2.13.0

$(VENV)/.run-deps: pyproject.toml | $(PY)
	$(PIP) install --quiet -e .
	touch $@

$(VENV)/.dev-deps: pyproject.toml | $(PY)
	$(PIP) install --quiet -e '.[dev]'
	touch $@ $(VENV)/.run-deps

# The browser tests drive Debian's Chromium (never `playwright install`, which downloads a browser).
system-deps:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium >/dev/null; \
	  else echo "Installez Chromium : sudo apt-get install -y chromium"; exit 1; fi; }

clean:
	rm -rf $(VENV) .missions
