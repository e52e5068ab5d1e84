"""Reliability under load and faults: two gunicorn servers, PostgreSQL, Redis, an editor, outages.

Run from the repository root: ``.venv/bin/python ops/loadcheck.py`` (``--quick`` for a short run).

1. Creates a fresh PostgreSQL database, migrates it, loads the record, collects the static files
   and creates an editor (staff, in the Editors group; with a TOTP device if two-factor is on).
2. Starts two gunicorn servers (2 workers each) on free loopback ports, with the production
   settings, sharing the database and one Redis database.
3. Drives a bounded load (``--connections`` threads, round robin over both servers) over the main
   pages and API endpoints for ``--duration`` seconds, while an editor saves a session's summary
   through the admin every second, alternately on each server, and checks that the public page and
   the API of the *other* server show it at once.
4. Mid-run, stops Redis for a while and starts it again, then stops and starts PostgreSQL; every
   response is tallied per phase, and the time each service takes to be reported healthy again
   by both servers is measured.
5. Restarts both servers with a low API throttle rate: the count is shared (10 answers, then 429).
6. Prints the figures and a PASS/FAIL line per requirement; exits 1 on any FAIL.

Services it stops are always started again, and the servers always stopped (try/finally).
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import hmac
import http.client
import json
import os
import re
import secrets
import shutil
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlencode

import psycopg

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent
PG_HOST, PG_PORT = "127.0.0.1", 5432
PG_ADMIN_URL = f"postgresql://postgres@{PG_HOST}:{PG_PORT}/postgres"
DB_NAME = "ahc_loadcheck"
REDIS_DB = 5
REDIS_URL = f"redis://127.0.0.1:6379/{REDIS_DB}"
REDIS_START = ["redis-server", "--daemonize", "yes", "--bind", "127.0.0.1", "--port", "6379"]
REDIS_START += ["--save", "", "--appendonly", "no"]
REDIS_CLI = ["redis-cli", "-h", "127.0.0.1", "-p", "6379"]
EDITED_SESSION = "sixth-session"
RECOVERY_LIMIT = 15.0  # seconds for a service to be reported healthy again by both servers
TRACEBACK_SIGNS = ("Traceback", 'File "')

PAGES = [
    "/",
    "/sessions/",
    "/sessions/sixth-session/",
    "/readings/second-reading/",
    "/documents/",
    "/documents/?kind=report",
    "/documents/A/AC.291/22/Rev.3/",
    "/timeline/",
    "/search/?q=draft",
    "/calendar.ics",
    "/feeds/updates/",
    "/sitemap.xml",
    "/api/v1/sessions/",
    "/api/v1/documents/?kind=report",
    "/api/v1/documents/by-symbol/A/AC.291/22/Rev.3/",
    "/api/v1/readings/second-reading/",
]
PHASES = ["steady", "redis-down", "redis-back", "pg-restart", "pg-back"]
HEADERS = {"X-Forwarded-Proto": "https", "User-Agent": "ahc-loadcheck"}


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def run(command: list[str], env: dict | None = None, timeout: float = 300, check: bool = True) -> str:
    result = subprocess.run(  # noqa: S603 (fixed commands of this script)
        command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )
    if check and result.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
    return result.stdout


# --- Services --------------------------------------------------------------------------


def pg_cluster() -> list[str]:
    version = sorted(os.listdir("/etc/postgresql"))[0]
    return ["pg_ctlcluster", "--skip-systemctl-redirect", version, "main"]


def pg_ready() -> bool:
    try:
        with psycopg.connect(PG_ADMIN_URL, connect_timeout=2) as connection:
            connection.execute("SELECT 1")
        return True
    except psycopg.Error:
        return False


def redis_ready() -> bool:
    result = subprocess.run([*REDIS_CLI, "ping"], capture_output=True, text=True, timeout=5, check=False)  # noqa: S603
    return result.stdout.strip() == "PONG"


def wait_until(predicate, limit: float, step: float = 0.2) -> bool:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(step)
    return predicate()


def redis_stop() -> None:
    run([*REDIS_CLI, "shutdown", "nosave"], check=False, timeout=10)
    wait_until(lambda: not redis_ready(), 10)


def redis_start() -> None:
    run(REDIS_START, timeout=10)
    if not wait_until(redis_ready, 15):
        raise RuntimeError("Redis did not start again")


def pg_stop() -> None:
    run([*pg_cluster(), "stop"], timeout=60)


def pg_start() -> None:
    run([*pg_cluster(), "start"], timeout=60)
    if not wait_until(pg_ready, 30):
        raise RuntimeError("PostgreSQL did not start again")


# --- HTTP ------------------------------------------------------------------------------


@dataclass
class Reply:
    status: int
    body: bytes
    headers: http.client.HTTPMessage
    seconds: float

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")


def request(
    connection: http.client.HTTPConnection, method: str, path: str, body: bytes | None = None, headers=None
) -> Reply:
    started = time.monotonic()
    try:
        connection.request(method, path, body=body, headers={**HEADERS, **(headers or {})})
        response = connection.getresponse()
        data = response.read()
    except BaseException:
        connection.close()
        raise
    if response.will_close:
        connection.close()
    return Reply(response.status, data, response.headers, time.monotonic() - started)


def get_once(port: int, path: str, timeout: float = 5) -> Reply:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        return request(connection, "GET", path)
    finally:
        connection.close()


def health(port: int) -> dict:
    try:
        reply = get_once(port, "/healthz")
        return {"http": reply.status, **json.loads(reply.body)}
    except (OSError, http.client.HTTPException, ValueError) as error:
        return {"http": 0, "error": error.__class__.__name__}


def clean_failure(reply: Reply) -> bool:
    """A 503 that says something and shows no stack trace."""
    return reply.status == 503 and bool(reply.body.strip()) and not any(s in reply.text for s in TRACEBACK_SIGNS)


# --- Servers ---------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    def __init__(self, name: str, env: dict, logdir: Path):
        self.name, self.env, self.logdir = name, env, logdir
        self.port = free_port()
        self.process: subprocess.Popen | None = None
        self.generation = 0

    @property
    def log_path(self) -> Path:
        return self.logdir / f"gunicorn-{self.name}-{self.generation}.log"

    def start(self, extra: dict | None = None) -> None:
        self.generation += 1
        env = {**self.env, "GUNICORN_BIND": f"127.0.0.1:{self.port}", "GUNICORN_WORKERS": "2", **(extra or {})}
        with open(self.log_path, "wb") as output:
            self.process = subprocess.Popen(  # noqa: S603
                [str(VENV_BIN / "gunicorn"), "-c", "gunicorn.conf.py", "portal.wsgi"],
                cwd=ROOT,
                env=env,
                stdout=output,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    def wait_healthy(self, limit: float = 30) -> None:
        def up():
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn {self.name} exited:\n{self.log_path.read_text()[-3000:]}")
            return health(self.port).get("status") == "ok"

        if not wait_until(up, limit):
            raise RuntimeError(f"gunicorn {self.name} not healthy in {limit} s:\n{self.log_path.read_text()[-3000:]}")

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(5)

    def log_lines(self, pattern: str, limit: int = 5) -> list[str]:
        lines = []
        for path in sorted(self.logdir.glob(f"gunicorn-{self.name}-*.log")):
            lines += [line for line in path.read_text(errors="replace").splitlines() if re.search(pattern, line)]
        return lines[:limit]


# --- Statistics ------------------------------------------------------------------------


@dataclass
class PhaseStats:
    statuses: dict[int, int] = field(default_factory=dict)
    latencies: list[float] = field(default_factory=list)
    connection_errors: int = 0
    dirty_failures: int = 0  # 5xx other than a clean 503, or any body with a stack trace
    samples: list[str] = field(default_factory=list)
    started: float | None = None
    ended: float | None = None

    def count(self, status: int) -> int:
        return self.statuses.get(status, 0)

    def between(self, low: int, high: int) -> int:
        return sum(n for status, n in self.statuses.items() if low <= status < high)

    def percentile(self, fraction: float) -> float:
        if not self.latencies:
            return 0.0
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] * 1000


class Run:
    def __init__(self):
        self.lock = threading.Lock()
        self.phase = "steady"
        self.stats = {phase: PhaseStats() for phase in PHASES}
        self.stop_at = 0.0
        self.stopping = threading.Event()

    def attribute(self, phase_at_start: str) -> str:
        """The phase a request belongs to: an outage it overlapped (it may have waited in a queue), else its start's."""
        phases = {phase_at_start, self.phase}
        for outage in ("pg-restart", "redis-down"):
            if outage in phases:
                return outage
        return phase_at_start

    def set_phase(self, phase: str) -> None:
        now = time.monotonic()
        with self.lock:
            self.stats[self.phase].ended = now
            self.phase = phase
            self.stats[phase].started = now

    def record(self, phase: str, path: str, port: int, reply: Reply | None, error: BaseException | None) -> None:
        with self.lock:
            stats = self.stats[self.attribute(phase)]
            if reply is None:
                stats.connection_errors += 1
                if len(stats.samples) < 5:
                    stats.samples.append(f"connection error {error!r} on :{port}{path}")
                return
            stats.statuses[reply.status] = stats.statuses.get(reply.status, 0) + 1
            stats.latencies.append(reply.seconds)
            traceback = any(sign in reply.text for sign in TRACEBACK_SIGNS) if reply.status >= 400 else False
            if traceback or (reply.status >= 500 and not clean_failure(reply)):
                stats.dirty_failures += 1
            if (reply.status >= 500 or reply.status in (400, 403, 404) or traceback) and len(stats.samples) < 5:
                excerpt = re.sub(r"\s+", " ", reply.text)[:160]
                stats.samples.append(
                    f"{reply.status} :{port}{path} request-id={reply.headers.get('X-Request-ID')} {excerpt!r}"
                )


