"""Settings of the AHC Portal.

Every deploy-specific value comes from the environment (or from a `.env` file beside
`manage.py`, which `make` creates for development). Development defaults are safe; with
`DJANGO_DEBUG` off, a missing secret key or host list stops the start with a message.
"""

import re
from pathlib import Path

import environ
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
    "django.contrib.admin",
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
    "committee",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Before any middleware that can answer (CommonMiddleware), so API answers carry the CORS headers.
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
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
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Local memory by default; Django's built-in Redis cache when REDIS_URL is set.
if env.str("REDIS_URL", default=""):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": env.str("REDIS_URL"),
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

FIXTURE_DIRS = [BASE_DIR / "fixtures"]

# The reason of each version says what changed, inlines included; it can be long.
SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True

# --- Accounts --------------------------------------------------------------------------

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
USE_I18N = True
TIME_ZONE = "UTC"
USE_TZ = True

# --- Static files ----------------------------------------------------------------------

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = env.path("DJANGO_STATIC_ROOT", default=BASE_DIR / "staticfiles")

# --- Security --------------------------------------------------------------------------

SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"

# --- Logging ---------------------------------------------------------------------------

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("DJANGO_LOG_LEVEL", default="INFO")},
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
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [],
    # Every list is paginated: PAGE_SIZE by default, ?page_size= up to 100 (committee/api/pagination.py).
    "DEFAULT_PAGINATION_CLASS": "committee.api.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    # A FilterSet per resource, ordering included (committee/api/filters.py). A malformed value is a
    # ValidationError, which DRF's exception handler answers with a 400 keyed by the parameter.
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    # Counted in the default cache, which all workers must share in production (REDIS_URL).
    "DEFAULT_THROTTLE_CLASSES": ["committee.api.throttling.AnonRateThrottle"],
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
