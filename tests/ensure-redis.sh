#!/usr/bin/env bash
# The shared rate-limit tests run a real redis-server (each test starts its own on a free
# loopback port). Installs Debian's package when it is missing and this is root; otherwise says
# how to install it.
set -euo pipefail
command -v redis-server >/dev/null && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "installing redis-server (Debian package) for the shared rate-limit tests"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null \
    || { apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null; }
  # Only the binary is needed: the tests start their own servers.
  if command -v systemctl >/dev/null && systemctl is-active --quiet redis-server 2>/dev/null; then systemctl stop redis-server || true; fi
  command -v redis-server >/dev/null && exit 0
fi
echo "redis-server is needed by the shared rate-limit tests: install it (Debian/Ubuntu: apt-get install redis-server; macOS: brew install redis)" >&2
exit 1
