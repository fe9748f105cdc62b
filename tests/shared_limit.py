#!/usr/bin/env python3
"""Four processes (two Python, two Node) share one token against a mock allowing 50 requests
per 10 s, with and without a shared Redis rate-limit store; then the store is killed mid-run.

    shared_limit.py check      the store runs, plain and over TLS (rediss://, its CA given as
                               BLINKSALE_CA_BUNDLE): 0 responses of 429, >= 90% of the rate
                               and the fallback run (Redis killed: every job finishes, warned)
    shared_limit.py compare    both runs side by side, with and without the store

Starts its own blinksale-mock (MOCK_BIN) and redis-server on free loopback ports. Needs the
installed Python package (PY_VENV) and the npm package (CARGO_TARGET_DIR/node-app)."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent / "shared_limit"
LIMIT, WINDOW, TASKS = 50, 10, 4
PY = os.path.join(os.environ["PY_VENV"], "bin", "python")
NODE_APP = Path(os.environ["CARGO_TARGET_DIR"]) / "node-app"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_port(port: int, proc: subprocess.Popen[bytes], what: str) -> None:
    for _ in range(200):
        if proc.poll() is not None:
            raise SystemExit(f"{what} exited with {proc.returncode}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
            return
        except OSError:
            time.sleep(0.05)
    raise SystemExit(f"{what} did not start")


def certificates(folder: str) -> None:
    """A CA and a certificate for 127.0.0.1 signed by it, for a redis-server speaking TLS."""
    subprocess.run([str(Path(__file__).resolve().parent / "tls-certs.sh"), folder], check=True)


class Servers:
    """A fresh mock and a fresh redis-server, stopped on exit."""

    def __init__(self, tls: bool = False) -> None:
        self.dir = tempfile.mkdtemp()
        self.ca = os.path.join(self.dir, "ca.pem") if tls else None
        self.mock_port, self.redis_port = free_port(), free_port()
        self.mock = subprocess.Popen(
            [
                os.environ["MOCK_BIN"],
                "--port",
                str(self.mock_port),
                "--rate-limit",
                str(LIMIT),
                "--window",
                str(WINDOW),
            ],
            stdout=subprocess.DEVNULL,
        )
        redis = shutil.which("redis-server") or "/usr/bin/redis-server"
        listen = ["--port", str(self.redis_port)]
        if tls:
            certificates(self.dir)
            listen = ["--port", "0", "--tls-port", str(self.redis_port), "--tls-auth-clients", "no"]
            listen += ["--tls-cert-file", "server.pem", "--tls-key-file", "server.key", "--tls-ca-cert-file", "ca.pem"]
        self.redis = subprocess.Popen(
            [
                redis,
                *listen,
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                self.dir,
            ],
            stdout=subprocess.DEVNULL,
        )
        wait_port(self.mock_port, self.mock, "blinksale-mock")
        wait_port(self.redis_port, self.redis, "redis-server")
        self.base = f"http://127.0.0.1:{self.mock_port}/api/v1"
        self.store = f"{'rediss' if tls else 'redis'}://127.0.0.1:{self.redis_port}/0"

    def requests(self) -> list[dict]:
        url = f"http://127.0.0.1:{self.mock_port}/__admin/requests"
        with urllib.request.urlopen(url) as r:
            return [e for e in json.load(r)["requests"] if e["path"].endswith("/clients")]

    def stop(self) -> None:
        for p in (self.mock, self.redis):
            if p.poll() is None:
                p.kill()
            p.wait()
        shutil.rmtree(self.dir, ignore_errors=True)


def workers(servers: Servers, store: bool, mode: str, amount: float) -> list[subprocess.Popen[str]]:
    shutil.copy(HERE / "worker.mjs", NODE_APP / "shared_worker.mjs")
    env = dict(os.environ, BLINKSALE_BASE_URL=servers.base, BLINKSALE_API_TOKEN="demo-token")
    if servers.ca:
        # The store's CA, as every client takes one: the API's roots and the store's alike.
        env["BLINKSALE_CA_BUNDLE"] = servers.ca
    # Python's `logging` gets the core's warnings once a level is set; Node's `logger` gets them.
    py_env = dict(env, STORE=servers.store if store else "", BLINKSALE_LOG="warn")
    node_env = dict(env, BLINKSALE_RATE_LIMIT_STORE=servers.store if store else "")
    args = [mode, str(amount), str(TASKS)]
    run = lambda cmd, e, cwd=None: subprocess.Popen(  # noqa: E731
        cmd, env=e, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    return [
        run([PY, str(HERE / "worker.py"), *args], py_env),
        run([PY, str(HERE / "worker.py"), *args], py_env),
        run(["node", "shared_worker.mjs", *args], node_env, NODE_APP),
        run(["node", "shared_worker.mjs", *args], node_env, NODE_APP),
    ]


def finish(procs: list[subprocess.Popen[str]]) -> list[tuple[int, dict, str]]:
    out = []
    for p in procs:
        stdout, stderr = p.communicate(timeout=300)
        line = stdout.strip().splitlines()[-1] if stdout.strip() else "{}"
        out.append((p.returncode, json.loads(line), stderr))
    return out


def pacing(store: bool, seconds: int = 30, tls: bool = False) -> dict:
    """4 processes list for `seconds` (whole windows) plus a margin; counts from the mock's log."""
    servers = Servers(tls)
    try:
        results = finish(workers(servers, store, "duration", seconds + 2))
        log = servers.requests()
    finally:
        servers.stop()
    for code, _, stderr in results:
        if code != 0:
            raise SystemExit(f"a worker failed:\n{stderr}")
    t0 = min(e["at_ms"] for e in log)
    served = sum(1 for e in log if e["status"] == 200 and e["at_ms"] < t0 + seconds * 1000)
    allowed = LIMIT * (seconds // WINDOW)
    return {
        "store": store,
        "tls": tls,
        "served": served,
        "allowed": allowed,
        "share": served / allowed,
        "429s": sum(1 for e in log if e["status"] == 429),
        "requests": len(log),
    }


def fallback(calls: int = 40) -> tuple[bool, str]:
    """The store dies 4 s into a 160-call job: every process finishes its calls, and each one
    still running then warns once."""
    servers = Servers()
    try:
        procs = workers(servers, True, "count", calls)
        time.sleep(4)
        running = [p.poll() is None for p in procs]
        servers.redis.kill()
        results = finish(procs)
    finally:
        servers.stop()
    done = [r["ok"] + r["rate_limited"] for _, r, _ in results]
    warned = [stderr.count("rate-limit store failed") for _, _, stderr in results]
    ok = (
        all(code == 0 for code, _, _ in results)
        and done == [calls] * 4
        and all(w == (1 if r else 0) for w, r in zip(warned, running))
        and any(running)
    )
    detail = f"calls finished per process {done}, running at the kill {running}, store warnings {warned}"
    for code, _, stderr in results:
        if code != 0:
            detail += f"\na worker exited with {code}:\n{stderr[-2000:]}"
    return ok, detail


def show(r: dict) -> str:
    label = (
        ("with the Redis store over TLS" if r["tls"] else "with the Redis store")
        if r["store"]
        else "without a store    "
    )
    return f"4 processes {label}: {r['served']}/{r['allowed']} served in 3 windows ({r['share']:.1%} of the limit), {r['429s']} responses of 429"


def main() -> int:
    what = sys.argv[1] if len(sys.argv) > 1 else "check"
    print(
        f"shared rate limit: 2 Python + 2 Node processes, {TASKS} tasks each, one token, mock at {LIMIT} / {WINDOW} s"
    )
    if what == "compare":
        for store in (False, True):
            print(show(pacing(store)), flush=True)
        return 0
    runs = [pacing(True), pacing(True, tls=True)]
    for r in runs:
        print(show(r), flush=True)
    ok, detail = fallback()
    print(f"fallback (Redis killed mid-run): {detail}")
    failures = []
    for r in runs:
        if r["429s"] != 0:
            failures.append(f"the store run (tls: {r['tls']}) saw 429s")
        if r["share"] < 0.9:
            failures.append(f"the store run (tls: {r['tls']}) used under 90% of the limit")
    if not ok:
        failures.append("the fallback run did not finish cleanly")
    for f in failures:
        print(f"FAIL: {f}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
