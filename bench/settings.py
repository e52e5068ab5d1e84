"""Settings of the benchmark: the production settings, plus the framework floor's address.

Only ``ROOT_URLCONF`` differs, so every page goes through exactly the middleware stack, database
and cache configuration that production uses (all read from the environment, as there).
"""

from portal.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
