"""Security: headers, the production configuration, sign-in (lockout, two factors), sessions, drafts, HTML."""

import json
import os
import re
import secrets
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from axes.models import AccessAttempt
from django.core.exceptions import MiddlewareNotUsed
from django.core.management import CommandError, call_command
from django.db import models as db_models
from django.http import HttpResponse
from django.test import Client, override_settings
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from committee import models
from committee.models import PublicationState
from portal.security import ProxyCountMiddleware
from tests.factories import SessionFactory

BASE_DIR = Path(__file__).resolve().parent.parent
PASSWORD = "a long test password 1"
CSP = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "frame-ancestors": ["'none'"],
    "form-action": ["'self'"],
}


def csp_directives(header: str) -> dict[str, list[str]]:
    directives = (part.split() for part in header.split(";") if part.strip())
    return {name: values for name, *values in directives}


def token_of(device: TOTPDevice) -> str:
    return f"{TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift).token():06d}"


def production(tmp_path, *args, script: str | None = None, **environment):
    """Run manage.py (or a script) in a fresh process with the production environment."""
    empty_env_file = tmp_path / "empty.env"
    empty_env_file.write_text("")
    env = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "DATABASE_", "REDIS_"))}
    env.update(
        DJANGO_ENV_FILE=str(empty_env_file),
        DJANGO_DEBUG="false",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="portal.example.org",
        DJANGO_NUM_PROXIES="1",
        DJANGO_STATIC_MANIFEST="false",
        DATABASE_URL="sqlite://:memory:",
        DJANGO_SETTINGS_MODULE="portal.settings",
    )
    env.update(environment)
    command = [sys.executable, "-c", script] if script else [sys.executable, "manage.py", *args]
    return subprocess.run(command, cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=120)


# --- The production configuration --------------------------------------------------------


def test_deploy_check_with_production_environment_finds_no_issue(tmp_path):
    result = production(tmp_path, "check", "--deploy", "--fail-level", "WARNING")

    assert (result.returncode, result.stdout.strip()) == (0, "System check identified no issues (0 silenced).")


def test_deploy_check_warns_when_production_behind_a_proxy_has_no_proxy_count(tmp_path):
    result = production(tmp_path, "check", "--deploy", DJANGO_NUM_PROXIES="0")

    assert (result.returncode, result.stderr.strip().splitlines()) == (
        0,
        [
            "System check identified some issues:",
            "",
            "WARNINGS:",
            "?: (portal.W001) DJANGO_NUM_PROXIES is 0, but the site runs behind a proxy (it trusts X-Forwarded-Proto): "
            "every client looks like the proxy, and they all share one API throttle count and one sign-in lockout.",
            "\tHINT: Set DJANGO_NUM_PROXIES to the number of proxies in front that append to X-Forwarded-For "
            "(1 for a single nginx); see docs/operations.md, Behind a proxy.",
            "",
            "System check identified 1 issue (0 silenced).",
        ],
    )


PRODUCTION_SCRIPT = """
import json
import django
django.setup()
from django.core.management import call_command
from django.test import Client
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from tests.factories import UserFactory

call_command("migrate", verbosity=0)
user = UserFactory(is_staff=True, is_superuser=True)
device = TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
token = f"{TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift).token():06d}"
https = Client(HTTP_HOST="portal.example.org", HTTP_X_FORWARDED_PROTO="https")
plain = Client(HTTP_HOST="portal.example.org")

def cookies(response):
    return {name: {"secure": bool(m["secure"]), "httponly": bool(m["httponly"]), "samesite": m["samesite"],
                   "path": m["path"], "domain": m["domain"]} for name, m in response.cookies.items()}

out = {"headers": {}, "redirect": None}
for path in ("/robots.txt", "/api/v1/", "/admin/login/"):
    response = https.get(path)
    out["headers"][path] = {"status": response.status_code, **dict(response.headers)}
response = plain.get("/robots.txt")
out["redirect"] = [response.status_code, response["Location"]]
out["health_over_http"] = plain.get("/healthz").status_code
out["csrf_cookies"] = cookies(https.get("/admin/login/"))
response = https.post("/admin/login/?next=/admin/", {"username": user.username, "password": "a long test password 1"})
out["password_only"] = [response.status_code, "_auth_user_id" in https.session]
response = https.post(
    "/admin/login/?next=/admin/", {"username": user.username, "password": "a long test password 1", "otp_token": token}
)
out["with_token"] = [response.status_code, response.get("Location")]
out["session_cookies"] = cookies(response)
out["admin"] = https.get("/admin/").status_code
print(json.dumps(out))
"""


