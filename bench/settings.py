"""Settings of the benchmark: the production settings, plus the framework floor's address.

Only the URLconf differs, and the floor is kept out of the page cache: every page goes through
exactly the middleware stack, database and cache configuration that production uses (all read
from the environment, as there), and the floor is what the framework costs for a constant answer,
never a cache hit, with the page cache on or off. Each server of ``bench/run.py`` keeps its cache
entries under a prefix of its own (BENCH_CACHE_PREFIX), so it never needs to flush a database.
"""

import os

from portal.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
# portal.pagecache.EXCLUDED_PREFIXES, and the floor.
PAGE_CACHE_EXCLUDED = ("/admin/", "/healthz", "/bench/")
CACHES = {**CACHES, "default": {**CACHES["default"], "KEY_PREFIX": os.environ.get("BENCH_CACHE_PREFIX", "")}}  # noqa: F405
