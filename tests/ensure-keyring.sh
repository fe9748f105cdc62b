#!/usr/bin/env bash
# `blinksale auth login` is tested against a real Secret Service: a session bus
# (dbus-run-session), gnome-keyring, and libsecret's secret-tool to read the token back.
# Installs Debian's packages when they are missing and this is root; otherwise the test says
# why it is skipped.
set -euo pipefail
have() { command -v dbus-run-session >/dev/null && command -v gnome-keyring-daemon >/dev/null && command -v secret-tool >/dev/null; }
have && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "installing dbus-daemon, gnome-keyring and libsecret-tools (Debian packages) for the credential-store test"
  pkgs=(dbus-daemon gnome-keyring libsecret-tools)
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${pkgs[@]}" >/dev/null \
    || { apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${pkgs[@]}" >/dev/null; }
fi
have || echo "no Secret Service here: the credential-store test will be skipped (Debian: apt-get install dbus-daemon gnome-keyring libsecret-tools)" >&2
exit 0
