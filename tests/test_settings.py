import gc
import os
import runpy
import subprocess
import sys
import types
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


class Garbage:
    """An object in a reference cycle: only the garbage collector frees it."""

    def __init__(self):
        self.cycle = self


@pytest.mark.parametrize(
    ("handled", "freezes"),
    [(1, False), (99, False), (100, True), (101, False), (999, False), (1000, True), (2000, True), (2500, False)],
)
def test_gunicorn_freezes_what_a_worker_built_after_its_first_requests(handled, freezes):
    config = runpy.run_path(str(BASE_DIR / "gunicorn.conf.py"))
    gc.disable()  # no collection but the hook's
    try:
        built = [[n] for n in range(1000)]  # what a worker builds, and keeps
        Garbage()
        config["post_request"](types.SimpleNamespace(nr=handled), req=None, environ={}, resp=None)
        frozen = gc.get_freeze_count()
        gc.unfreeze()
        garbage_left = any(type(obj) is Garbage for obj in gc.get_objects())  # not isinstance: no lazy object woken
    finally:
        gc.unfreeze()
        gc.enable()

    if freezes:
        assert frozen > len(built)
        assert not garbage_left  # collected first, not frozen
    else:
        assert frozen == 0
        assert garbage_left


def test_gunicorn_freezes_the_preloaded_application_before_each_fork():
    config = runpy.run_path(str(BASE_DIR / "gunicorn.conf.py"))
    tracked = len(gc.get_objects())
    try:
        config["pre_fork"](server=None, worker=None)
        frozen, left = gc.get_freeze_count(), len(gc.get_objects())
    finally:
        gc.unfreeze()

    assert config["preload_app"] is True
    assert frozen >= tracked
    assert left < tracked // 100
