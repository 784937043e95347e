# Omni-Stock — every command a developer, operator or CI needs.
# `make run` and `make test` work on a fresh clone: they install what is missing first.

SHELL := /bin/bash
.DEFAULT_GOAL := help

# Local runs default to development mode (no SECRET_KEY needed, plain HTTP).
# Production sets DEBUG=false and a real SECRET_KEY (see README and .env.example).
export DEBUG ?= true
export PYTHONUNBUFFERED := 1

PORT ?= 8000
# The demo marketplace of `make run` (the demo trackers' pages and APIs).
MARKETPLACE_PORT ?= 8765
UV := $(shell command -v uv 2>/dev/null || echo "python3 -m uv")
PY := $(UV) run --frozen python
MANAGE := $(PY) backend/manage.py
HAS_FRONTEND := $(wildcard frontend/package.json)

.PHONY: help install install-python install-frontend install-browser run dev test test-python test-frontend \
        lint fmt typecheck schema migrate seed shell bench build-frontend load chaos check-deploy

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-16s %s\n", $$1, $$2}'

install: install-python install-frontend ## Install Python and JavaScript dependencies from the lock files

install-python:
	@$(UV) --version >/dev/null 2>&1 || python3 -m pip install --quiet "uv==0.13.9"
	@$(UV) sync --frozen --quiet

# `npm ci`: exactly the locked versions, and the lock is never rewritten. Skipped while
# node_modules is newer than the lock.
install-frontend:
ifneq ($(HAS_FRONTEND),)
	@cd frontend && { [ -d node_modules ] && [ node_modules/.package-lock.json -nt package-lock.json ] || npm ci --no-audit --no-fund --loglevel=error; }
endif

# The end-to-end tests drive Debian's Chromium (browser downloads are not possible here).
CHROMIUM ?= $(or $(CHROMIUM_PATH),/usr/bin/chromium)
install-browser:
ifneq ($(HAS_FRONTEND),)
	@[ -x "$(CHROMIUM)" ] || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null \
	  && echo "Installing Chromium from Debian's packages for the end-to-end tests..." \
	  && apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } \
	  || { echo "The end-to-end tests need Chromium at $(CHROMIUM): 'sudo apt-get install chromium' or set CHROMIUM_PATH"; exit 1; }
endif

build-frontend: install-frontend
ifneq ($(HAS_FRONTEND),)
	@cd frontend && npm run build --silent
endif

run: install build-frontend ## Start the whole app on embedded defaults with the demo account
	@$(MANAGE) run_stack --port $(PORT) --marketplace-port $(MARKETPLACE_PORT)

dev: install ## Vite dev server (hot reload) with /api proxied to Django on :8000
	@$(MANAGE) run_stack --no-frontend-build & trap 'kill %1' EXIT; cd frontend && npm run dev

test: install install-browser test-python test-frontend ## Every test and check (what CI runs)

test-python: lint typecheck
	@$(MANAGE) makemigrations --check --dry-run >/dev/null || { echo "Migrations are missing: run 'make migrations'"; exit 1; }
	@$(UV) run --frozen pytest --cov --cov-report=term

test-frontend:
ifneq ($(HAS_FRONTEND),)
	@# DEBUG=true (exported above for Django) would switch on MSW's debug logging.
	@cd frontend && npm run --silent check:api && npm run --silent lint && npm run --silent typecheck && env -u DEBUG npm run --silent test
	@echo "== End-to-end: Playwright in Chromium against the real stack (embedded, .data/e2e)"
	@cd frontend && npm run --silent e2e
	@echo "== The dashboard's initial JavaScript (gzip, from the build above) against its goal"
	@cd frontend && npm run --silent bundle:report
endif

# Part of `make test` too (pytest collects them); this runs just those checks.
check-deploy: install ## Lint and schema-check the CI workflows and the deployment descriptors
	@$(UV) run --frozen pytest backend/devtools/tests/test_deploy_descriptors.py backend/devtools/tests/test_deploy_consistency.py -q -p no:cacheprovider

