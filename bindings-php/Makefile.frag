# cargo builds the extension (the workspace is the folder above); the library is installed
# as modules/blinksale.so. A CARGO_TARGET_DIR and CARGO_BUILD_TARGET in the environment (as
# the repository's Makefile exports) are used as they are, so the build is shared.
all: $(phplibdir)/blinksale.so

$(phplibdir)/blinksale.so: FORCE_CARGO
	cd $(top_srcdir)/.. && PHP_CONFIG=$$(command -v $(BLINKSALE_PHP_CONFIG)) $(CARGO) build --release -p blinksale-php
	dir=$${CARGO_TARGET_DIR:-$(top_srcdir)/../target}; \
	if [ -n "$${CARGO_BUILD_TARGET:-}" ]; then dir=$$dir/$$CARGO_BUILD_TARGET; fi; \
	mkdir -p $(phplibdir) && cp $$dir/release/$(BLINKSALE_LIB) $@

FORCE_CARGO:
.PHONY: FORCE_CARGO
