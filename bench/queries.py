"""SQL queries per request, counted through Django's test client (not part of the timed load).

Run as ``python -m bench.queries PATH ...`` with the benchmark's environment (settings, database,
cache, DJANGO_PAGE_CACHE); prints one JSON object: for each path, its status, the queries of a
first request and those of a second one (a cache hit, when the page cache is on).
"""

from __future__ import annotations

import json
import os
import sys


def count(paths: list[str]) -> dict:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1", HTTP_X_FORWARDED_PROTO="https")
    answers = {}
    for path in paths:
        counts, status = [], None
        for _attempt in range(2):
            with CaptureQueriesContext(connection) as captured:
                response = client.get(path)
            status = response.status_code
            counts.append(len(captured.captured_queries))
        answers[path] = {"status": status, "first": counts[0], "second": counts[1]}
    return answers


def main() -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    import django

    django.setup()
    print(json.dumps(count(sys.argv[1:])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
