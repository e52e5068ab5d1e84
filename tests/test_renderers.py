"""The API's JSON renderer writes what DRF's JSONRenderer writes, byte for byte."""

import datetime
import decimal
import uuid
import zoneinfo

import pytest
from django.utils.translation import gettext_lazy
from rest_framework.renderers import JSONRenderer

from committee.api import urls
from committee.api.renderers import FastJSONRenderer
from tests import test_api_queries

pytestmark = pytest.mark.django_db

GENEVA = zoneinfo.ZoneInfo("Europe/Zurich")


@pytest.mark.parametrize(
    "data",
    [
        {"title": "Résumé — 中文 — العربية", "count": 3, "ok": True, "none": None, "list": [1, "a", [2.5]]},
        {"line": "a\u2028b\u2029c", "nested": {"line": "\u2028"}},
        {"lazy": gettext_lazy("Not found.")},
        {"utc": datetime.datetime(2024, 8, 8, 12, 30, 15, 123456, tzinfo=datetime.UTC)},
        {"zoned": datetime.datetime(2024, 8, 8, 12, 30, 15, 999999, tzinfo=GENEVA)},
        {"naive": datetime.datetime(2024, 8, 8, 12, 30), "date": datetime.date(2024, 8, 8)},
        {"time": datetime.time(10, 0), "delta": datetime.timedelta(hours=2)},
        {"decimal": decimal.Decimal("1.50"), "uuid": uuid.UUID("12345678-1234-5678-1234-567812345678")},
        {1: "an integer key", "tuple": (1, 2)},
        {"huge": 2**70},
        [{"a": 1}, {"b": "<script>&amp;</script>"}],
        "a string",
    ],
)
def test_the_same_bytes_as_drf(data):
    assert FastJSONRenderer().render(data) == JSONRenderer().render(data)


def test_indented_output_is_drf_s():
    data = {"a": [1, 2], "b": "c"}
    media_type = "application/json; indent=4"

    indented = FastJSONRenderer().render(data, media_type)

    assert indented == JSONRenderer().render(data, media_type)
    assert indented.startswith(b'{\n    "a": [\n')


def test_nothing_is_an_empty_body():
    assert FastJSONRenderer().render(None) == b""


@pytest.mark.parametrize("path", test_api_queries.RESOURCES)
def test_every_list_and_detail_of_the_api_is_drf_s_json(client, path):
    make = test_api_queries.RESOURCES[path][0]
    for n in range(3):
        make(n, 2)

    listed = client.get(f"/api/v1/{path}/")
    detail = client.get(listed.json()["results"][0]["url"])

    assert [listed.status_code, detail.status_code] == [200, 200]
    assert [type(listed.accepted_renderer), type(detail.accepted_renderer)] == [FastJSONRenderer] * 2
    assert listed.content == JSONRenderer().render(listed.data)
    assert detail.content == JSONRenderer().render(detail.data)
    assert listed.json()["count"] >= 3


def test_the_api_root_uses_it():
    assert FastJSONRenderer in {type(renderer) for renderer in urls.router.APIRootView().get_renderers()}
