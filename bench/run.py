"""The benchmark: the main pages and API endpoints, as fractions of the framework's own floor.

    python bench/run.py [--quick] [--reuse-databases]      # or --profile PATH: one page under cProfile

Builds two PostgreSQL databases, ``ahc_bench_small`` (the record: migrate + loaddata) and
``ahc_bench_large`` (a copy plus ``bench/generate.py``), then for each variant (uncached:
``DJANGO_PAGE_CACHE=false``; cached: ``true``) and record starts gunicorn as production runs it
(``gunicorn.conf.py``, 1 sync worker, PostgreSQL, Redis) with ``bench.settings``, which only adds
the floor, ``/bench/floor/``: a constant answer through every middleware. A client of 4 processes
(4 connections, a new one per request, as gunicorn's sync worker closes each) times every request
itself. Each endpoint gets a warm-up, then pairs of runs: the floor, then the endpoint.

The table, one row per endpoint, variant and record: requests/second, p50 and p99 latency (ms),
``x floor`` (the median of the pairs' ratios, so a drift of the machine's speed cancels out),
``large/small`` (how much slower, in ``x floor``, the large record is than the small one), the SQL
queries of a request (in a warm process) and the row's targets. Targets are printed, never asserted:
the exit status is 1 only when the benchmark could not measure (an error answer, a crash).
"""

import argparse
import contextlib
import json
import multiprocessing
import os
import secrets
import socket
import statistics
import struct
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PG = "postgres://postgres@127.0.0.1:5432/"
DATABASES = {"small": "ahc_bench_small", "large": "ahc_bench_large"}
REDIS_URL = "redis://127.0.0.1:6379/7"
RUN = f"ahc-bench-{secrets.token_hex(4)}"  # every cache key of this run starts with it (BENCH_CACHE_PREFIX)
CONNECTIONS = 4
ENDPOINTS = {  # name: path ("{static}": the hashed address of css/site.css)
    "floor": "/bench/floor/",
    "static": "{static}",
    "home": "/",
    "session page": "/sessions/sixth-session/",
    "document list": "/documents/",
    "document page": "/documents/A/AC.291/22/Rev.3/",
    "search": "/search/?q=draft",
    "calendar": "/calendar.ics",
    "API list": "/api/v1/documents/",
    "API detail": "/api/v1/sessions/sixth-session/",
}
# Per variant: the least x floor and the largest p99 (ms); uncached, on the large record only.
TARGETS = {"cached": (0.8, 50.0), "uncached": (0.04, 150.0)}
LARGE_SMALL = 1.5  # the large record's slowdown against the small one, every endpoint but search
FIGURES = (("rps", 0), ("p50", 1), ("p99", 1), ("ratio", 2), ("slowdown", 2))  # columns: the key, its decimals
TARGETS_TEXT = (
    "Targets (printed, not asserted): cached >= 0.8x floor and p99 < 50 ms; uncached on the large record "
    ">= 0.04x floor and p99 < 150 ms; large/small <= 1.5 on every endpoint but search"
)


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def sh(*command: str, env: dict) -> str:
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if done.returncode:
        raise RuntimeError(f"{' '.join(command)} failed:\n{(done.stdout + done.stderr)[-3000:]}")
    return done.stdout


def environment(workdir: Path, record: str = "small", cached: bool = False) -> dict:
    """Production settings from the environment, as a deploy sets them, behind one proxy.

    The API's throttle keeps the rate it has in production: each request comes from an address of
    its own (X-Forwarded-For, see fetch), as from the many visitors of a public site, so none is
    refused and each is counted as a visitor's request is."""
    return {
        **os.environ,
        "DJANGO_ENV_FILE": os.devnull,  # not the checkout's development .env
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DJANGO_STATIC_MANIFEST": "true",
        "DJANGO_STATIC_ROOT": str(workdir / "static"),
        "DJANGO_PAGE_CACHE": str(cached).lower(),
        "DJANGO_NUM_PROXIES": "1",
        "DJANGO_LOG_LEVEL": "WARNING",
        "DATABASE_URL": PG + DATABASES[record],
        "DATABASE_CONN_MAX_AGE": "60",
        "REDIS_URL": REDIS_URL,
        "BENCH_CACHE_PREFIX": f"{RUN}-{record}-{cached}",  # a server's pages never another's
        "GUNICORN_WORKERS": "1",
        "GUNICORN_LOG_LEVEL": "warning",
        "GUNICORN_MAX_REQUESTS": "0",  # worker recycling would restart the worker every few seconds here
        "PYTHONUNBUFFERED": "1",
    }


