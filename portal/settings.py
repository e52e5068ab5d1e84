"""Settings of the AHC Portal.

Every deploy-specific value comes from the environment (or from a `.env` file beside
`manage.py`, which `make` creates for development). Development defaults are safe; with
`DJANGO_DEBUG` off, a missing secret key or host list stops the start with a message.
"""

import re
from datetime import timedelta
from pathlib import Path

import environ
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
# DJANGO_ENV_FILE lets an operator (or a test) point at another file, or at none.
environ.Env.read_env(env.str("DJANGO_ENV_FILE", default=str(BASE_DIR / ".env")))

# --- Core ------------------------------------------------------------------------------

DEBUG = env.bool("DJANGO_DEBUG", default=False)

if DEBUG:
    SECRET_KEY = env.str("DJANGO_SECRET_KEY", default="django-insecure-development-only-key")
    ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
else:
    _missing = [name for name in ("DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS") if not env.str(name, default="")]
    if _missing:
        raise ImproperlyConfigured(
            f"{' and '.join(_missing)} must be set when DJANGO_DEBUG is off (see README.md, 'Settings')."
        )
    SECRET_KEY = env.str("DJANGO_SECRET_KEY")
    ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS")

INSTALLED_APPS = [
    # The record's text fields in each language (committee/translation.py); before the admin, as
    # its documentation requires, so that its loaddata and admin widgets take precedence.
    "modeltranslation",
    # Django's admin, on a site that requires two-factor authentication when ADMIN_REQUIRE_2FA is on.
    "portal.apps.AdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django_filters",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "corsheaders",
    "simple_history",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    # Country names and codes, translated into the site's languages (the Convention's participants).
    "django_countries",
    "committee",
    # The record version the page cache keys its entries by (portal/models.py).
    "portal.apps.PortalConfig",
]

MIDDLEWARE = [
    # First, so that every response and every log line of a request carries its id.
    "portal.requestid.RequestIdMiddleware",
    # In production without DJANGO_NUM_PROXIES, a warning once when a proxy's request arrives.
    "portal.security.ProxyCountMiddleware",
    # Security headers of every response, static files included, so outside WhiteNoise (see "Security").
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "portal.security.CrossOriginResourcePolicyMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Before any middleware that can answer (CommonMiddleware), so API answers carry the CORS headers.
    "corsheaders.middleware.CorsMiddleware",
    # ETag on every response, cached or not, and a 304 when the client sends it back.
    "django.middleware.http.ConditionalGetMiddleware",
    # Anonymous pages and API responses from the shared cache (portal/pagecache.py): inside the
    # middleware above, so a cached response gets fresh security, CORS, request-id and ETag
    # headers; outside the ones below, so it stores what they made and a hit skips them.
    "portal.pagecache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # request.user.is_verified(): did this session pass a second factor (django-otp)?
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes requires: turns a locked-out sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# --- Data ------------------------------------------------------------------------------

# SQLite by default; PostgreSQL in production, e.g. DATABASE_URL=postgres://user@host:5432/ahc_portal
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = True
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=0)
# No result set here is large enough to stream: a server-side cursor (QuerySet.iterator(), used by
# the choices of a form's select) would only add round trips, and it breaks behind a pooler in
# transaction mode.
DATABASES["default"]["DISABLE_SERVER_SIDE_CURSORS"] = True
# A persistent connection is checked before each request, so the site recovers by itself after
# the database restarts.
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
# Prepared statements (PostgreSQL): parameters are bound on the server, and a statement run a few
# times on a connection is prepared there once, so PostgreSQL no longer parses and plans it at
# every request. A page's queries are the same text every time, and planning one with joins costs
# PostgreSQL more than running it. Behind a pooler in transaction mode, enable its support
# (PgBouncer 1.21+: max_prepared_statements) or set DATABASE_PREPARED_STATEMENTS=false.
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql" and env.bool(
    "DATABASE_PREPARED_STATEMENTS", default=True
):
    DATABASES["default"].setdefault("OPTIONS", {}).update(server_side_binding=True, prepare_threshold=5)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Local memory by default; Redis, shared by every worker and app server, when REDIS_URL is set,
