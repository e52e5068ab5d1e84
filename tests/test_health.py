"""/healthz: 200 when the database answers, 503 when it does not, never cached, never detailed."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.django_db

# A fresh process whose database is a closed port: the check's real failure, no mock.
CALL_HEALTHZ = """
import django
django.setup()
from django.test import Client
response = Client().get("/healthz")
print(response.status_code, response["Content-Type"], response["Cache-Control"], response.content.decode(), sep="\\n")
"""


def test_healthz_with_database_is_200(client, django_assert_num_queries):
    with django_assert_num_queries(1):
        response = client.get("/healthz")

    assert (response.status_code, response["Content-Type"]) == (200, "application/json")
    assert response.content == b'{"status": "ok", "database": "ok", "cache": "ok"}'
    assert "no-store" in response["Cache-Control"].split(", ")
    assert "Set-Cookie" not in response.headers
    assert not response.cookies


def test_healthz_answers_head_and_refuses_post(client):
    assert client.head("/healthz").status_code == 200
    assert client.post("/healthz").status_code == 405


def test_healthz_without_database_is_503_without_details(tmp_path):
    empty_env_file = tmp_path / "empty.env"
    empty_env_file.write_text("")
    env = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "DATABASE_", "REDIS_"))}
    env.update(
        DJANGO_ENV_FILE=str(empty_env_file),
        DJANGO_SETTINGS_MODULE="portal.settings",
        DJANGO_DEBUG="true",
        DJANGO_ALLOWED_HOSTS="testserver",
        DATABASE_URL="postgres://nobody@127.0.0.1:1/none",
    )

    result = subprocess.run(
        [sys.executable, "-c", CALL_HEALTHZ], cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=60
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "503",
        "application/json",
        "max-age=0, no-cache, no-store, must-revalidate, private",
        '{"status": "error", "database": "error", "cache": "ok"}',
    ]
    # The cause goes to the operators' log, not to the caller.
    assert "Health check: the database 'default' does not answer." in result.stderr