def prepare_databases(env: dict, reuse: bool) -> None:
    import psycopg

    with psycopg.connect(PG + "postgres", autocommit=True) as admin:
        existing = {name for (name,) in admin.execute("SELECT datname FROM pg_database")}
        if reuse and set(DATABASES.values()) <= existing:
            return log("reusing the databases")
        for name in DATABASES.values():
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{DATABASES["small"]}"')
        log("small record: migrate, loaddata committee, VACUUM ANALYZE")
        sh(sys.executable, "manage.py", "migrate", "--no-input", "-v", "0", env=env)
        sh(sys.executable, "manage.py", "loaddata", "committee", "-v", "0", env=env)
        with psycopg.connect(PG + DATABASES["small"], autocommit=True) as small:
            small.execute("VACUUM ANALYZE")  # as autovacuum leaves a database in production
        admin.execute(f'CREATE DATABASE "{DATABASES["large"]}" TEMPLATE "{DATABASES["small"]}"')
    large = {**env, "DATABASE_URL": PG + DATABASES["large"]}
    log("large record: " + sh(sys.executable, "-m", "bench.generate", env=large).strip())


def fetch(port: int, path: str) -> tuple[int, float]:
    """GET over a connection of its own, from an address of its own (X-Forwarded-For): the status
    (0: no answer) and the seconds it took.

    The connection ends with a reset once the answer is read (SO_LINGER 0): gunicorn has closed its
    side already, and neither side is left in TIME_WAIT for the next runs' connects to stall on."""
    visitor = ".".join(str(part) for part in secrets.token_bytes(4))
    started = time.monotonic()
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=10) as connection:
            connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            connection.sendall(
                f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Forwarded-Proto: https\r\nX-Forwarded-For: {visitor}\r\n"
                "User-Agent: ahc-bench\r\nConnection: close\r\n\r\n".encode()
            )
            head = answer = connection.recv(65536)
            while answer:
                answer = connection.recv(65536)
        status = int(head.split(b" ", 2)[1])
    except (OSError, ValueError, IndexError):
        status = 0
    return status, time.monotonic() - started


def client(job: tuple) -> tuple:
    """One connection's loop until the deadline, in a process of its own (no shared GIL)."""
    port, path, deadline = job
    started, latencies, errors = time.monotonic(), [], 0
    while time.monotonic() < deadline:
        status, seconds = fetch(port, path)
        if status == 200:
            latencies.append(seconds)
        else:
            errors += 1
    return started, time.monotonic(), latencies, errors


def time_wait(port: int) -> int:
    """Sockets of the server's port in TIME_WAIT (Linux; 0 elsewhere)."""
    count = 0
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with contextlib.suppress(OSError), open(table) as lines:
            for line in list(lines)[1:]:
                local, remote, state = line.split()[1:4]
                count += state == "06" and f":{port:04X}" in (local[-5:], remote[-5:])
    return count


def load(pool, port: int, path: str, seconds: float) -> tuple[float, list, int]:
    """Requests/second, latencies (s) and errors of a run at CONNECTIONS connections."""
    for _ in range(70):  # let TIME_WAIT drain first (60 s on Linux): connects into it stall
        if time_wait(port) < 100:
            break
        time.sleep(1)
    deadline = time.monotonic() + seconds
    runs = pool.map(client, [(port, path, deadline)] * CONNECTIONS, chunksize=1)
    elapsed = max(r[1] for r in runs) - min(r[0] for r in runs)
    latencies = [seconds for r in runs for seconds in r[2]]
    return len(latencies) / elapsed, latencies, sum(r[3] for r in runs)


@contextlib.contextmanager
def gunicorn(env: dict, log_path: Path):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with open(log_path, "wb") as errors:
        server = subprocess.Popen(  # noqa: S603
            [str(Path(sys.executable).parent / "gunicorn"), "-c", "gunicorn.conf.py", "portal.wsgi"],
            cwd=ROOT, env={**env, "GUNICORN_BIND": f"127.0.0.1:{port}"}, stdout=subprocess.DEVNULL, stderr=errors,
        )  # fmt: skip
    try:
        deadline = time.monotonic() + 30
        while fetch(port, "/healthz")[0] != 200:
            if server.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"gunicorn did not start:\n{log_path.read_text()[-3000:]}")
            time.sleep(0.2)
        yield port
    finally:
        server.terminate()
        server.wait(30)


