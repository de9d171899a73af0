# Dateline: the two commands a newcomer needs are `make run` and `make test`.
# Both install what is missing (Debian packages, as root or through sudo) before they build.

SHELL := /bin/bash
.SHELLFLAGS := -eo pipefail -c
SWIFT ?= swift
HOST ?= 127.0.0.1
PORT ?= 8080
BUILD_LOG := .build/build.log

.PHONY: run test test-sanitize build release deps bench bench-scale bench-callgrind clean help

help:
	@echo "make run    build (release) and serve the bundled sample on http://$(HOST):$(PORT)"
	@echo "make test   build and run every test (fails on any compiler warning)"
	@echo "make test-sanitize    every Swift test under AddressSanitizer, then ThreadSanitizer (fails on any report)"
	@echo "make bench  load-test the read endpoints with wrk; writes Benchmarks/RESULTS.md"
	@echo "make bench-scale      100k articles and 10,000 idle connections: start-up, RSS, list latency"
	@echo "make bench-callgrind  instructions per request under valgrind (repeatable on a noisy machine)"

deps:
	@scripts/install-deps.sh build

release: deps
	$(SWIFT) build -c release --product dateline

run: release
	.build/release/dateline serve --host $(HOST) --port $(PORT)

build: deps
	@mkdir -p .build
	$(SWIFT) build --build-tests 2>&1 | tee $(BUILD_LOG)
	@scripts/check-warnings.sh $(BUILD_LOG)

# The tests get a throwaway PostgreSQL (scripts/test-postgres.sh), stopped and removed however they end.
test:
	@scripts/install-deps.sh test
	@$(MAKE) --no-print-directory build
	@# One test at a time: the tests talk to real servers over blocking sockets, and run side by side on a
	@# 2-core machine they starve Swift Testing's thread pool until time limits fire. A throwaway PostgreSQL
	@# runs for the duration, stopped whatever happens.
	@pg_dir=$$(scripts/test-postgres.sh start); trap 'scripts/test-postgres.sh stop "$$pg_dir"' EXIT; \
	DATELINE_TEST_POSTGRES_URL=$$(cat "$$pg_dir/url") $(SWIFT) test --skip-build --no-parallel
	scripts/interop-tests.sh
	scripts/browser-tests.sh

# Each sanitizer builds in its own directory (.build/asan, .build/tsan) with a throwaway PostgreSQL; any
# report, from the tests or a server they start, fails the run (scripts/test-sanitize.sh).
test-sanitize:
	@scripts/install-deps.sh test
	scripts/test-sanitize.sh address
	scripts/test-sanitize.sh thread

bench:
	@scripts/install-deps.sh bench
	$(SWIFT) build -c release --product dateline
	Benchmarks/run.sh
	Benchmarks/mixed.sh
	Benchmarks/h2.sh

bench-scale:
	@scripts/install-deps.sh bench
	$(SWIFT) build -c release --product dateline
	Benchmarks/scale.sh

bench-callgrind:
	@scripts/install-deps.sh bench
	$(SWIFT) build -c release --product dateline
	Benchmarks/callgrind.sh

clean:
	rm -rf .build
