"""Security helpers the packages do not provide: Cross-Origin-Resource-Policy and the client address."""

import re

from django.conf import settings


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
    num_proxies = settings.REST_FRAMEWORK.get("NUM_PROXIES") or 0
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if num_proxies and forwarded:
        addresses = [address.strip() for address in forwarded.split(",")]
        return addresses[-min(num_proxies, len(addresses))]
    return request.META.get("REMOTE_ADDR")