def measure(args, pool, env: dict, log_path: Path, static: str) -> dict:
    """{endpoint: row} for one server (a record and a variant)."""
    paths = {name: path.format(static=static) for name, path in ENDPOINTS.items()}
    queries = json.loads(sh(sys.executable, __file__, "--queries", *paths.values(), env=env).splitlines()[-1])
    rows = {}
    with gunicorn(env, log_path) as port:
        for name, path in paths.items():
            row = rows[name] = {"queries": queries[path], "problem": ""}
            if (status := fetch(port, path)[0]) != 200:  # and the page cache is warm
                row["problem"] = f"answered {status}"
                log(f"{name:<14} answered {status}")
                continue
            load(pool, port, path, args.warmup)
            rates, latencies, ratios, errors = [], [], [], 0
            for _ in range(args.repeats):
                floor = load(pool, port, paths["floor"], args.duration)
                run = floor if name == "floor" else load(pool, port, path, args.duration)
                rates.append(run[0])
                latencies += run[1]
                errors += run[2]
                ratios.append(run[0] / floor[0] if floor[0] else 0.0)
            if len(latencies) < 2:
                row["problem"] = f"{errors} errors, no answer"
                continue
            percentiles = statistics.quantiles(latencies, n=100)
            row.update(rps=statistics.median(rates), p50=percentiles[49] * 1000, p99=percentiles[98] * 1000)
            row.update(ratio=statistics.median(ratios), problem=f"{errors} errors" if errors else "")
            log(f"{name:<14} {row['rps']:6.0f}/s  p99 {row['p99']:6.1f} ms  x floor {row['ratio']:.2f}")
    if any(row["problem"] for row in rows.values()):
        log("the end of gunicorn's error log:\n" + log_path.read_text()[-1000:])
    return rows


def verdict(name: str, variant: str, record: str, row: dict, small: dict | None) -> str:
    """PASS, FAIL and the targets missed, ERROR, or nothing where no target applies (the floor, uncached small)."""
    if row["problem"]:
        return "ERROR " + row["problem"]
    (least, p99), checks = TARGETS[variant], []
    if name != "floor" and (variant == "cached" or record == "large"):
        checks += [(row["ratio"] >= least, f"x floor < {least}"), (row["p99"] < p99, f"p99 >= {p99:.0f}")]
    if small and name not in ("floor", "search"):
        checks.append((row.get("slowdown", 0) <= LARGE_SMALL, f"large/small > {LARGE_SMALL}"))
    missed = [text for ok, text in checks if not ok]
    return ("FAIL " + ", ".join(missed) if missed else "PASS") if checks else ""