@pytest.fixture(scope="module")
def production_run(tmp_path_factory):
    result = production(tmp_path_factory.mktemp("production"), script=PRODUCTION_SCRIPT)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_production_answers_with_hsts_of_a_year_on_every_kind_of_page(production_run):
    headers = production_run["headers"]

    assert {path: h["status"] for path, h in headers.items()} == {
        "/robots.txt": 200,
        "/api/v1/": 200,
        "/admin/login/": 200,
    }
    for h in headers.values():
        assert h["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
        assert csp_directives(h["Content-Security-Policy"]) == CSP


def test_production_redirects_plain_http_to_https_except_the_health_check(production_run):
    assert production_run["redirect"] == [301, "https://portal.example.org/robots.txt"]
    assert production_run["health_over_http"] == 200


def test_production_cookies_are_host_prefixed_secure_httponly_and_samesite(production_run):
    expected = {"secure": True, "httponly": True, "samesite": "Lax", "path": "/", "domain": ""}

    assert production_run["csrf_cookies"] == {"__Host-csrftoken": expected}
    assert production_run["session_cookies"] == {"__Host-sessionid": expected, "__Host-csrftoken": expected}


def test_production_admin_needs_password_and_token(production_run):
    assert production_run["password_only"] == [200, False]
    assert production_run["with_token"] == [302, "/admin/"]
    assert production_run["admin"] == 200


# --- Headers (every configuration) -------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "resource_policy"),
    [
        ("/", "same-origin"),
        ("/sessions/", "same-origin"),
        ("/admin/login/", "same-origin"),
        ("/api/v1/sessions/", "cross-origin"),
        ("/api/docs/", "cross-origin"),
    ],
)
def test_response_carries_the_security_headers(client, path, resource_policy):
    SessionFactory()

    response = client.get(path)

    assert response.status_code == 200
    assert csp_directives(response["Content-Security-Policy"]) == CSP
    assert "unsafe" not in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["Cross-Origin-Resource-Policy"] == resource_policy
    policy = dict(feature.split("=") for feature in response["Permissions-Policy"].split(", "))
    assert {policy[f] for f in ("camera", "microphone", "geolocation", "payment", "usb", "browsing-topics")} == {"()"}


@pytest.mark.django_db
def test_api_docs_page_has_no_inline_script_or_style(client):
    html = client.get("/api/docs/").content.decode()

    assert "<style" not in html
    assert html.count("<script") == html.count("<script src=") == 4
    assert "css/swagger.css" in html


# --- Failed sign-ins are locked out (django-axes) ----------------------------------------


def sign_in(client, username, password, address="192.0.2.1"):
    return client.post("/admin/login/?next=/admin/", {"username": username, "password": password}, REMOTE_ADDR=address)


@pytest.mark.django_db
def test_five_failed_sign_ins_lock_the_account_at_that_address_with_a_message(client, editor):
    failures = [sign_in(client, editor.username, "wrong password").status_code for _ in range(5)]

    locked = sign_in(client, editor.username, PASSWORD)
    elsewhere = sign_in(Client(), editor.username, PASSWORD, address="198.51.100.7")

    assert failures == [200, 200, 200, 200, 429]
    assert locked.status_code == 429
    assert "Too many failed sign-ins: after 5 failures, this account is locked for an hour from this address." in (
        locked.content.decode()
    )
    assert f"python manage.py axes_reset_username {editor.username}" in locked.content.decode()
    assert "_auth_user_id" not in client.session
    assert (elsewhere.status_code, elsewhere["Location"]) == (302, "/admin/")


@pytest.mark.django_db
def test_reset_command_unlocks_and_success_clears_failures(client, editor):
    for _ in range(5):
        sign_in(client, editor.username, "wrong password")

    call_command("axes_reset_username", editor.username, stdout=StringIO())
    response = sign_in(client, editor.username, PASSWORD)

    assert (response.status_code, response["Location"]) == (302, "/admin/")
    assert AccessAttempt.objects.count() == 0


# --- Two factors for the admin (django-otp) ----------------------------------------------


@pytest.fixture
def enrolled(editor):
    call_command("add_totp_device", editor.username, "--no-qr", stdout=StringIO())
    return TOTPDevice.objects.get(user=editor)