def load_worker(run_: Run, index: int, ports: list[int]) -> None:
    connections = {port: http.client.HTTPConnection("127.0.0.1", port, timeout=20) for port in ports}
    step = index
    try:
        while not run_.stopping.is_set():
            port = ports[step % len(ports)]
            path = PAGES[(step // len(ports) + index) % len(PAGES)]
            step += 1
            phase = run_.phase
            try:
                reply = request(connections[port], "GET", path)
            except (OSError, http.client.HTTPException) as error:
                run_.record(phase, path, port, None, error)
                continue
            run_.record(phase, path, port, reply, None)
    finally:
        for connection in connections.values():
            connection.close()


# --- The editor ------------------------------------------------------------------------


def totp(key_hex: str, at: float, step: int = 30, digits: int = 6) -> str:
    counter = struct.pack(">Q", int(at // step))
    digest = hmac.new(bytes.fromhex(key_hex), counter, hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    number = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return str(number % 10**digits).zfill(digits)


class FormParser(HTMLParser):
    """The fields a browser would submit from the form with the given id."""

    def __init__(self, form_id: str | None):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.inside = False
        self.fields: list[tuple[str, str]] = []
        self.names: set[str] = set()
        self.options: dict[str, list[tuple[str, str]]] = {}
        self._select: dict | None = None
        self._option: dict | None = None
        self._textarea: list | None = None

    def handle_starttag(self, tag, attrs):
        attributes = {key: (value or "") for key, value in attrs}
        if tag == "form" and (self.form_id is None or attributes.get("id") == self.form_id):
            self.inside = True
        if not self.inside:
            return
        name = attributes.get("name")
        if tag == "input" and name:
            self.names.add(name)
            kind = attributes.get("type", "text").lower()
            if kind in ("submit", "button", "image", "file", "reset"):
                return
            if kind in ("checkbox", "radio") and "checked" not in attributes:
                return
            self.fields.append((name, attributes.get("value", "on" if kind in ("checkbox", "radio") else "")))
        elif tag == "select" and name:
            self.names.add(name)
            self._select = {"name": name, "multiple": "multiple" in attributes, "chosen": [], "first": None}
        elif tag == "option" and self._select is not None:
            self._option = {"value": attributes.get("value"), "text": "", "selected": "selected" in attributes}
        elif tag == "textarea" and name:
            self.names.add(name)
            self._textarea = [name, ""]

    def handle_data(self, data):
        if self._option is not None:
            self._option["text"] += data
        if self._textarea is not None:
            self._textarea[1] += data

    def _close_option(self):
        if self._option is not None and self._select is not None:
            value = self._option["value"] if self._option["value"] is not None else self._option["text"].strip()
            if self._select["first"] is None:
                self._select["first"] = value
            self.options.setdefault(self._select["name"], []).append((value, self._option["text"].strip()))
            if self._option["selected"]:
                self._select["chosen"].append(value)
        self._option = None

    def handle_endtag(self, tag):
        if not self.inside:
            return
        if tag == "option":
            self._close_option()
        elif tag == "select" and self._select is not None:
            self._close_option()
            chosen = self._select["chosen"]
            if not chosen and not self._select["multiple"] and self._select["first"] is not None:
                chosen = [self._select["first"]]
            self.fields += [(self._select["name"], value) for value in chosen]
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            value = self._textarea[1]
            self.fields.append((self._textarea[0], value[1:] if value.startswith("\n") else value))
            self._textarea = None
        elif tag == "form":
            self.inside = False


def parse_form(html: str, form_id: str | None = None) -> FormParser:
    parser = FormParser(form_id)
    parser.feed(html)
    return parser


# The session's English summary, as the admin's form names it (django-modeltranslation: a field per language).
SUMMARY_FIELD = "summary_en"


class AdminClient:
    """A staff member's browser on one server: its own cookies, CSRF token and connection."""

    last_step: int | None = None  # the TOTP time step of the latest token sent, by any client

    def __init__(self, port: int, username: str, password: str, device: tuple[str, str] | None):
        self.port, self.username, self.password = port, username, password
        # (name, hex key) of the editor's TOTP device. Staff have one device (the login form never
        # lists devices, issue 22), and each token is accepted once: the second sign-in waits for
        # the next 30-second step (AdminClient.last_step).
        self.device = device
        self.cookies: dict[str, str] = {}
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
        self.two_factor = False

    def call(self, method: str, path: str, fields: list[tuple[str, str]] | None = None) -> Reply:
        headers = {"Referer": f"https://127.0.0.1:{self.port}{path}"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if fields is not None:
            body = urlencode(fields).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        reply = request(self.connection, method, path, body, headers)
        for cookie in reply.headers.get_all("Set-Cookie") or []:
            name, _, rest = cookie.partition("=")
            self.cookies[name.strip()] = rest.split(";", 1)[0]
        return reply

    def login(self) -> None:
        page = self.call("GET", "/admin/login/?next=/admin/")
        if page.status != 200:
            raise RuntimeError(f"GET /admin/login/ on :{self.port}: {page.status}")
        form = parse_form(page.text, "login-form")
        self.two_factor = "otp_token" in form.names
        if self.two_factor and not self.device:
            raise RuntimeError("the admin asks for a TOTP token but the editor has no TOTP device")
        for _attempt in range(2):
            fields = [(k, v) for k, v in form.fields if k not in ("username", "password", "otp_token", "otp_device")]
            fields += [("username", self.username), ("password", self.password)]
            devices = [
                v for v, text in form.options.get("otp_device", []) if v and self.device and text == self.device[0]
            ]
            if devices:
                fields.append(("otp_device", devices[0]))
            if self.two_factor:
                while int(time.time() // 30) == AdminClient.last_step:
                    time.sleep(0.5)
                AdminClient.last_step = int(time.time() // 30)
                fields.append(("otp_token", totp(self.device[1], time.time())))
            reply = self.call("POST", "/admin/login/?next=/admin/", fields)
            form = parse_form(reply.text, "login-form")
            # django-otp asks to choose a device once the password is known: choose this one.
            if reply.status == 302 or devices or not form.options.get("otp_device"):
                break
        if reply.status != 302:
            errors = re.findall(r'class="errornote"[^>]*>(.*?)<', reply.text, re.S)
            raise RuntimeError(f"admin login on :{self.port} failed: {reply.status} {errors or reply.text[:300]!r}")

    def save_summary(self, session_pk: int, summary: str) -> Reply:
        path = f"/admin/committee/session/{session_pk}/change/"
        page = self.call("GET", path)
        if page.status != 200:
            return page
        form = parse_form(page.text, "session_form")
        fields = [(k, v) for k, v in form.fields if k != SUMMARY_FIELD]
        fields += [(SUMMARY_FIELD, summary), ("_save", "Save")]
        return self.call("POST", path, fields)


@dataclass
class EditorReport:
    logins: dict[str, str] = field(default_factory=dict)
    saved: list[str] = field(default_factory=list)
    refused_cleanly: list[str] = field(default_factory=list)  # during the PostgreSQL outage
    failures: list[str] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)
    fresh_checks: int = 0
    unchecked: int = 0
    two_factor: bool = False


def editor_loop(run_: Run, servers: list[Server], setup: dict, report: EditorReport) -> None:
    clients = []
    for server in servers:
        key = setup["totp_keys"].get(server.name)
        device = ("loadcheck", key) if key else None
        clients.append(AdminClient(server.port, setup["username"], setup["password"], device))
    for client, server in zip(clients, servers, strict=True):
        try:
            client.login()
            report.logins[server.name] = "ok"
        except (RuntimeError, OSError, http.client.HTTPException) as error:
            report.logins[server.name] = f"failed: {error}"
            report.failures.append(f"login on {server.name}: {error}")
        report.two_factor = report.two_factor or client.two_factor
    if any(state != "ok" for state in report.logins.values()):
        return
    number = 0
    while not run_.stopping.is_set():
        tick = time.monotonic()
        which = number % 2
        client, other = clients[which], servers[1 - which]
        marker = f"loadcheck-{number:04d}-{secrets.token_hex(4)}"
        number += 1
        phase = run_.phase
        try:
            reply = client.save_summary(setup["session_pk"], f"Summary saved under load ({marker}).")
        except (OSError, http.client.HTTPException) as error:
            report.failures.append(f"{marker} via {servers[which].name} in {phase}: {error!r}")
            continue
        if reply.status == 302 and "/admin/login/" not in reply.headers.get("Location", ""):
            report.saved.append(marker)
            for path in (f"/sessions/{EDITED_SESSION}/", f"/api/v1/sessions/{EDITED_SESSION}/"):
                try:
                    seen = get_once(other.port, path)
                except (OSError, http.client.HTTPException) as error:
                    report.stale.append(f"{marker}: {path} on {other.name}: {error!r}")
                    continue
                if clean_failure(seen) and run_.attribute(phase) == "pg-restart":
                    report.unchecked += 1  # the database stopped between the save and the check
                    continue
                report.fresh_checks += 1
                if seen.status != 200 or marker not in seen.text:
                    report.stale.append(f"{marker}: {path} on {other.name} answered {seen.status} without it ({phase})")
        elif clean_failure(reply) and run_.attribute(phase) == "pg-restart":
            report.refused_cleanly.append(marker)
        else:
            excerpt = re.sub(
                r"\s+", " ", " ".join(re.findall(r'class="errorlist[^"]*"[^>]*>(.*?)</ul>', reply.text, re.S))
            )
            report.failures.append(
                f"{marker} via {servers[which].name} in {phase}: {reply.status} "
                f"{reply.headers.get('Location', '')} {excerpt[:300] or reply.text[:200]!r}"
            )
        time.sleep(max(0.0, 1.0 - (time.monotonic() - tick)))


# --- Faults ----------------------------------------------------------------------------


@dataclass
class FaultReport:
    redis_down_health: list[dict] = field(default_factory=list)
    pg_down_health: list[dict] = field(default_factory=list)
    redis_recovery: float | None = None
    pg_recovery: float | None = None
    pg_outage: float = 0.0
    errors: list[str] = field(default_factory=list)


def recovered(servers: list[Server], service: str) -> bool:
    for server in servers:
        state = health(server.port)
        if state.get("http") != 200 or state.get(service, "ok") != "ok" or state.get("database") != "ok":
            return False
        try:
            if get_once(server.port, "/sessions/").status != 200:
                return False
        except (OSError, http.client.HTTPException):
            return False
    return True


def measure_recovery(servers: list[Server], service: str) -> float | None:
    started = time.monotonic()
    if wait_until(lambda: recovered(servers, service), RECOVERY_LIMIT, step=0.1):
        return time.monotonic() - started
    return None


def sleep_until(run_: Run, moment: float) -> None:
    while time.monotonic() < moment and not run_.stopping.is_set():
        time.sleep(min(0.1, max(0.0, moment - time.monotonic())))


def fault_loop(run_: Run, servers: list[Server], plan: dict, report: FaultReport, stopped: dict) -> None:
    start = run_.stats["steady"].started
    try:
        sleep_until(run_, start + plan["redis_at"])
        log("stopping Redis")
        run_.set_phase("redis-down")
        stopped["redis"] = True
        redis_stop()
        sleep_until(run_, time.monotonic() + plan["redis_down"] / 2)
        report.redis_down_health = [health(server.port) for server in servers]
        sleep_until(run_, run_.stats["redis-down"].started + plan["redis_down"])
        log("starting Redis")
        redis_start()
        stopped["redis"] = False
        run_.set_phase("redis-back")
        report.redis_recovery = measure_recovery(servers, "cache")
        log(f"Redis reported healthy by both servers after {report.redis_recovery} s")

        sleep_until(run_, start + plan["pg_at"])
        log("stopping PostgreSQL")
        run_.stop_at = max(run_.stop_at, time.monotonic() + plan["pg_down"] + plan["after"])
        run_.set_phase("pg-restart")
        stopped["pg"] = True
        pg_stop()
        log(f"PostgreSQL stopped in {time.monotonic() - run_.stats['pg-restart'].started:.1f} s")
        time.sleep(plan["pg_down"] / 2)
        report.pg_down_health = [health(server.port) for server in servers]
        time.sleep(plan["pg_down"] / 2)
        log("starting PostgreSQL")
        pg_start()
        stopped["pg"] = False
        run_.set_phase("pg-back")
        report.pg_outage = run_.stats["pg-back"].started - run_.stats["pg-restart"].started
        report.pg_recovery = measure_recovery(servers, "database")
        log(f"PostgreSQL reported healthy by both servers after {report.pg_recovery} s")
        # Some load after the recovery, whatever the faults took.
        run_.stop_at = max(run_.stop_at, time.monotonic() + plan["after"])
    except Exception as error:  # reported as a failure; the finally of main() restores the services
        report.errors.append(repr(error))
        run_.stopping.set()


# --- Setup -----------------------------------------------------------------------------

SETUP_CODE = """
import json
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from committee.editors import EDITORS_GROUP
from committee.models import Session
user = get_user_model().objects.create_user(USERNAME, password=PASSWORD, is_staff=True)
user.groups.add(Group.objects.get(name=EDITORS_GROUP))
answer = {"session_pk": Session.objects.get(slug=SLUG).pk, "totp_keys": {}}
if "django_otp.plugins.otp_totp" in settings.INSTALLED_APPS:
    from django_otp.plugins.otp_totp.models import TOTPDevice
    device = TOTPDevice.objects.create(user=user, name="loadcheck", confirmed=True)
    answer["totp_keys"] = {"A": device.key, "B": device.key}
print("SETUP " + json.dumps(answer))
"""


def prepare(env: dict) -> dict:
    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{DB_NAME}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{DB_NAME}"')
    manage = [str(VENV_BIN / "python"), "manage.py"]
    run([*manage, "migrate", "--no-input", "-v", "0"], env)
    run([*manage, "loaddata", "committee", "-v", "0"], env)
    run([*manage, "sync_editors"], env)
    run([*manage, "collectstatic", "--no-input", "-v", "0"], env)
    username, password = "loadcheck-editor", secrets.token_urlsafe(18)
    code = f"USERNAME={username!r}\nPASSWORD={password!r}\nSLUG={EDITED_SESSION!r}\n" + SETUP_CODE
    output = run([*manage, "shell", "-c", code], env)
    answer = json.loads(next(line for line in output.splitlines() if line.startswith("SETUP "))[6:])
    return {"username": username, "password": password, **answer}


def verify_markers(saved: list[str]) -> tuple[int, bool, str]:
    """How many markers the session's history holds, and whether the current summary has the last one."""
    with psycopg.connect(f"postgresql://postgres@{PG_HOST}:{PG_PORT}/{DB_NAME}") as connection:
        current = connection.execute("SELECT summary FROM committee_session WHERE slug = %s", [EDITED_SESSION])
        summary = current.fetchone()[0]
        history = connection.execute(
            "SELECT h.summary FROM committee_historicalsession h WHERE h.slug = %s", [EDITED_SESSION]
        )
        text = "\n".join(row[0] for row in history.fetchall())
    found = sum(1 for marker in saved if marker in text)
    return found, bool(saved) and saved[-1] in summary, summary


def throttle_check(servers: list[Server]) -> list[int]:
    run([*REDIS_CLI, "-n", str(REDIS_DB), "flushdb"], timeout=10)
    for server in servers:
        server.stop()
    for server in servers:
        server.start({"DJANGO_API_THROTTLE_RATE": "10/minute"})
    for server in servers:
        server.wait_healthy()
    statuses = []
    for number in range(12):
        statuses.append(get_once(servers[number % 2].port, "/api/v1/sessions/").status)
    return statuses


# --- Report ----------------------------------------------------------------------------


def print_report(run_: Run, faults: FaultReport, editor: EditorReport, verified, throttle, args, servers) -> bool:
    rows = []
    total = PhaseStats()
    for phase in PHASES:
        stats = run_.stats[phase]
        seconds = (stats.ended or time.monotonic()) - stats.started if stats.started else 0.0
        requests = sum(stats.statuses.values())
        statuses = " ".join(f"{status}:{count}" for status, count in sorted(stats.statuses.items()))
        rate = f"{requests / seconds:.0f}" if seconds else "-"
        p50, p99 = f"{stats.percentile(0.5):.0f}", f"{stats.percentile(0.99):.0f}"
        rows.append((phase, f"{seconds:.1f}", requests, rate, p50, p99, stats.connection_errors, statuses))
        total.latencies += stats.latencies
        for status, count in stats.statuses.items():
            total.statuses[status] = total.statuses.get(status, 0) + count
        total.connection_errors += stats.connection_errors
    seconds = sum(float(row[1]) for row in rows)
    requests = sum(row[2] for row in rows)
    rate = f"{requests / seconds:.0f}" if seconds else "-"
    p50, p99 = f"{total.percentile(0.5):.0f}", f"{total.percentile(0.99):.0f}"
    statuses = " ".join(f"{status}:{count}" for status, count in sorted(total.statuses.items()))
    rows.append(("all", f"{seconds:.1f}", requests, rate, p50, p99, total.connection_errors, statuses))
    header = ("phase", "seconds", "requests", "rps", "p50 ms", "p99 ms", "conn errors", "statuses")
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header))]
    print()
    print(f"Load: {args.connections} connections, 2 gunicorn servers x 2 workers, {len(PAGES)} addresses")
    for row in [header, *rows]:
        print("  ".join(str(cell).ljust(width) for cell, width in zip(row, widths, strict=True)))
    for phase in PHASES:
        for sample in run_.stats[phase].samples:
            print(f"  {phase}: {sample}")

    found, last_ok, _summary = verified
    print()
    print(f"Editor: two-factor {'on' if editor.two_factor else 'off'}; logins {editor.logins}")
    print(f"  saves {len(editor.saved)}, in history afterwards {found}, final summary has the last: {last_ok}")
    print(f"  refused cleanly (503) during the PostgreSQL outage: {len(editor.refused_cleanly)}")
    print(
        f"  other-server checks {editor.fresh_checks}, stale {len(editor.stale)}, "
        f"not checked (database stopped right after the save) {editor.unchecked}"
    )
    for line in editor.failures[:5] + editor.stale[:5]:
        print(f"  ! {line}")
    redis_health = [(h.get("http"), h.get("status"), h.get("cache")) for h in faults.redis_down_health]
    print(f"Faults: Redis down -> /healthz {redis_health}")
    print(f"  Redis back -> healthy on both servers in {fmt(faults.redis_recovery)} s")
    print(f"  PostgreSQL down -> /healthz {[(h.get('http'), h.get('database')) for h in faults.pg_down_health]}")
    print(f"  PostgreSQL outage {faults.pg_outage:.1f} s; back -> healthy on both in {fmt(faults.pg_recovery)} s")
    for error in faults.errors:
        print(f"  ! {error}")
    print(f"Throttle at 10/minute, alternating servers: {throttle}")

    stats = run_.stats
    outside_pg = [p for p in PHASES if p != "pg-restart"]
    five_xx = {p: stats[p].between(500, 600) for p in outside_pg}
    pg = stats["pg-restart"]
    pg_unexpected = {s: n for s, n in pg.statuses.items() if not (200 <= s < 400 or s in (404, 503))}
    results = [
        (
            "load: >= 60 s, >= 32 connections, both servers",
            "SKIP (--quick)" if args.quick else verdict(args.duration >= 60 and args.connections >= 32),
        ),
        ("load: zero 5xx outside the PostgreSQL outage", verdict(not any(five_xx.values()), five_xx)),
        ("load: zero connection errors", verdict(total.connection_errors == 0, total.connection_errors)),
        (
            "editor: every save present afterwards",
            verdict(bool(editor.saved) and found == len(editor.saved) and last_ok and not editor.failures),
        ),
        ("two servers: an edit is seen on the other at once", verdict(editor.fresh_checks > 0 and not editor.stale)),
        ("two servers: staff login works on either", verdict(all(v == "ok" for v in editor.logins.values()))),
        ("two servers: throttling counts across both", verdict(throttle == [200] * 10 + [429] * 2, throttle)),
        (
            "redis down: served without cache (no 5xx), /healthz says so",
            verdict(
                stats["redis-down"].between(500, 600) == 0
                and stats["redis-down"].count(200) > 0
                and bool(faults.redis_down_health)
                and all(h.get("http") == 200 and h.get("cache") == "error" for h in faults.redis_down_health)
            ),
        ),
        ("redis back: recovered by itself", verdict(faults.redis_recovery is not None, fmt(faults.redis_recovery))),
        (
            "postgresql down: served from the page cache or a clean 503, never 500 or a stack trace",
            # With the page cache, anonymous pages already cached are still served while the
            # database is down; /healthz (never cached) proves the outage was real.
            verdict(
                not pg_unexpected
                and pg.dirty_failures == 0
                and bool(faults.pg_down_health)
                and all(h.get("http") == 503 for h in faults.pg_down_health),
                pg_unexpected or f"{pg.count(503)} clean 503s, {pg.count(200)} answers from the page cache",
            ),
        ),
        ("postgresql back: recovered by itself", verdict(faults.pg_recovery is not None, fmt(faults.pg_recovery))),
        ("no stack trace in any answer", verdict(sum(s.dirty_failures for s in stats.values()) == 0)),
        ("fault injection ran", verdict(not faults.errors, faults.errors)),
    ]
    print()
    for name, result in results:
        status, _, detail = result.partition(" ")
        print(f"{status:<4}  {name}" + (f"  {detail}" if detail else ""))
    failed = any(result.startswith("FAIL") for _name, result in results)
    if failed:
        print("\nServer log lines with a 5xx or an error:")
        for server in servers:
            for line in server.log_lines(r'"status": 5\d\d|"level": "ERROR"|Traceback', 8):
                print(f"  {server.name}: {line[:300]}")
    print(f"\n{'FAIL' if failed else 'PASS'}: reliability under load and faults")
    return not failed


def verdict(ok: bool, detail=None) -> str:
    return ("PASS" if ok else "FAIL") + ("" if detail is None or detail == {} else f" ({detail})")


def fmt(value: float | None) -> str:
    return "never" if value is None else f"{value:.1f}"


# --- Main ------------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--duration", type=float, default=60, help="seconds of load (default 60)")
    parser.add_argument("--connections", type=int, default=32, help="concurrent connections (default 32)")
    parser.add_argument("--quick", action="store_true", help="a short local run (20 s, shorter outages)")
    args = parser.parse_args()
    if args.quick and args.duration == 60:
        args.duration = 20
    quick = args.duration < 40
    plan = {
        "redis_at": args.duration * 0.25,
        "redis_down": 4 if quick else 10,
        "pg_at": args.duration * 0.6,
        "pg_down": 3 if quick else 5,
        "after": 4 if quick else 8,
    }
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))

    workdir = Path(tempfile.mkdtemp(prefix="ahc-loadcheck-"))
    env = {
        **os.environ,
        "DJANGO_ENV_FILE": os.devnull,  # not the development .env of the checkout
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": f"postgres://postgres@{PG_HOST}:{PG_PORT}/{DB_NAME}",
        "REDIS_URL": REDIS_URL,
        "DATABASE_CONN_MAX_AGE": "60",
        "DJANGO_API_THROTTLE_RATE": "100000/minute",
        "DJANGO_STATIC_ROOT": str(workdir / "static"),
        "DJANGO_LOG_LEVEL": "WARNING",
        "PYTHONUNBUFFERED": "1",
    }
    servers = [Server("A", env, workdir), Server("B", env, workdir)]
    stopped = {"redis": False, "pg": False}
    try:
        if not pg_ready():
            raise RuntimeError("PostgreSQL does not answer on 127.0.0.1:5432")
        if not redis_ready():
            raise RuntimeError("Redis does not answer on 127.0.0.1:6379")
        log(f"preparing database {DB_NAME} (migrate, loaddata committee, collectstatic, editor)")
        setup = prepare(env)
        run([*REDIS_CLI, "-n", str(REDIS_DB), "flushdb"], timeout=10)
        for server in servers:
            server.start()
        for server in servers:
            server.wait_healthy()
        log(f"servers A on :{servers[0].port}, B on :{servers[1].port}; logs in {workdir}")

        run_ = Run()
        faults, editor = FaultReport(), EditorReport()
        ports = [server.port for server in servers]
        run_.set_phase("steady")
        run_.stop_at = time.monotonic() + args.duration
        threads = [
            threading.Thread(target=load_worker, args=(run_, i, ports), daemon=True) for i in range(args.connections)
        ]
        threads.append(threading.Thread(target=editor_loop, args=(run_, servers, setup, editor), daemon=True))
        fault = threading.Thread(target=fault_loop, args=(run_, servers, plan, faults, stopped), daemon=True)
        log(f"load: {args.connections} connections for {args.duration:.0f} s, editor saving every second")
        for thread in [*threads, fault]:
            thread.start()
        # Every wait is bounded: the faults take at most a few minutes, the load ends at stop_at.
        fault.join(args.duration + 180)
        hard_stop = time.monotonic() + 60
        while time.monotonic() < run_.stop_at and time.monotonic() < hard_stop:
            time.sleep(0.2)
        run_.stopping.set()
        for thread in threads:
            thread.join(30)
        run_.stats[run_.phase].ended = time.monotonic()
        log("load over; verifying the editor's saves and throttling across both servers")
        verified = verify_markers(editor.saved)
        throttle = throttle_check(servers)
        ok = print_report(run_, faults, editor, verified, throttle, args, servers)
        print(f"Server logs: {workdir}")
        return 0 if ok else 1
    finally:
        for server in servers:
            with contextlib.suppress(Exception):
                server.stop()
        if stopped["redis"] or not redis_ready():
            log("starting Redis again")
            with contextlib.suppress(Exception):
                redis_start()
        if stopped["pg"] or not pg_ready():
            log("starting PostgreSQL again")
            with contextlib.suppress(Exception):
                pg_start()
        shutil.rmtree(workdir / "static", ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