def report(args, results: dict, load_start: str) -> bool:
    """Prints the table; False when an endpoint could not be measured."""
    print(
        f"\ngunicorn 1 sync worker, {CONNECTIONS} connections (a new one per request); {args.warmup} s warm-up, "
        f"{args.repeats} pairs of {args.duration} s runs (floor, endpoint); {os.cpu_count()} CPUs, "
        f"load {load_start} -> {' '.join(f'{v:.2f}' for v in os.getloadavg())}\n{TARGETS_TEXT}\n"
    )
    table = [("endpoint", "variant", "record", "req/s", "p50 ms", "p99 ms", "x floor", "large/small", "queries", "")]
    for name in ENDPOINTS:
        for variant in ("uncached", "cached"):
            for record in args.records:
                row, small = results[variant, record][name], results.get((variant, "small"), {}).get(name)
                small = small if record == "large" and small and not small["problem"] else None
                if small and not row["problem"] and row["ratio"]:
                    row["slowdown"] = small["ratio"] / row["ratio"]
                figures = [f"{row[key]:.{digits}f}" if key in row else "-" for key, digits in FIGURES]
                table.append(
                    (name, variant, record, *figures, str(row["queries"]), verdict(name, variant, record, row, small))
                )
    widths = [max(len(line[i]) for line in table) for i in range(len(table[0]))]
    for line in table:
        print("  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip())
    failed, errors = (sum(line[-1].startswith(word) for line in table) for word in ("FAIL", "ERROR"))
    print(f"\n{failed} of {len(table) - 1} rows miss a target; {errors} could not be measured")
    return not errors


def delete_keys() -> None:
    """This run's own keys in Redis, nobody else's: no database is ever flushed."""
    with contextlib.suppress(Exception):
        import redis

        keys = redis.Redis.from_url(REDIS_URL)
        for key in keys.scan_iter(f"{RUN}-*", count=1000):
            keys.delete(key)


def queries_main(paths: list[str]) -> None:
    """In a process of the server's settings: the queries of a third request of each path (a warm process)."""
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client, counts = Client(raise_request_exception=False, HTTP_HOST="127.0.0.1", HTTP_X_FORWARDED_PROTO="https"), {}
    for path in paths:
        for _ in range(3):
            with CaptureQueriesContext(connection) as captured:
                client.get(path)
        counts[path] = len(captured.captured_queries)
    print(json.dumps(counts))


def profile_main(args, env: dict) -> None:
    """One page, uncached, in this process under cProfile: its queries and where its time goes."""
    import cProfile
    import pstats

    os.environ.update({**env, "DJANGO_STATIC_MANIFEST": "false"})
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1", HTTP_X_FORWARDED_PROTO="https")
    for _ in range(5):  # templates, translations, the connection
        if (status := client.get(args.profile).status_code) != 200:
            raise SystemExit(f"{args.profile} answered {status}")
    with CaptureQueriesContext(connection) as captured:
        client.get(args.profile)
    queries = captured.captured_queries  # read from the connection's log, which the next request clears
    profiler, started = cProfile.Profile(), time.perf_counter()
    profiler.runcall(lambda: [client.get(args.profile) for _ in range(args.n)])
    each = (time.perf_counter() - started) / args.n * 1000
    print(f"{args.profile} ({args.record} record): {each:.2f} ms a request under cProfile; queries:")
    for query in queries:
        print(f"  {query['time']:>6} s  {query['sql'][:160]}")
    pstats.Stats(profiler).strip_dirs().sort_stats(args.sort).print_stats(30)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="1 s warm-up, 2 pairs of 1 s runs (about 4 minutes)")
    parser.add_argument("--duration", type=float, help="seconds of each run (default 2)")
    parser.add_argument("--repeats", type=int, help="pairs of runs per endpoint (default 3)")
    parser.add_argument("--warmup", type=float, help="seconds of warm-up per endpoint (default 2)")
    parser.add_argument("--records", default="small,large", help="default small,large")
    parser.add_argument("--reuse-databases", action="store_true", help="keep the two databases if they exist")
    parser.add_argument("--profile", metavar="PATH", help="profile one page in-process instead (uncached)")
    parser.add_argument("--record", choices=DATABASES, default="large", help="the record to --profile (large)")
    parser.add_argument("-n", type=int, default=200, help="requests to --profile (default 200)")
    parser.add_argument("--sort", default="cumulative", help="the order of --profile's functions (cumulative)")
    parser.add_argument("--queries", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.queries:
        return queries_main(args.queries) or 0
    for name, default, quick in (("duration", 2, 1), ("repeats", 3, 2), ("warmup", 2, 1)):
        setattr(args, name, getattr(args, name) or (quick if args.quick else default))
    args.records = [record for record in args.records.split(",") if record in DATABASES]
    started, load_start = time.monotonic(), " ".join(f"{v:.2f}" for v in os.getloadavg())
    with tempfile.TemporaryDirectory(prefix="ahc-bench-") as workdir:
        workdir = Path(workdir)
        prepare_databases(environment(workdir), args.reuse_databases or bool(args.profile))
        if args.profile:
            return profile_main(args, environment(workdir, args.record)) or 0
        sh(sys.executable, "manage.py", "collectstatic", "--no-input", "-v", "0", env=environment(workdir))
        manifest = json.loads((workdir / "static" / "staticfiles.json").read_text())
        static = "/static/" + manifest["paths"]["css/site.css"]
        results, pool = {}, multiprocessing.get_context("fork").Pool(CONNECTIONS)  # the client's processes
        for variant in ("uncached", "cached"):
            for record in args.records:
                log(f"the {record} record, {variant}")
                env = environment(workdir, record, variant == "cached")
                results[variant, record] = measure(args, pool, env, workdir / "gunicorn.log", static)
        ok = report(args, results, load_start)
    print(f"Benchmark ran in {time.monotonic() - started:.0f} s")
    return 0 if ok else 1


if __name__ == "__main__":
    try:
        sys.exit(main())
    except RuntimeError as error:  # a command or the server failed: the benchmark could not run
        sys.exit(f"bench/run.py could not run: {error}")
    finally:
        if "--queries" not in sys.argv:
            delete_keys()