WRONG_SIGN_IN = (
    "Please enter the correct username and password for a staff account. Note that both fields may be case-sensitive."
)


def two_factor_sign_in(username, password, token, address="192.0.2.1"):
    """A sign-in from a browser of its own; the answer with its CSRF token (random each time) blanked."""
    client = Client()
    response = client.post(
        "/admin/login/?next=/admin/",
        {"username": username, "password": password, "otp_token": token},
        REMOTE_ADDR=address,
    )
    content = re.sub(
        rb'name="csrfmiddlewaretoken" value="[^"]+"', b'name="csrfmiddlewaretoken" value=""', response.content
    )
    return client, response, content


@pytest.mark.django_db
@override_settings(ADMIN_REQUIRE_2FA=True)
def test_with_2fa_a_wrong_or_missing_token_answers_exactly_as_a_wrong_password(enrolled):
    username = enrolled.user.username
    wrong_token = f"{(int(token_of(enrolled)) + 1) % 1_000_000:06d}"

    # Each case beside a wrong password sent with the same token (the form shows the token sent).
    cases = {
        "wrong token": (two_factor_sign_in(username, PASSWORD, wrong_token), wrong_token),
        "no token": (two_factor_sign_in(username, PASSWORD, ""), ""),
    }

    for case, ((client, response, content), token) in cases.items():
        _client, wrong_password, expected = two_factor_sign_in(username, "wrong password", token)
        assert (wrong_password.status_code, wrong_password.context["form"].errors) == (
            200,
            {"__all__": [WRONG_SIGN_IN]},
        )
        assert response.status_code == wrong_password.status_code, case
        assert response.context["form"].errors == wrong_password.context["form"].errors, case
        assert [t.name for t in response.templates] == [t.name for t in wrong_password.templates], case
        assert content == expected, case
        assert PASSWORD.encode() not in content
        assert "_auth_user_id" not in client.session


@pytest.mark.django_db
@override_settings(ADMIN_REQUIRE_2FA=True)
def test_with_2fa_wrong_tokens_count_toward_the_lockout_as_wrong_passwords(enrolled):
    username = enrolled.user.username
    wrong_token = f"{(int(token_of(enrolled)) + 1) % 1_000_000:06d}"

    failures = [two_factor_sign_in(username, PASSWORD, wrong_token)[1].status_code for _ in range(3)]
    failures += [two_factor_sign_in(username, "wrong password", wrong_token)[1].status_code for _ in range(2)]
    counted = AccessAttempt.objects.get().failures_since_start
    _client, locked, content = two_factor_sign_in(username, PASSWORD, token_of(enrolled))

    assert failures == [200, 200, 200, 200, 429]
    assert locked.status_code == 429
    assert (
        b"Too many failed sign-ins: after 5 failures, this account is locked for an hour from this address." in content
    )
    assert counted == 5


@pytest.mark.django_db
@override_settings(ADMIN_REQUIRE_2FA=True)
def test_with_2fa_password_and_token_enter_the_admin(client, enrolled):
    response = client.post(
        "/admin/login/?next=/admin/",
        {"username": enrolled.user.username, "password": PASSWORD, "otp_token": token_of(enrolled)},
    )

    assert (response.status_code, response["Location"]) == (302, "/admin/")
    assert client.get("/admin/").status_code == 200


@pytest.mark.django_db
@override_settings(ADMIN_REQUIRE_2FA=True)
def test_with_2fa_a_session_without_second_factor_is_sent_to_login(editor_client):
    response = editor_client.get("/admin/")

    assert (response.status_code, response["Location"]) == (302, "/admin/login/?next=/admin/")


@pytest.mark.django_db
@override_settings(ADMIN_REQUIRE_2FA=False)
def test_without_2fa_password_alone_enters_the_admin(client, editor):
    response = sign_in(client, editor.username, PASSWORD)

    assert (response.status_code, response["Location"]) == (302, "/admin/")
    assert "otp_token" not in client.get("/admin/login/").content.decode()


@pytest.mark.django_db
def test_add_totp_device_prints_the_otpauth_url_and_a_qr_code(editor):
    out = StringIO()

    call_command("add_totp_device", editor.username, stdout=out)

    device = TOTPDevice.objects.get(user=editor)
    assert device.confirmed
    assert device.config_url in out.getvalue()
    assert device.config_url.startswith(f"otpauth://totp/AHC%20Portal%3A{editor.username}?secret=")
    assert "█" in out.getvalue()