lint: ## ruff lint + format check, and the import contracts of the layers (pyproject.toml)
	@$(UV) run --frozen ruff check .
	@$(UV) run --frozen ruff format --check .
	@cd backend && $(UV) run --frozen lint-imports --no-logo --no-cache ../pyproject.toml

fmt: ## Format and auto-fix
	@$(UV) run --frozen ruff check --fix .
	@$(UV) run --frozen ruff format .

# django-stubs imports the settings but never connects: placeholder URLs keep it from
# starting the embedded PostgreSQL/Redis, which mypy's hard exit would leave running.
typecheck: ## mypy on the backend and the scraper
	@DATABASE_URL="$${DATABASE_URL:-postgres://mypy@127.0.0.1:1/unused}" REDIS_URL="$${REDIS_URL:-redis://127.0.0.1:1/0}" \
		$(UV) run --frozen mypy backend scraper

schema: ## Regenerate api_schema.json (and the SPA's TypeScript types)
	@$(MANAGE) spectacular --validate --fail-on-warn --format openapi-json --file api_schema.json
ifneq ($(HAS_FRONTEND),)
	@cd frontend && npm run --silent gen:api
endif

migrations: ## Create migrations for model changes
	@$(MANAGE) makemigrations

migrate: ## Apply migrations
	@$(MANAGE) migrate

# Backups (docs/operations.md#backup-and-restore): the database only; copy MEDIA_ROOT too.
.PHONY: backup restore
BACKUP_DIR ?= backups
backup: ## Dump the database to FILE (default backups/omni-stock-<UTC time>.dump)
	@$(MANAGE) backup_database "$(or $(FILE),$(BACKUP_DIR)/omni-stock-$(shell date -u +%Y%m%dT%H%M%SZ).dump)"

restore: ## Restore FILE=... into the (empty) database; FORCE=1 replaces a non-empty one
	@[ -n "$(FILE)" ] || { echo "Usage: make restore FILE=backups/omni-stock-....dump [FORCE=1]"; exit 2; }
	@$(MANAGE) restore_database "$(FILE)" $(if $(FORCE),--force)

seed: ## Load the demo account and collection (idempotent)
	@$(MANAGE) seed_demo

shell: ## Django shell
	@$(MANAGE) shell

CLIENTS ?= 32
DURATION ?= 20
KINDS ?=
load: install-python ## Load on loopback: CLIENTS clients for DURATION s of mixed reads and writes (KINDS=list: one kind)
	@$(MANAGE) load_api --clients $(CLIENTS) --seconds $(DURATION) --kinds "$(KINDS)"

chaos: install-python ## Faults on loopback (killed worker, frozen Redis, restarted PostgreSQL): a table
	@$(MANAGE) chaos

bench: install ## Benchmarks (not part of make test): parsing, scraping, imports, bundle sizes
	@echo "== Extraction: selectolax vs BeautifulSoup, CPU ms per page (the real pages of ../shared/datasets/product-pages if present, else the fixtures)"
	@$(PY) -m scraper.bench
	@echo "== End-to-end scraping against the demo marketplace"
	@$(PY) -m scraper.bench_e2e
	@echo "== API vs raw SQL at 10k/100k/1M items (own database omni_bench)"; $(MANAGE) bench_api
	@echo "== Import of a 10,000-row CSV: upload, commit, re-import, undo (rolled back)"; $(MANAGE) bench_import
	@echo "== Alert evaluation with 10,000 rules: added to a scrape run (rolled back)"; $(MANAGE) bench_alerts
	@echo "== Scheduling: 2,000 trackers on 50 loopback hosts, 3 s politeness, a real worker (own database omni_bench_sched)"; $(MANAGE) bench_scheduling
ifneq ($(HAS_FRONTEND),)
	@echo "== SPA bundle sizes (gzip); then the dashboard's initial JavaScript against its goal (docs/performance.md)"
	@cd frontend && npm run --silent build && npm run --silent bundle:report
endif
