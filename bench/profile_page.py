"""Profile one page in-process with cProfile: where its time goes, by cumulative time.

Run from the repository root, after ``bench/run.py`` has built the databases:

    .venv/bin/python bench/profile_page.py /documents/ --record large -n 200

It uses the benchmark's settings (production, PostgreSQL, the page cache off) through Django's
test client, so the whole middleware stack is profiled; prints the mean time per request, its
queries, and the top functions by cumulative time.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import secrets
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("path", nargs="?", default="/documents/", help="the page to profile (default /documents/)")
    parser.add_argument("--record", choices=("small", "large"), default="large")
    parser.add_argument("-n", type=int, default=200, help="requests to profile (default 200)")
    parser.add_argument("--top", type=int, default=30, help="functions to print (default 30)")
    parser.add_argument("--sort", default="cumulative", help="pstats sort key (default cumulative)")
    args = parser.parse_args()

    os.environ.update(
        {
            "DJANGO_ENV_FILE": os.devnull,
            "DJANGO_SETTINGS_MODULE": "bench.settings",
            "DJANGO_DEBUG": "false",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DJANGO_SECURE_SSL_REDIRECT": "false",
            "DJANGO_STATIC_MANIFEST": "false",
            "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/ahc_bench_{args.record}",
            "DATABASE_CONN_MAX_AGE": "60",
            "DJANGO_PAGE_CACHE": "false",
            "DJANGO_API_THROTTLE_RATE": "100000000/minute",
            "DJANGO_LOG_LEVEL": "WARNING",
        }
    )
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1", HTTP_X_FORWARDED_PROTO="https")
    for _ in range(5):  # warm up: templates, translations, connection
        response = client.get(args.path)
    if response.status_code != 200:
        raise SystemExit(f"{args.path} answered {response.status_code}")
    with CaptureQueriesContext(connection) as captured:
        client.get(args.path)
    queries = captured.captured_queries

    profiler = cProfile.Profile()
    started = time.perf_counter()
    profiler.enable()
    for _ in range(args.n):
        client.get(args.path)
    profiler.disable()
    elapsed = time.perf_counter() - started

    print(f"{args.path} on the {args.record} record: {args.n} requests, {elapsed / args.n * 1000:.2f} ms each")
    print(f"(under cProfile, which slows Python code); {len(queries)} queries per request:")
    for query in queries:
        print(f"  {query['time']:>6} s  {query['sql'][:160]}")
    output = io.StringIO()
    pstats.Stats(profiler, stream=output).strip_dirs().sort_stats(args.sort).print_stats(args.top)
    print(output.getvalue())
    return 0


if __name__ == "__main__":
    sys.exit(main())