@pytest.mark.django_db
def test_add_totp_device_for_unknown_user_fails():
    with pytest.raises(CommandError, match=r"No user named 'nobody'\."):
        call_command("add_totp_device", "nobody")


# --- Sessions end ------------------------------------------------------------------------


@pytest.mark.django_db
def test_logout_ends_the_session(client, editor):
    sign_in(client, editor.username, PASSWORD)
    old_cookie = client.cookies["sessionid"].value

    client.post("/admin/logout/")
    replay = Client()
    replay.cookies["sessionid"] = old_cookie

    assert replay.get("/admin/")["Location"] == "/admin/login/?next=/admin/"


@pytest.mark.django_db
def test_deactivating_a_user_ends_their_sessions(editor_client, editor):
    assert editor_client.get("/admin/").status_code == 200

    editor.is_active = False
    editor.save()

    assert editor_client.get("/admin/")["Location"] == "/admin/login/?next=/admin/"


# --- Drafts and staff HTML ---------------------------------------------------------------


@pytest.mark.django_db
def test_draft_session_is_absent_from_every_public_surface(client):
    SessionFactory(slug="secret-session", title="Secret session", publication_state=PublicationState.DRAFT)

    statuses = [
        client.get(path).status_code for path in ("/sessions/secret-session/", "/api/v1/sessions/secret-session/")
    ]
    listings = {
        path: client.get(path).content.decode()
        for path in ("/sessions/", "/feeds/updates/", "/sitemap.xml", "/calendar.ics", "/api/v1/sessions/", "/")
    }

    assert statuses == [404, 404]
    assert {
        path: "secret-session" in body or "Secret session" in body for path, body in listings.items()
    } == dict.fromkeys(listings, False)


@pytest.mark.django_db
def test_staff_html_is_sanitized_on_save_and_again_on_output(client):
    session = SessionFactory(slug="with-body", body='<p onclick="x()">Hi<script>alert(1)</script></p>')
    stored = models.Session.objects.get(pk=session.pk).body
    models.Session.objects.filter(pk=session.pk).update(
        body='<p>Raw<script>alert(2)</script><img src=x onerror="y()"></p>'
    )

    html = client.get("/sessions/with-body/").content.decode()

    assert stored == "<p>Hi</p>"
    assert "<p>Raw</p>" in html
    assert "alert(2)" not in html
    assert "onerror" not in html


def test_no_model_accepts_uploaded_files():
    file_fields = [
        f"{model.__name__}.{field.name}"
        for model in (getattr(models, name) for name in dir(models))
        if isinstance(model, type) and issubclass(model, db_models.Model) and model._meta.app_label == "committee"
        for field in model._meta.get_fields()
        if isinstance(field, db_models.FileField)
    ]

    assert file_fields == []


# --- The proxy count, at run time ------------------------------------------------------------


def proxied_request(rf, forwarded="203.0.113.7"):
    return rf.get("/", headers={"X-Forwarded-For": forwarded})


@override_settings(DEBUG=False)
def test_request_through_a_proxy_without_a_proxy_count_is_logged_once(rf, settings, caplog):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 0}
    middleware = ProxyCountMiddleware(lambda request: HttpResponse("ok"))

    responses = [middleware(proxied_request(rf)) for _ in range(3)]
    middleware(rf.get("/"))

    assert [response.status_code for response in responses] == [200, 200, 200]
    assert [(record.name, record.levelname, record.getMessage()) for record in caplog.records] == [
        (
            "portal.security",
            "WARNING",
            "A request came through a proxy (X-Forwarded-For) but DJANGO_NUM_PROXIES is 0: every client looks like "
            "the proxy, and they all share one API throttle count and one sign-in lockout. Set DJANGO_NUM_PROXIES "
            "to the number of proxies in front. This is logged once per process.",
        )
    ]


@pytest.mark.parametrize(("debug", "proxies"), [(False, 1), (True, 0)])
def test_proxy_count_is_not_watched_when_set_or_in_development(settings, debug, proxies):
    settings.DEBUG = debug
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": proxies}

    with pytest.raises(MiddlewareNotUsed):
        ProxyCountMiddleware(lambda request: HttpResponse("ok"))


@pytest.mark.django_db
def test_responses_do_not_name_the_server_software(client):
    response = client.get("/")

    assert response.status_code == 200
    assert [name for name in response.headers if name.lower() in {"server", "x-powered-by"}] == []
