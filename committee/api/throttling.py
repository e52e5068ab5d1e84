"""Throttling of anonymous clients (every API client is anonymous).

Counts are kept in the default cache, so every worker must share it: Redis (``REDIS_URL``) in
production; the local-memory cache of development counts per process. The client is told apart by
its address: ``REMOTE_ADDR``, or with ``NUM_PROXIES`` (``DJANGO_NUM_PROXIES``) set to the number
of proxies in front of the application, the address those proxies recorded in X-Forwarded-For.
"""

from rest_framework import throttling
from rest_framework.settings import api_settings


class AnonRateThrottle(throttling.AnonRateThrottle):
    """DRF's anonymous throttle, reading its rate when it runs rather than when it is imported.

    DRF copies ``DEFAULT_THROTTLE_RATES`` into the class once; reading it per request lets a
    changed setting (a test, a settings reload) take effect.
    """

    def get_rate(self):
        return api_settings.DEFAULT_THROTTLE_RATES[self.scope]