# through django-redis, made to answer misses instead of errors while Redis does not answer
# (portal/cache.py): the site then serves pages uncached.
if env.str("REDIS_URL", default=""):
    CACHES = {
        "default": {
            "BACKEND": "portal.cache.FaultTolerantRedisCache",
            "LOCATION": env.str("REDIS_URL"),
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Anonymous pages and API responses are kept in the default cache until the record changes
# (portal/pagecache.py); DJANGO_PAGE_CACHE=false serves every request uncached.
PAGE_CACHE = env.bool("DJANGO_PAGE_CACHE", default=True)

FIXTURE_DIRS = [BASE_DIR / "fixtures"]

# The reason of each version says what changed, inlines included; it can be long.
SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True

# --- Accounts --------------------------------------------------------------------------

# django-axes first: it refuses a locked-out sign-in before any password is checked, and counts
# failures. It authenticates no one itself (it has no get_user), so sessions name ModelBackend.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Languages and time ----------------------------------------------------------------

LANGUAGE_CODE = "en"
# The six official languages of the United Nations; interface strings are marked for them.
LANGUAGES = [
    ("ar", _("Arabic")),
    ("zh-hans", _("Chinese")),
    ("en", _("English")),
    ("fr", _("French")),
    ("ru", _("Russian")),
    ("es", _("Spanish")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Each language's dates as Django's locale writes them, but for the few set in portal/formats/.
FORMAT_MODULE_PATH = ["portal.formats"]
# The record's own text in each of these languages (committee/translation.py): django-modeltranslation
# adds a column per language (title_en, title_fr, title_zh_hans, ...) to the record's own table, so
# reading a translation costs no query (django-parler would join or prefetch a translations table per
# model). English is the record's language: the fixture and every text are complete in English, and a
# text not yet translated falls back to it (shown marked lang="en": committee/templatetags/record.py).
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)
# The European Union signs and ratifies as a regional economic integration organization: it takes
# its ISO 3166 exceptionally reserved code, EU, beside the States (django-countries' documented way).
# States are named as the UN names them (its short names, which the depositary's table uses) where
# django-countries' common name differs; their translations are the UN's, in locale/.
COUNTRIES_OVERRIDE = {
    "EU": _("European Union"),
    "BS": _("Bahamas"),
    "BO": _("Bolivia (Plurinational State of)"),
    "BN": _("Brunei Darussalam"),
    "KP": _("Democratic People's Republic of Korea"),
    "FM": _("Micronesia (Federated States of)"),
    "IR": _("Iran (Islamic Republic of)"),
    "LA": _("Lao People's Democratic Republic"),
    "NR": _("Nauru"),
    "NL": _("Netherlands (Kingdom of the)"),
    "KR": _("Republic of Korea"),
    "MD": _("Republic of Moldova"),
    "RU": _("Russian Federation"),
    "SY": _("Syrian Arab Republic"),
    "GB": _("United Kingdom of Great Britain and Northern Ireland"),
    "TZ": _("United Republic of Tanzania"),
    "VE": _("Venezuela (Bolivarian Republic of)"),
    "VN": _("Viet Nam"),
    "VA": _("Holy See"),
    "PS": _("State of Palestine"),
}
USE_I18N = True
TIME_ZONE = "UTC"
USE_TZ = True

# --- Static files ----------------------------------------------------------------------

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = env.path("DJANGO_STATIC_ROOT", default=BASE_DIR / "staticfiles")
# In production (after `collectstatic`) WhiteNoise serves hashed, compressed files that can be
# cached for ever; in development and tests, Django serves the files as they are.
STATIC_MANIFEST = env.bool("DJANGO_STATIC_MANIFEST", default=not DEBUG)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if STATIC_MANIFEST
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
if STATIC_MANIFEST:
    MIDDLEWARE.insert(
        MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
        "whitenoise.middleware.WhiteNoiseMiddleware",
    )

# --- Security --------------------------------------------------------------------------
# What a browser is told (the MDN HTTP Observatory's checks) and how staff sign in. Headers apply in
# development too, so the browser tests run under the real policy; the HTTPS-only parts (redirect,
# HSTS, Secure and __Host- cookies) apply when DEBUG is off, since http://127.0.0.1 has no TLS.

# Content-Security-Policy (django-csp): everything from this site, nothing inline, nothing eval'd.
# data: images are the icons Swagger UI's style sheet (/api/docs/) embeds; an image cannot run code.
# JSON-LD <script type="application/ld+json"> blocks are data, not scripts: script-src does not apply.
# With DEBUG on, django-csp leaves Django's technical 404 and 500 pages (inline style) without one.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    }
}

# Permissions-Policy (django-permissions-policy): the site uses none of these browser features.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "hid",
        "idle-detection",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "publickey-credentials-get",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
}

SECURE_CONTENT_TYPE_NOSNIFF = True
# Links to other sites (un.org, unodc.org) do not tell them which page of the portal was read.
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Cross-Origin-Resource-Policy (portal/security.py): same-origin, but cross-origin for the public API.
CROSS_ORIGIN_RESOURCE_POLICY = "same-origin"
CROSS_ORIGIN_RESOURCE_POLICY_PUBLIC = r"^/api/"
X_FRAME_OPTIONS = "DENY"

# Cookies exist only for staff (the admin): the session and the CSRF token. Neither is read by
# JavaScript. SameSite Lax, not Strict, for the session: a link to an admin page from a mail or a
# chat then opens signed in; cross-site POSTs (the only writes) get no cookie either way, and the
# CSRF token guards them too.
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"

if not DEBUG:
    # Behind a proxy that terminates TLS and says so in X-Forwarded-Proto (it must overwrite a
    # client's own header). DJANGO_SECURE_SSL_REDIRECT=false when the proxy redirects to HTTPS itself.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
    # Load balancers may probe the health check over plain HTTP inside the network.
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    # One year, subdomains included, and eligible for the browsers' preload list (hstspreload.org):
    # only for a domain whose every subdomain serves HTTPS.
    SECURE_HSTS_SECONDS = 31536000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    # __Host-: the browser accepts the cookie only if Secure, from HTTPS, for Path=/ and no Domain,
    # so no subdomain or plain-HTTP page can set or overwrite it.
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SESSION_COOKIE_NAME = "__Host-sessionid"
    CSRF_COOKIE_NAME = "__Host-csrftoken"

# Two-factor authentication (TOTP, django-otp) for the admin: on in production unless
# DJANGO_ADMIN_2FA=false; read per request (portal/admin_site.py). Staff enrol with
# `manage.py add_totp_device <username>`.
ADMIN_REQUIRE_2FA = env.bool("DJANGO_ADMIN_2FA", default=not DEBUG)
OTP_TOTP_ISSUER = "AHC Portal"

# Failed sign-ins (django-axes): after 5 failures for one username from one address, that pair is
# locked for an hour; a success resets the count. Unlock: `manage.py axes_reset_username <username>`.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(hours=1)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "axes/lockout.html"
# No "AXES: BEGIN ..." banner at every start of the application or of a manage.py command.
AXES_VERBOSE = False
# The client's address as the API's throttle sees it (DJANGO_NUM_PROXIES; portal/security.py).
AXES_CLIENT_IP_CALLABLE = "portal.security.client_ip"

# --- Logging ---------------------------------------------------------------------------

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "request_id": {"()": "portal.requestid.RequestIdFilter"},
        "safe_record": {"()": "portal.requestid.SafeRecordFilter"},
    },
    "formatters": {
        # One JSON object a line, with the request id; request objects are reduced to method and path.
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(request_id)s %(message)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        },
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "json",
            "filters": ["request_id", "safe_record"],
        },
    },
    "root": {"handlers": ["console"], "level": env.str("DJANGO_LOG_LEVEL", default="INFO")},
    # Django's own loggers propagate to the root handler, once.
    "loggers": {"django": {"handlers": [], "propagate": True}},
}

