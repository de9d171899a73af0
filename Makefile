# Dateline: the two commands a newcomer needs are `make run` and `make test`.
# Both install what is missing (Debian packages, as root or through sudo) before they build.

SHELL := /bin/bash
.SHELLFLAGS := -eo pipefail -c
SWIFT ?= swift
HOST ?= 127.0.0.1
PORT ?= 8080
BUILD_LOG := .build/build.log
# How long `make fuzz` runs each fuzz target; `make test` runs each for FUZZ_TEST_SECONDS.
FUZZ_SECONDS ?= 300
FUZZ_TEST_SECONDS ?= 30
# The test targets `make test` runs again under ThreadSanitizer (swift test --filter patterns).
TSAN_TEST_FILTERS ?= HTTPServerTests DatelineAPITests LockingTests

.PHONY: run test test-sanitize build release deps fuzz bench bench-stores bench-scale bench-callgrind soak clean help

help:
	@echo "make run    build (release) and serve the bundled sample on http://$(HOST):$(PORT)"
	@echo "make test   build and run every test (fails on any compiler warning)"
	@echo "make fuzz   run every libFuzzer target (Fuzz/) for FUZZ_SECONDS each (default $(FUZZ_SECONDS))"
	@echo "make test-sanitize    every Swift test under AddressSanitizer, then ThreadSanitizer (fails on any report)"
	@echo "make bench  load-test the read endpoints with wrk; writes Benchmarks/RESULTS.md"
	@echo "make bench-stores     the read scenarios against memory, SQLite and PostgreSQL over 100k articles"
	@echo "make bench-scale      100k articles and 10,000 idle connections: start-up, RSS, list latency"
	@echo "make bench-callgrind  instructions per request under valgrind (repeatable on a noisy machine)"
	@echo "make soak   10 minutes (SOAK_SECONDS=N) of mixed reads and writes; fails on errors, RSS growth or leaked fds"

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
	FUZZ_SEED=1 scripts/fuzz.sh $(FUZZ_TEST_SECONDS)
	@# The server's and the API's tests again under ThreadSanitizer (its own build in .build/tsan): the event
	@# loops, streams, deferred answers, HTTP/2, the event hub and the response cache share state across
	@# threads. The whole suite under both sanitizers is `make test-sanitize` (docs/DECISIONS.md).
	scripts/test-sanitize.sh thread $(TSAN_TEST_FILTERS)

# libFuzzer targets for the parsers and the HTTP/2 path (Fuzz/README.md): fails on any crash, leak or hang.
fuzz: deps
	scripts/fuzz.sh $(FUZZ_SECONDS)

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
	Benchmarks/stores.sh

# Also part of `make bench`: memory, SQLite and a throwaway PostgreSQL side by side over 100,000 articles.
bench-stores:
	@scripts/install-deps.sh bench
	$(SWIFT) build -c release --product dateline
	Benchmarks/stores.sh

bench-scale:
	@scripts/install-deps.sh bench
	$(SWIFT) build -c release --product dateline
	Benchmarks/scale.sh

bench-callgrind:
	@scripts/install-deps.sh bench
	$(SWIFT) build -c release --product dateline
	Benchmarks/callgrind.sh

# Not part of make test: 10 minutes by default. Fails on any error, on RSS growth after warm-up, or on a
# descriptor the server did not give back; the figures go into Benchmarks/RESULTS.md.
soak:
	@scripts/install-deps.sh bench
	$(SWIFT) build -c release --product dateline
	Benchmarks/soak.sh

clean:
	rm -rf .build
