#!/usr/bin/env bash
# The extension under php-fpm: the master loads it, then forks its workers; each worker makes
# calls through its own runtime (created on first use, after the fork). Twelve FastCGI
# requests to two workers must all succeed, served by both. Run by make test-php through
# tests/with-mock.sh (BLINKSALE_BASE_URL, BLINKSALE_API_TOKEN).
set -euo pipefail
fpm=$(command -v php-fpm || ls /usr/sbin/php-fpm* 2>/dev/null | head -1)
dir=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$dir"' EXIT
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cat > "$dir/fpm.conf" <<CONF
[global]
error_log = $dir/fpm.log
daemonize = no
[www]
listen = 127.0.0.1:$port
pm = static
pm.max_children = 2
clear_env = no
catch_workers_output = yes
CONF
cat > "$dir/call.php" <<'PHP'
<?php
$client = new \Blinksale\Client();
echo count($client->units->list()), ' units, worker ', getmypid(), "\n";
PHP
"$fpm" -n -d "extension=$PHP_EXT" -y "$dir/fpm.conf" -R &
pid=$!
for _ in $(seq 1 100); do (echo > "/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.05; done
# Four at a time, so both workers serve.
for batch in 1 2 3; do
  calls=()
  for i in 1 2 3 4; do
    SCRIPT_FILENAME="$dir/call.php" REQUEST_METHOD=GET cgi-fcgi -bind -connect "127.0.0.1:$port" > "$dir/out.$batch.$i" &
    calls+=($!)
  done
  wait "${calls[@]}"
done
ok=$(cat "$dir"/out.* | tr -d '\r' | grep -cE '^3 units, worker [0-9]+$' || true)
workers=$(cat "$dir"/out.* | tr -d '\r' | grep -E '^3 units' | sort -u | wc -l)
echo "php-fpm: $ok of 12 requests served, by $workers workers"
[ "$ok" -eq 12 ] && [ "$workers" -eq 2 ] || { cat "$dir/fpm.log" >&2; exit 1; }
