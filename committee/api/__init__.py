"""The read-only REST API, v1: the published record as JSON (Django REST Framework).

``views`` holds one ``ReadOnlyModelViewSet`` per resource, ``serializers`` their fields,
``filters`` their django-filter ``FilterSet``s, ``pagination`` the page numbers set in
``REST_FRAMEWORK`` (portal/settings.py, with DRF's throttle and drf-orjson-renderer), ``schema``
what drf-spectacular adds to the OpenAPI document (the error responses), and ``urls`` the routes
under ``/api/``.
"""
