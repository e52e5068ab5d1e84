import http.client
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parent.parent


def run_check(tmp_path, **env_vars):
    """Start `manage.py check` in a fresh process with only the given settings environment."""
    empty_env_file = tmp_path / "empty.env"
    empty_env_file.write_text("")
    env = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "DATABASE_", "REDIS_"))}
    env.update(DJANGO_ENV_FILE=str(empty_env_file), **env_vars)
    return subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=60
    )


@pytest.mark.parametrize(
    ("env_vars", "missing"),
    [
        ({}, "DJANGO_SECRET_KEY and DJANGO_ALLOWED_HOSTS must be set when DJANGO_DEBUG is off"),
        ({"DJANGO_ALLOWED_HOSTS": "portal.example.org"}, "DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off"),
        ({"DJANGO_SECRET_KEY": "x" * 60}, "DJANGO_ALLOWED_HOSTS must be set when DJANGO_DEBUG is off"),
    ],
)
def test_production_start_without_required_setting_stops_and_names_it(tmp_path, env_vars, missing):
    result = run_check(tmp_path, DJANGO_DEBUG="false", **env_vars)

    assert result.returncode == 1
    assert f"ImproperlyConfigured: {missing}" in result.stderr


def test_production_start_with_required_settings_passes(tmp_path):
    result = run_check(
        tmp_path, DJANGO_DEBUG="false", DJANGO_SECRET_KEY="x" * 60, DJANGO_ALLOWED_HOSTS="portal.example.org"
    )

    assert (result.returncode, result.stdout.strip()) == (0, "System check identified no issues (0 silenced).")


def test_debug_off_is_the_default(tmp_path):
    result = run_check(tmp_path)

    assert result.returncode == 1
    assert "must be set when DJANGO_DEBUG is off" in result.stderr


def database_options(tmp_path, **env_vars) -> str:
    empty_env_file = tmp_path / "empty.env"
    empty_env_file.write_text("")
    env = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "DATABASE_", "REDIS_"))}
    env.update(DJANGO_ENV_FILE=str(empty_env_file), DJANGO_DEBUG="true", **env_vars)
    code = "from django.conf import settings; print(settings.DATABASES['default'].get('OPTIONS'))"
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", code],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    return result.stdout.strip()


@pytest.mark.parametrize(
    ("env_vars", "options"),
    [
        (
            {"DATABASE_URL": "postgres://portal@db.example.org:5432/ahc"},
            "{'server_side_binding': True, 'prepare_threshold': 5}",
        ),
        ({"DATABASE_URL": "postgres://portal@db.example.org:5432/ahc", "DATABASE_PREPARED_STATEMENTS": "false"}, "{}"),
        ({}, "{}"),
    ],
)
def test_postgresql_prepares_statements_unless_turned_off(tmp_path, env_vars, options):
    assert database_options(tmp_path, **env_vars) == options


def test_a_manage_py_command_logs_no_axes_banner(tmp_path):
    result = run_check(tmp_path, DJANGO_DEBUG="true")

    assert result.returncode == 0
    assert "AXES" not in result.stdout + result.stderr


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_the_development_server_answers_two_requests_on_one_connection_without_a_traceback(tmp_path):
    # make run: the development server logs each request with its socket as the record's request.
    env_file = tmp_path / "dev.env"
    env_file.write_text(f"DJANGO_DEBUG=true\nDATABASE_URL=sqlite:///{tmp_path / 'dev.sqlite3'}\n")
    env = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "DATABASE_", "REDIS_"))}
    env.update(DJANGO_ENV_FILE=str(env_file))
    subprocess.run([sys.executable, "manage.py", "migrate", "-v", "0"], cwd=BASE_DIR, env=env, check=True, timeout=120)
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", "--noreload", "--skip-checks", f"127.0.0.1:{port}"],
        cwd=BASE_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
                connection.connect()
                break
            except OSError:
                assert time.monotonic() < deadline, "the development server did not start"
                time.sleep(0.2)
        statuses = []
        for _ in range(2):  # the same connection, kept alive
            connection.request("GET", "/sessions/")
            response = connection.getresponse()
            response.read()
            statuses.append(response.status)
        connection.close()
    finally:
        server.terminate()
        output, _ = server.communicate(timeout=30)

    assert statuses == [200, 200]
    assert "Traceback" not in output