# --- API -------------------------------------------------------------------------------

# Anonymous API requests per address and period, e.g. 120/minute, 2000/hour or 10/second; checked
# here, so a typo stops the start rather than turning every API request into an error.
API_THROTTLE_RATE = env.str("DJANGO_API_THROTTLE_RATE", default="120/minute")
if not re.fullmatch(r"[0-9]+/(s|sec|second|m|min|minute|h|hour|d|day)", API_THROTTLE_RATE):
    raise ImproperlyConfigured(
        f"DJANGO_API_THROTTLE_RATE must be a number of requests per second, minute, hour or day, such as "
        f"120/minute; it is {API_THROTTLE_RATE!r}."
    )

# The read-only API under /api/ (committee/api/). Public and anonymous: no authentication, so
# no session, cookie or CSRF token; JSON only.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    # drf-orjson-renderer: the bytes DRF's JSONRenderer writes (compact UTF-8), several times faster;
    # unlike DRF it leaves U+2028 and U+2029 unescaped, which JSON allows.
    "DEFAULT_RENDERER_CLASSES": ["drf_orjson_renderer.renderers.ORJSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [],
    # Every list is paginated: PAGE_SIZE by default, ?page_size= up to 100 (committee/api/pagination.py).
    "DEFAULT_PAGINATION_CLASS": "committee.api.pagination.PageNumberPagination",
    "PAGE_SIZE": 25,
    # A FilterSet per resource, ordering included (committee/api/filters.py). A malformed value is a
    # ValidationError, which DRF's exception handler answers with a 400 keyed by the parameter.
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    # Counted in the default cache, which all workers must share in production (REDIS_URL). The
    # page cache (portal/pagecache.py) counts a cached API response with the same classes.
    "DEFAULT_THROTTLE_CLASSES": ["rest_framework.throttling.AnonRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {"anon": API_THROTTLE_RATE},
    # Proxies in front of the application (e.g. 1 behind nginx): the client is the address the
    # outermost of them recorded in X-Forwarded-For. 0 trusts no header and uses REMOTE_ADDR.
    "NUM_PROXIES": env.int("DJANGO_NUM_PROXIES", default=0),
    "DEFAULT_SCHEMA_CLASS": "committee.api.schema.AutoSchema",
}

SPECTACULAR_SETTINGS = {
    "TITLE": "AHC Portal API",
    "DESCRIPTION": (
        "The public record of the UN Ad Hoc Committee on the Convention against Cybercrime, read-only. "
        "Every record carries its certainty and sources; drafts never appear. Lists are paginated "
        "(?page=, ?page_size= up to 100), filtered and ordered (?ordering=); a malformed parameter is a 400 "
        "that names it. Anonymous requests are throttled per address."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    # Without deep links: Swagger UI puts each operation's link inside the button that opens it,
    # a control inside a control that screen readers cannot reach (axe: nested-interactive).
    "SWAGGER_UI_SETTINGS": {"deepLinking": False},
    "REDOC_DIST": "SIDECAR",
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "committee.api.schema.allow_empty_query_values",
    ],
    # Several models have a "kind" or a "role": name each enum after its vocabulary.
    "ENUM_NAME_OVERRIDES": {
        "SessionKindEnum": "committee.models.SessionKind",
        "DocumentKindEnum": "committee.models.DocumentKind",
        "GroupKindEnum": "committee.models.GroupKind",
        "MilestoneKindEnum": "committee.models.MilestoneKind",
        "BureauRoleEnum": "committee.models.BureauRole",
        "FacilitatorRoleEnum": "committee.models.FacilitatorRole",
        "CertaintyEnum": "committee.models.Certainty",
        "EventStatusEnum": "committee.models.EventStatus",
        "LanguageEnum": "committee.models.Language",
    },
}

# Browser tools on other sites may read the API: any origin, reading only, never with credentials.
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_CREDENTIALS = False
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_ALLOW_HEADERS = ["accept", "accept-language", "if-modified-since", "if-none-match"]
CORS_EXPOSE_HEADERS = ["etag", "retry-after"]
