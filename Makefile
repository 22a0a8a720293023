# PatenTrack. `make up` starts everything; `make test` runs every test. Both work on a
# fresh machine: they create the virtualenv and build the SPA first when needed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
SPA_STAMP := frontend/node_modules/.installed-stamp
SPA_SOURCES := $(shell find frontend/src frontend/public frontend/scripts frontend/index.html frontend/vite.config.ts frontend/tsconfig*.json frontend/package.json -type f 2>/dev/null)

.PHONY: up test install spa lint format openapi test-py test-spa clean

up: install spa
	$(BIN)/patentrack up

test: install spa lint test-spa test-py

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

spa: frontend/dist/index.html

$(SPA_STAMP): frontend/package-lock.json
	cd frontend && npm ci --no-audit --no-fund
	touch $@

frontend/dist/index.html: $(SPA_STAMP) $(SPA_SOURCES)
	cd frontend && npm run build

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/patentrack openapi --check

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# The API contract and the SPA's typed client are regenerated together.
openapi: install $(SPA_STAMP)
	$(BIN)/patentrack openapi
	cd frontend && npm run generate:api

test-spa: $(SPA_STAMP)
	cd frontend && npm test

# pytest runs last so its summary line closes the output.
test-py: install spa
	$(BIN)/pytest

clean:
	rm -rf $(VENV) frontend/node_modules frontend/dist .data
