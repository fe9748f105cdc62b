#!/usr/bin/env bash
# The extension's source build, as PIE and a manual install run it: phpize, ./configure,
# make (cargo, through config.m4 and Makefile.frag), make install into a scratch root; the
# installed blinksale.so must load and define the client. phpize's files are removed after.
set -euo pipefail
cd "$(dirname "$0")/../bindings-php"
root=$(mktemp -d)
clean() { make distclean >/dev/null 2>&1 || true; phpize --clean >/dev/null 2>&1 || true; rm -rf "$root" configure~ modules; }
trap clean EXIT
phpize >/dev/null 2>&1
./configure >/dev/null
make >/dev/null
make install INSTALL_ROOT="$root" >/dev/null
so=$(find "$root" -name blinksale.so)
[ -n "$so" ] || { echo "make install put no blinksale.so under $root" >&2; exit 1; }
out=$(php -n -d "extension=$so" -r 'echo phpversion("blinksale"), " ", class_exists("Blinksale\\Client") ? "loads" : "missing", "\n";')
echo "source build: $out ($(basename "$(dirname "$so")"))"
[ "${out##* }" = loads ]
