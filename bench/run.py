"""The performance benchmark: every main page and API endpoint as a ratio of the framework floor.

Run from the repository root: ``.venv/bin/python bench/run.py`` (``--quick`` for a short run).

1. Builds two PostgreSQL databases: ``ahc_bench_small`` (migrated, the record loaded) and
   ``ahc_bench_large`` (a copy of it plus the generated large record of ``bench/generate.py``),
   each vacuumed and analysed once loaded, as autovacuum (on by default) leaves a database in
   production, whether or not this server runs it; and collects the static files into a
   temporary directory (WhiteNoise, hashed names).
2. For each record (small, large) and each variant (uncached: ``DJANGO_PAGE_CACHE=false``;
   cached: ``true``), flushes its own Redis database, starts gunicorn (``gunicorn.conf.py``,
   1 worker, production settings, ``bench.settings`` for the floor's address) on a free
   loopback port, counts each endpoint's SQL queries through Django's test client in another
   process, then drives each endpoint with wrk: a warm-up, then ``--repeats`` runs of
   ``--duration`` seconds at 4 connections; it keeps the median requests/second, p50 and p99.
3. Prints the table, the large/small comparison and a PASS/FAIL line per target. Each measured run
   of an endpoint is paired with a run of the floor just before it on the same server, and its
   ratio to the floor is the median of the pairs' ratios: the machine's speed may drift over the
   minutes of a run, but it slows both runs of a pair alike. The large record is compared with the
   small one through these ratios. Targets are reported, not asserted: the
   exit status is 1 only when the benchmark itself could not measure (an error answer, a crash).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent
PG_HOST, PG_PORT = "127.0.0.1", 5432
PG_ADMIN_URL = f"postgresql://postgres@{PG_HOST}:{PG_PORT}/postgres"
DATABASES = {"small": "ahc_bench_small", "large": "ahc_bench_large"}
REDIS_DB = 7  # the benchmark's own Redis database; only it is flushed
REDIS_CLI = ["redis-cli", "-h", "127.0.0.1", "-p", "6379", "-n", str(REDIS_DB)]
CONNECTIONS = 4
THREADS = 1
HEADERS = {"X-Forwarded-Proto": "https", "User-Agent": "ahc-bench"}

# name, path ("{static}" is the hashed address of css/site.css), kind of target
ENDPOINTS = [
    ("floor", "/bench/floor/", "floor"),
    ("static", "{static}", "static"),
    ("home", "/", "list"),
    ("session page", "/sessions/sixth-session/", "detail"),
    ("document list", "/documents/", "list"),
    ("document page", "/documents/A/AC.291/22/Rev.3/", "detail"),
    ("search", "/search/?q=draft", "list"),
    ("calendar", "/calendar.ics", "list"),
    ("API list", "/api/v1/documents/", "list"),
    ("API detail", "/api/v1/sessions/sixth-session/", "detail"),
]
VARIANTS = ("uncached", "cached")
# Minimum ratio to the floor, per variant and kind of endpoint.
FLOOR_TARGETS = {
    ("uncached", "detail"): 0.15,
    ("uncached", "list"): 0.10,
    ("uncached", "static"): 0.7,
    ("cached", "detail"): 0.7,
    ("cached", "list"): 0.7,
    ("cached", "static"): 0.7,
}
P99_LIMIT_MS = 50.0
LARGE_SMALL_LIMIT = 1.25


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def run(command: list[str], env: dict | None = None, timeout: float = 600) -> str:
    result = subprocess.run(  # noqa: S603 (fixed commands of this script)
        command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
    return result.stdout


# --- Tools and services ----------------------------------------------------------------


def ensure_wrk() -> str:
    found = shutil.which("wrk")
    if found:
        return found
    if os.geteuid() == 0 and shutil.which("apt-get"):
        log("installing wrk (apt-get install -y wrk)")
        run(["apt-get", "install", "-y", "wrk"], env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})
        found = shutil.which("wrk")
    if not found:
        raise SystemExit("wrk is needed: sudo apt-get install -y wrk")
    return found


def pg_ready() -> bool:
    try:
        with psycopg.connect(PG_ADMIN_URL, connect_timeout=2) as connection:
            connection.execute("SELECT 1")
        return True
    except psycopg.Error:
        return False


def redis_flush() -> None:
    output = run([*REDIS_CLI, "flushdb"], timeout=10)
    if output.strip() != "OK":
        raise RuntimeError(f"redis-cli -n {REDIS_DB} flushdb answered {output!r}")


def database_url(record: str) -> str:
    return f"postgres://postgres@{PG_HOST}:{PG_PORT}/{DATABASES[record]}"


def prepare_databases(env: dict, reuse: bool) -> dict:
    """Both databases, built afresh unless --reuse-databases finds them; returns timings."""
    timings = {}
    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as connection:
        existing = {row[0] for row in connection.execute("SELECT datname FROM pg_database").fetchall()}
    if reuse and set(DATABASES.values()) <= existing:
        log("reusing the databases ahc_bench_small and ahc_bench_large (--reuse-databases)")
        return timings
    manage = [str(VENV_BIN / "python"), "manage.py"]
    small_env = {**env, "DATABASE_URL": database_url("small")}
    started = time.monotonic()
    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as connection:
        for name in DATABASES.values():
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{DATABASES["small"]}"')
    run([*manage, "migrate", "--no-input", "-v", "0"], small_env)
    run([*manage, "loaddata", "committee", "-v", "0"], small_env)
    with psycopg.connect(database_url("small").replace("postgres://", "postgresql://"), autocommit=True) as c:
        c.execute("VACUUM ANALYZE")
    timings["small record (migrate + loaddata)"] = time.monotonic() - started
    started = time.monotonic()
    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{DATABASES["large"]}" TEMPLATE "{DATABASES["small"]}"')
    output = run([str(VENV_BIN / "python"), "-m", "bench.generate"], {**env, "DATABASE_URL": database_url("large")})
    timings["large record (copy + generate)"] = time.monotonic() - started
    log(output.strip())
    return timings


# --- gunicorn --------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get(port: int, path: str, timeout: float = 10) -> tuple[int, bytes]:
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers=HEADERS)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


class Server:
    def __init__(self, env: dict, log_path: Path):
        self.env, self.log_path = env, log_path
        self.port = free_port()
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        env = {**self.env, "GUNICORN_BIND": f"127.0.0.1:{self.port}"}
        # The access log (stdout) is formatted as in production and discarded; errors are kept.
        with open(self.log_path, "wb") as errors:
            self.process = subprocess.Popen(  # noqa: S603
                [str(VENV_BIN / "gunicorn"), "-c", "gunicorn.conf.py", "portal.wsgi"],
                cwd=ROOT,
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=errors,
                start_new_session=True,
            )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited:\n{self.log_path.read_text()[-3000:]}")
            with contextlib.suppress(OSError):
                status, body = get(self.port, "/healthz", timeout=2)
                if status == 200 and json.loads(body).get("status") == "ok":
                    return
            time.sleep(0.2)
        raise RuntimeError(f"gunicorn not healthy in 30 s:\n{self.log_path.read_text()[-3000:]}")

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(5)


# --- wrk -------------------------------------------------------------------------------

UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def to_ms(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(number) * UNITS[unit]


@dataclass
class WrkRun:
    rps: float
    p50: float
    p99: float
    requests: int
    errors: int  # non-2xx/3xx answers and socket errors


def parse_wrk(output: str) -> WrkRun:
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    p50 = to_ms(re.search(r"^\s+50%\s+(\S+)", output, re.M).group(1))
    p99 = to_ms(re.search(r"^\s+99%\s+(\S+)", output, re.M).group(1))
    requests = int(re.search(r"(\d+) requests in", output).group(1))
    errors = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses: (\d+)", output))
    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    if socket_errors:
        errors += sum(int(n) for n in socket_errors.groups())
    return WrkRun(rps, p50, p99, requests, errors)


def wrk(binary: str, port: int, path: str, seconds: int) -> WrkRun:
    command = [binary, f"-t{THREADS}", f"-c{CONNECTIONS}", f"-d{seconds}s", "--latency", "--timeout", "5s"]
    for name, value in HEADERS.items():
        command += ["-H", f"{name}: {value}"]
    return parse_wrk(run([*command, f"http://127.0.0.1:{port}{path}"], timeout=seconds + 30))


# --- Measurement -----------------------------------------------------------------------


@dataclass
class Result:
    endpoint: str
    path: str
    kind: str
    variant: str
    record: str
    rps: float = 0.0
    p50: float = 0.0
    p99: float = 0.0
    queries: int | None = None
    ratio: float = 0.0
    runs: list[WrkRun] = field(default_factory=list)
    problem: str = ""

    @property
    def floor_target(self) -> float | None:
        return FLOOR_TARGETS.get((self.variant, self.kind))


def count_queries(env: dict, paths: list[str]) -> dict:
    output = run([str(VENV_BIN / "python"), "-m", "bench.queries", *paths], env)
    return json.loads(output.strip().splitlines()[-1])


def measure(args, binary: str, env: dict, record: str, variant: str, static_path: str, workdir: Path) -> list:
    server_env = {**env, "DATABASE_URL": database_url(record), "DJANGO_PAGE_CACHE": str(variant == "cached").lower()}
    redis_flush()
    server = Server(server_env, workdir / f"gunicorn-{record}-{variant}.log")
    server.start()
    results = []
    try:
        paths = [path.format(static=static_path) for _name, path, _kind in ENDPOINTS]
        floor_path = next(
            path for (_name, _template, kind), path in zip(ENDPOINTS, paths, strict=True) if kind == "floor"
        )
        queries = count_queries(server_env, paths)
        for (name, _template, kind), path in zip(ENDPOINTS, paths, strict=True):
            result = Result(name, path, kind, variant, record)
            counted = queries[path]
            # Uncached: the queries of a request; cached: of a second request (a hit, if cached).
            result.queries = counted["first"] if variant == "uncached" else counted["second"]
            status, _body = get(server.port, path)  # also warms the page cache for "cached"
            if status != 200 or counted["status"] != 200:
                result.problem = f"status {status} (test client {counted['status']})"
                results.append(result)
                continue
            wrk(binary, server.port, path, args.warmup)
            # Each run is paired with a run of the floor just before it, and the ratio is taken
            # pair by pair: a machine whose speed drifts over minutes (a shared or throttled CPU)
            # slows both alike, so the ratios hold where the raw rates do not.
            ratios = []
            for _ in range(args.repeats):
                floor_run = wrk(binary, server.port, floor_path, args.duration)
                run_ = floor_run if path == floor_path else wrk(binary, server.port, path, args.duration)
                result.runs.append(run_)
                ratios.append(run_.rps / floor_run.rps if floor_run.rps else 0.0)
            result.rps = statistics.median(r.rps for r in result.runs)
            result.p50 = statistics.median(r.p50 for r in result.runs)
            result.p99 = statistics.median(r.p99 for r in result.runs)
            result.ratio = statistics.median(ratios)
            errors = sum(r.errors for r in result.runs)
            if errors:
                result.problem = f"{errors} error answers"
            results.append(result)
            log(
                f"{record:<5} {variant:<8} {name:<14} {result.rps:8.0f} rps  p50 {result.p50:6.2f} ms  "
                f"p99 {result.p99:6.2f} ms  {result.queries} queries"
            )
    finally:
        server.stop()
    return results


# --- Report ----------------------------------------------------------------------------


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def print_report(results: list[Result], args, timings: dict, page_cache: str) -> bool:
    print()
    print(
        f"AHC Portal benchmark: gunicorn 1 worker (production settings), wrk {THREADS} thread, "
        f"{CONNECTIONS} connections; {args.warmup} s warm-up, median of {args.repeats} x {args.duration} s, "
        "each run after a run of the floor (x floor: the median of the pairs' ratios)"
    )
    print(f"Machine: {os.cpu_count()} CPUs, {platform_line()}")
    print(f"Load average at the start: {args.load_at_start}; at the end: {load_average()}")
    for name, seconds in timings.items():
        print(f"Built {name} in {seconds:.1f} s")
    print(f"Page cache: {page_cache}")
    print()
    header = ("endpoint", "variant", "record", "rps", "p50 ms", "p99 ms", "queries", "x floor", "target", "result")
    rows, failures = [], []
    for result in results:
        target = result.floor_target
        checks = [result.p99 < P99_LIMIT_MS]
        if target is not None:
            checks.append(result.ratio >= target)
        ok = all(checks) and not result.problem
        status = verdict(ok) + (f" ({result.problem})" if result.problem else "")
        if not ok:
            failures.append(result)
        target_text = f">={target:.2f}x p99<50" if target is not None else "p99<50"
        rows.append(
            (
                result.endpoint,
                result.variant,
                result.record,
                f"{result.rps:.0f}",
                f"{result.p50:.2f}",
                f"{result.p99:.2f}",
                "-" if result.queries is None else str(result.queries),
                f"{result.ratio:.2f}",
                target_text,
                status,
            )
        )
    print_table(header, rows)

    print()
    print(
        f"Large record against small (small x floor / large x floor; target <= {LARGE_SMALL_LIMIT}x); "
        "raw rates for reference:"
    )
    by_key = {(r.endpoint, r.variant, r.record): r for r in results}
    scale_rows, scale_failures = [], []
    for name, _path, kind in ENDPOINTS:
        if kind == "floor":
            continue  # its ratio is 1 by definition
        for variant in VARIANTS:
            small, large = by_key.get((name, variant, "small")), by_key.get((name, variant, "large"))
            if not small or not large or not large.rps:
                continue
            # Compared through their ratios to the floor, each measured beside its own floor runs.
            slowdown = small.ratio / large.ratio if large.ratio else float("inf")
            ok = slowdown <= LARGE_SMALL_LIMIT
            if not ok:
                scale_failures.append((name, variant))
            scale_rows.append(
                (
                    name,
                    variant,
                    f"{small.rps:.0f}",
                    f"{large.rps:.0f}",
                    f"{slowdown:.2f}",
                    f"{small.p50:.2f} -> {large.p50:.2f}",
                    f"{small.queries} -> {large.queries}",
                    verdict(ok),
                )
            )
    print_table(
        ("endpoint", "variant", "small rps", "large rps", "slowdown", "p50 ms", "queries", "result"), scale_rows
    )

    print()
    print("Summary of the targets:")
    groups = [
        ("cached pages and API >= 0.70x floor", lambda r: r.variant == "cached" and r.kind in ("detail", "list")),
        (
            "uncached detail pages and API detail >= 0.15x floor",
            lambda r: r.variant == "uncached" and r.kind == "detail",
        ),
        ("uncached lists and API list >= 0.10x floor", lambda r: r.variant == "uncached" and r.kind == "list"),
        ("static file >= 0.70x floor", lambda r: r.kind == "static"),
    ]
    for label, selected in groups:
        chosen = [r for r in results if selected(r)]
        missed = [f"{r.endpoint}/{r.record}({r.ratio:.2f})" for r in chosen if r.ratio < (r.floor_target or 0)]
        print(f"  {verdict(not missed)}  {label}: {len(chosen) - len(missed)}/{len(chosen)}", end="")
        print(f"; below: {', '.join(missed)}" if missed else "")
    slow = [f"{r.endpoint}/{r.variant}/{r.record}({r.p99:.1f})" for r in results if r.p99 >= P99_LIMIT_MS]
    print(
        f"  {verdict(not slow)}  p99 < 50 ms at {CONNECTIONS} connections: {len(results) - len(slow)}/{len(results)}",
        end="",
    )
    print(f"; over: {', '.join(slow)}" if slow else "")
    print(
        f"  {verdict(not scale_failures)}  large record <= {LARGE_SMALL_LIMIT}x small: "
        f"{len(scale_rows) - len(scale_failures)}/{len(scale_rows)}",
        end="",
    )
    print(f"; over: {', '.join(f'{n}/{v}' for n, v in scale_failures)}" if scale_failures else "")
    problems = [r for r in results if r.problem]
    for result in problems:
        print(f"  ERROR {result.endpoint} {result.variant} {result.record}: {result.problem}")
    return not problems


def print_table(header: tuple, rows: list[tuple]) -> None:
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        print("  ".join(str(cell).ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())


def load_average() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def platform_line() -> str:
    import platform

    cpu = ""
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    return (
        f"{cpu or platform.processor()}, Python {platform.python_version()}, {platform.system()} {platform.release()}"
    )


def page_cache_state(results: list[Result]) -> str:
    cached_pages = [r for r in results if r.variant == "cached" and r.kind in ("detail", "list")]
    if cached_pages and all(r.queries == 0 for r in cached_pages):
        return "in effect (DJANGO_PAGE_CACHE=true: every cached page and API hit ran 0 queries)"
    hits = sum(1 for r in cached_pages if r.queries == 0)
    return (
        f"NOT in effect for every endpoint ({hits}/{len(cached_pages)} cached hits ran 0 queries): "
        "cached rows measure whatever DJANGO_PAGE_CACHE=true does today"
    )


# --- Main ------------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="a short run: 1 s warm-up, 2 x 1 s (about 2 minutes)")
    parser.add_argument("--duration", type=int, default=None, help="seconds of each measured run (default 2)")
    parser.add_argument("--repeats", type=int, default=None, help="measured runs per endpoint (default 3)")
    parser.add_argument("--warmup", type=int, default=None, help="seconds of warm-up per endpoint (default 2)")
    parser.add_argument("--records", default="small,large", help="records to measure (default small,large)")
    parser.add_argument(
        "--reuse-databases", action="store_true", help="keep ahc_bench_small/large if they exist (no rebuild)"
    )
    args = parser.parse_args()
    defaults = {"duration": 1, "repeats": 2, "warmup": 1} if args.quick else {"duration": 2, "repeats": 3, "warmup": 2}
    for name, value in defaults.items():
        if getattr(args, name) is None:
            setattr(args, name, value)
    records = [record for record in args.records.split(",") if record]
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))

    args.load_at_start = load_average()
    binary = ensure_wrk()
    if not pg_ready():
        raise SystemExit("PostgreSQL does not answer on 127.0.0.1:5432 (user postgres)")
    started = time.monotonic()
    workdir = Path(tempfile.mkdtemp(prefix="ahc-bench-"))
    env = {
        **os.environ,
        "DJANGO_ENV_FILE": os.devnull,  # not the development .env of the checkout
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DJANGO_STATIC_MANIFEST": "true",
        "DJANGO_STATIC_ROOT": str(workdir / "static"),
        "DATABASE_URL": database_url("small"),
        "DATABASE_CONN_MAX_AGE": "60",
        "REDIS_URL": f"redis://127.0.0.1:6379/{REDIS_DB}",
        "DJANGO_API_THROTTLE_RATE": "100000000/minute",
        "DJANGO_LOG_LEVEL": "WARNING",
        "GUNICORN_WORKERS": "1",
        "GUNICORN_LOG_LEVEL": "warning",
        # Worker recycling (a leak guard) would restart the worker every few seconds at these rates.
        "GUNICORN_MAX_REQUESTS": "0",
        "PYTHONUNBUFFERED": "1",
    }
    try:
        log("preparing the databases (small: migrate + loaddata; large: a copy + bench/generate.py)")
        timings = prepare_databases(env, args.reuse_databases)
        run([str(VENV_BIN / "python"), "manage.py", "collectstatic", "--no-input", "-v", "0"], env)
        static_code = (
            "from django.contrib.staticfiles.storage import staticfiles_storage as s; print(s.url('css/site.css'))"
        )
        static_path = run([str(VENV_BIN / "python"), "manage.py", "shell", "-c", static_code], env)
        static_path = static_path.strip().splitlines()[-1]
        results = []
        for record in records:
            for variant in VARIANTS:
                log(f"measuring the {record} record, {variant}")
                results += measure(args, binary, env, record, variant, static_path, workdir)
        ok = print_report(results, args, timings, page_cache_state(results))
        print(f"\nBenchmark ran in {time.monotonic() - started:.0f} s; server error logs in {workdir}")
        return 0 if ok else 1
    finally:
        shutil.rmtree(workdir / "static", ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
