"""Middleware of the public site."""

from .models import addresses_of_one_request


class RecordAddressesMiddleware:
    """Lets ``record_url()`` read the URLconf and script prefix once per request, not at each address.

    Django sets both when a request starts, before any middleware; a page makes dozens of addresses.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with addresses_of_one_request():
            return self.get_response(request)
