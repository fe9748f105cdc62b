#!/usr/bin/env bash
# The proxy tests run a real squid (each test starts its own on a free loopback port, with basic
# authentication and header logging). Installs Debian's package when it is missing and this is
# root; otherwise the tests say why they are skipped.
set -euo pipefail
have() { [ -x /usr/sbin/squid ] && [ -x /usr/lib/squid/basic_ncsa_auth ] && command -v openssl >/dev/null; }
have && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "installing squid and openssl (Debian packages) for the proxy tests"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends squid openssl >/dev/null \
    || { apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends squid openssl >/dev/null; }
  # Only the binary is needed: the tests start their own.
  if command -v systemctl >/dev/null && systemctl is-active --quiet squid 2>/dev/null; then systemctl stop squid || true; fi
fi
have || echo "no squid here: the proxy tests will be skipped (Debian: apt-get install squid)" >&2
exit 0
