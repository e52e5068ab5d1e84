"""Security helpers the packages do not provide: Cross-Origin-Resource-Policy, the client address
and the proxy count it depends on."""

import logging
import re

from django.conf import settings
from django.core import checks
from django.core.exceptions import MiddlewareNotUsed

logger = logging.getLogger(__name__)


class CrossOriginResourcePolicyMiddleware:
    """Cross-Origin-Resource-Policy on every response.

    ``same-origin`` (CROSS_ORIGIN_RESOURCE_POLICY): other sites cannot embed the portal's pages,
    images or styles. The API is public and meant for other sites' scripts (CORS), so responses
    under CROSS_ORIGIN_RESOURCE_POLICY_PUBLIC say ``cross-origin``.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.public = re.compile(settings.CROSS_ORIGIN_RESOURCE_POLICY_PUBLIC)

    def __call__(self, request):
        response = self.get_response(request)
        if "Cross-Origin-Resource-Policy" not in response:
            public = self.public.match(request.path_info)
            response["Cross-Origin-Resource-Policy"] = (
                "cross-origin" if public else settings.CROSS_ORIGIN_RESOURCE_POLICY
            )
        return response


def client_ip(request) -> str | None:
    """The client's address, as the API's throttle tells clients apart (DRF's NUM_PROXIES rule).

    ``REMOTE_ADDR``, or behind NUM_PROXIES proxies (DJANGO_NUM_PROXIES), the address the outermost
    of them recorded in X-Forwarded-For: a client cannot choose it by sending the header itself.
    """
    proxies = num_proxies()
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if proxies and forwarded:
        addresses = [address.strip() for address in forwarded.split(",")]
        return addresses[-min(proxies, len(addresses))]
    return request.META.get("REMOTE_ADDR")


# What a proxy count of 0 behind a proxy costs, said by the deploy check and the run-time warning.
ONE_CLIENT = "every client looks like the proxy, and they all share one API throttle count and one sign-in lockout."


def num_proxies() -> int:
    return settings.REST_FRAMEWORK.get("NUM_PROXIES") or 0


@checks.register(checks.Tags.security, deploy=True)
def check_num_proxies(app_configs, **kwargs):
    """In production the site trusts a proxy's X-Forwarded-Proto, so a proxy is in front: its count
    must be set, or every client shares the proxy's address (one throttle, one sign-in lockout)."""
    if settings.DEBUG or not settings.SECURE_PROXY_SSL_HEADER or num_proxies():
        return []
    return [
        checks.Warning(
            f"DJANGO_NUM_PROXIES is 0, but the site runs behind a proxy (it trusts X-Forwarded-Proto): {ONE_CLIENT}",
            hint="Set DJANGO_NUM_PROXIES to the number of proxies in front that append to X-Forwarded-For "
            "(1 for a single nginx); see docs/operations.md, Behind a proxy.",
            id="portal.W001",
        )
    ]


class ProxyCountMiddleware:
    """Logs a warning, once per process, when a request comes through a proxy (X-Forwarded-For)
    while DJANGO_NUM_PROXIES is 0 in production: the deploy check's warning, seen at run time."""

    def __init__(self, get_response):
        if settings.DEBUG or num_proxies():
            raise MiddlewareNotUsed
        self.get_response = get_response
        self.warned = False

    def __call__(self, request):
        if not self.warned and "HTTP_X_FORWARDED_FOR" in request.META:
            self.warned = True
            logger.warning(
                f"A request came through a proxy (X-Forwarded-For) but DJANGO_NUM_PROXIES is 0: {ONE_CLIENT} Set "
                "DJANGO_NUM_PROXIES to the number of proxies in front. This is logged once per process."
            )
        return self.get_response(request)
