#!/usr/bin/env bash
# The PHP extension builds against the installed PHP (php-dev, and libclang for ext-php-rs's
# bindgen); its tests run on Debian's PHPUnit and under php-fpm (with cgi-fcgi as the FastCGI
# client), the benchmark compares against php-curl and the style check is php-codesniffer. Installs the Debian packages that are missing when this is
# root; otherwise says how to install them.
#   ensure-php.sh            what the tests need     ensure-php.sh --build   what `make php` needs
#   ensure-php.sh --can-build   exit 1 if the extension cannot be built here (installs nothing)
set -euo pipefail
can_build() { command -v php >/dev/null && command -v php-config >/dev/null \
  && { compgen -G "/usr/lib/llvm-*/lib/libclang*.so*" >/dev/null || compgen -G "/usr/lib/*/libclang*.so*" >/dev/null || [ -n "${LIBCLANG_PATH:-}" ]; }; }
can_test() { can_build && command -v phpunit >/dev/null && command -v phpcs >/dev/null && php -m | grep -qx curl \
  && command -v cgi-fcgi >/dev/null && { command -v php-fpm >/dev/null || compgen -G "/usr/sbin/php-fpm*" >/dev/null; }; }
case "${1:-}" in
  --can-build) can_build; exit ;;
  --build) check=can_build packages="php-cli php-dev libclang-dev" ;;
  *) check=can_test packages="php-cli php-dev libclang-dev php-curl phpunit php-codesniffer php-fpm libfcgi-bin" ;;
esac
$check && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "installing $packages (Debian packages) for the PHP extension"
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $packages >/dev/null \
    || { apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $packages >/dev/null; }
  $check && exit 0
fi
echo "the PHP extension needs PHP 8.1+ with its headers and libclang; its tests PHPUnit, php-curl and php-codesniffer (Debian/Ubuntu: apt-get install $packages; macOS: brew install php llvm, and composer global require phpunit/phpunit squizlabs/php_codesniffer)" >&2
exit 1
