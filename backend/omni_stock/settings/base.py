"""The settings every part of the app shares: secrets, applications, data stores, the API,
security. The sections of one subject each are in the sibling modules (see `__init__`)."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import unquote

import environ
import orjson
from django.core.exceptions import ImproperlyConfigured
from whitenoise.compress import Compressor

from omni_stock import embedded

BACKEND_DIR = Path(__file__).resolve().parents[2]
PROJECT_DIR = BACKEND_DIR.parent

env = environ.Env()
env_file = PROJECT_DIR / ".env"
if env_file.is_file():
    environ.Env.read_env(env_file, overwrite=False)

DATA_DIR = Path(env.str("OMNI_DATA_DIR", default=str(PROJECT_DIR / ".data"))).resolve()

DEBUG = env.bool("DEBUG", default=False)

# While `make run` runs, its demo settings (the demo marketplace's loopback host allowed,
# the API sources pointed at it) are in this file, so `manage.py` in a second shell sees
# what the stack's processes see (manage.py asks for it; tests and production never read
# it). The file names the stack's process: one left by a stack that stopped is ignored.
RUN_STACK_ENV_FILE = DATA_DIR / "run_stack.env"
if DEBUG and env.bool("OMNI_READ_RUN_STACK_ENV", default=False):
    for _name, _value in embedded.running_stack_env(RUN_STACK_ENV_FILE).items():
        os.environ.setdefault(_name, _value)  # what the operator set wins

# --- Secrets -----------------------------------------------------------------------------

_DEV_SECRET_KEY = "django-insecure-local-development-only-never-use-in-production"  # noqa: S105
SECRET_KEY = env.str("SECRET_KEY", default="")


def _secret_key_problem(key: str) -> str | None:
    """Mirror Django's deploy check (security.W009) so a weak key stops start-up."""
    if not key:
        return "SECRET_KEY is not set"
    if key.startswith("django-insecure"):
        return "SECRET_KEY starts with 'django-insecure'"
    if len(key) < 50 or len(set(key)) < 5:
        return "SECRET_KEY must be at least 50 characters with at least 5 distinct ones"
    return None


if not DEBUG:
    problem = _secret_key_problem(SECRET_KEY)
    if problem:
        raise ImproperlyConfigured(
            f"{problem}. With DEBUG off the app refuses to start on a missing or insecure "
            'secret key. Generate one with: python -c "import secrets; '
            'print(secrets.token_urlsafe(64))"'
        )
elif not SECRET_KEY:
    SECRET_KEY = _DEV_SECRET_KEY

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
CORS_ALLOWED_ORIGINS = env.list("CORS_ALLOWED_ORIGINS", default=[])
CORS_ALLOW_CREDENTIALS = True

# --- Applications ------------------------------------------------------------------------

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "corsheaders",
    "rest_framework",
    "rest_framework_simplejwt.token_blacklist",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_celery_beat",
    "core",
    "users",
    "notifications",
    "vendors",
    "inventory",
    "price_history",
    "valuation",
    "alerts",
    "imports",
    "devtools",
]

MIDDLEWARE = [
    # First: every response, a redirect or a 503 included, carries its request id, and
    # every request is counted and logged (core.request_id, core.metrics).
    "core.request_id.RequestIdMiddleware",
    "core.metrics.MetricsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Security headers on every response, static files and 503s included (users hardening).
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "core.security_headers.ContentSecurityPolicyMiddleware",
    # Outermost but for security headers: a data store down anywhere below is a 503.
    "core.middleware.DependencyUnavailableMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The API's own messages (and DRF's, SimpleJWT's, Django's) in the language of
    # `Accept-Language` (en, de); adds `Vary: Accept-Language`. No URL prefixes (no
    # i18n_patterns), so it never redirects.
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # API answers are per user or carry tokens: never stored by a browser or proxy.
    "core.security_headers.NoStoreApiMiddleware",
    # Innermost: runs as soon as the view's response is rendered.
    "core.middleware.ReleaseRenderedViewMiddleware",
]

ROOT_URLCONF = "omni_stock.urls"
WSGI_APPLICATION = "omni_stock.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        # Overrides of third-party templates (Redoc without Google Fonts).
        "DIRS": [BACKEND_DIR / "omni_stock" / "templates"],
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

# --- Data stores -------------------------------------------------------------------------

# Unset or empty: the embedded server (an empty value lets a parent process that cannot
# unset variables, such as Playwright's webServer, ask for it).
if env.str("DATABASE_URL", default=""):
    DATABASES = {"default": env.db_url("DATABASE_URL")}
    # A unix socket directory travels percent-encoded in the URL's host part.
    DATABASES["default"]["HOST"] = unquote(DATABASES["default"]["HOST"])
    if DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        raise ImproperlyConfigured("DATABASE_URL must point at PostgreSQL (postgres://...).")
else:
    DATABASES = {"default": embedded.postgres_settings(DATA_DIR)}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

REDIS_URL = env.str("REDIS_URL", default="") or embedded.redis_url(DATA_DIR)
# Every Redis client (cache and throttles, broker, host limiter) gives up after this many
# seconds, so a frozen Redis is a quick 503 rather than a hung request.
REDIS_SOCKET_TIMEOUT = env.float("REDIS_SOCKET_TIMEOUT", default=3.0)
if not 0 < REDIS_SOCKET_TIMEOUT <= 60:
    raise ImproperlyConfigured("REDIS_SOCKET_TIMEOUT must be between 0 and 60 seconds.")

CACHES = {
    "default": {
        "BACKEND": "core.cache.SharedClientRedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": env.str("CACHE_KEY_PREFIX", default="omni"),
        "TIMEOUT": 300,
        "OPTIONS": {
            "socket_connect_timeout": REDIS_SOCKET_TIMEOUT,
            "socket_timeout": REDIS_SOCKET_TIMEOUT,
        },
    }
}

# How long a cached answer of the list, an item or the dashboard is kept (core.
# response_cache: any write to what it shows replaces it at once; this bounds only how old
# its clock-derived fields, such as `as_of`, can be). 0 turns the cache off.
RESPONSE_CACHE_SECONDS = env.int("RESPONSE_CACHE_SECONDS", default=60)
if not 0 <= RESPONSE_CACHE_SECONDS <= 3600:
    raise ImproperlyConfigured("RESPONSE_CACHE_SECONDS must be between 0 and 3600.")

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "users.User"

# A vendor holds at most this many items: generous for any collection or shop, and a bound
# on what one account can make the server store and value.
INVENTORY_MAX_ITEMS_PER_VENDOR = env.int("INVENTORY_MAX_ITEMS_PER_VENDOR", default=100_000)
if INVENTORY_MAX_ITEMS_PER_VENDOR < 1:
    raise ImproperlyConfigured("INVENTORY_MAX_ITEMS_PER_VENDOR must be at least 1.")

# How long a collection's invitation link stays valid (vendors.invitations).
INVITATION_MAX_AGE_DAYS = env.int("INVITATION_MAX_AGE_DAYS", default=7)
if INVITATION_MAX_AGE_DAYS < 1:
    raise ImproperlyConfigured("INVITATION_MAX_AGE_DAYS must be at least 1.")

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
# The languages the API answers in (`Accept-Language`); the catalogue of our own messages
# is backend/locale/<lang>/LC_MESSAGES/django.po, its compiled .mo committed beside it.
LANGUAGES = [("en", "English"), ("de", "Deutsch")]
LOCALE_PATHS = [BACKEND_DIR / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(env.str("STATIC_ROOT", default=str(BACKEND_DIR / "staticfiles")))
# The built SPA (`npm run build`): whitenoise serves its files from the site root, and
# `core.views.spa_index` answers every client-side route with its index.html.
SPA_DIST_DIR = Path(env.str("SPA_DIST_DIR", default=str(PROJECT_DIR / "frontend" / "dist")))
WHITENOISE_ROOT = SPA_DIST_DIR if SPA_DIST_DIR.is_dir() else None
# Static files as production serves them: collected (`collectstatic`), content-hashed
# names, gzip and brotli copies, read once at start-up. On with DEBUG off and under
# `make run`/`make dev` (run_stack sets it for its processes); tests serve the sources.
STATIC_COLLECTED = env.bool("STATIC_COLLECTED", default=not DEBUG)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "omni_stock.staticfiles.CollectedStaticFilesStorage"
            if STATIC_COLLECTED
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
if STATIC_COLLECTED:
    WHITENOISE_AUTOREFRESH = False
    WHITENOISE_USE_FINDERS = False
# Cached for good (immutable): names carrying a content hash, Django's (`base.5af66c1b1797.css`) and
# Vite's (`/assets/index-B3x_9kQa.js`). index.html and unhashed names keep a short max-age.
# The precompressed .br/.gz siblings go to clients that accept them (Vary: Accept-Encoding).
WHITENOISE_IMMUTABLE_FILE_TEST = r"^/static/.+\.[0-9a-f]{12}\.\w+$|^/assets/.+-[\w-]{8}\.[\w.]+$"
# Source maps are fetched by browser devtools only: not worth compressing at every build.
WHITENOISE_SKIP_COMPRESS_EXTENSIONS = (*Compressor.SKIP_COMPRESS_EXTENSIONS, "map")

# --- API ---------------------------------------------------------------------------------

AUTH_THROTTLE_RATE = env.str("AUTH_THROTTLE_RATE", default="5/min")

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework_simplejwt.authentication.JWTAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    # orjson: the same JSON as DRF's renderer (UTC as `Z`, non-string keys as strings),
    # written in a fraction of the time (a year of price points is ~60 KB).
    "DEFAULT_RENDERER_CLASSES": ["drf_orjson_renderer.renderers.ORJSONRenderer"],
    "ORJSON_RENDERER_OPTIONS": (orjson.OPT_UTC_Z, orjson.OPT_NON_STR_KEYS),
    "DEFAULT_PARSER_CLASSES": ["core.parsers.JSONParser"],
    "DEFAULT_PAGINATION_CLASS": "core.pagination.PageNumberPagination",
    "PAGE_SIZE": 25,
    "DEFAULT_FILTER_BACKENDS": [
        "core.filters.StrictQueryParamsFilterBackend",
        "core.filters.FilterSetBackend",
        "core.filters.StrictOrderingFilter",
    ],
    "DEFAULT_SCHEMA_CLASS": "core.schema.AutoSchema",
    "EXCEPTION_HANDLER": "core.exceptions.api_exception_handler",
    "DEFAULT_THROTTLE_RATES": {
        "auth": AUTH_THROTTLE_RATE,
        # Shared pages (valuation/sharing.py): no sign-in, so each address is limited.
        "public_share": env.str("PUBLIC_SHARE_THROTTLE_RATE", default="60/min"),
    },
    "NUM_PROXIES": env.int("NUM_PROXIES", default=0),
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
    "DATETIME_FORMAT": "iso-8601",
    "COERCE_DECIMAL_TO_STRING": True,
}

SIMPLE_JWT = {
    "ACCESS_TOKEN_LIFETIME": timedelta(minutes=env.int("JWT_ACCESS_MINUTES", default=15)),
    "REFRESH_TOKEN_LIFETIME": timedelta(days=env.int("JWT_REFRESH_DAYS", default=14)),
    "ROTATE_REFRESH_TOKENS": True,
    "BLACKLIST_AFTER_ROTATION": True,
    "UPDATE_LAST_LOGIN": True,
    "USER_ID_FIELD": "id",
    "USER_ID_CLAIM": "user_id",
    "AUTH_HEADER_TYPES": ("Bearer",),
}

# The refresh token also travels as an httpOnly cookie scoped to the auth endpoints, so the
# SPA never holds it in JavaScript; API clients may keep sending it in the body instead.
REFRESH_COOKIE_NAME = "omni_refresh"
REFRESH_COOKIE_PATH = "/api/v1/auth/"
REFRESH_COOKIE_SECURE = env.bool("REFRESH_COOKIE_SECURE", default=not DEBUG)

SPECTACULAR_SETTINGS = {
    "TITLE": "Omni-Stock API",
    "DESCRIPTION": (
        "REST API of Omni-Stock, the self-hosted price tracker for collectors. "
        "Authenticate with `POST /api/v1/auth/login` and send the access token as "
        "`Authorization: Bearer <token>`. Every error response has the shape of `Error`."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "CategoryEnum": "inventory.models.Category",
        "ConditionEnum": "inventory.models.Condition",
        "CompletenessEnum": "inventory.models.Completeness",
        "GraderEnum": "inventory.models.Grader",
        "LanguageEnum": "inventory.models.Language",
        "UserLanguageEnum": LANGUAGES,  # a user's `language` (not a card's)
        "MarketRegionEnum": "inventory.models.MarketRegion",
        "FinishEnum": "inventory.models.Finish",
        "CollectibleStatusEnum": "inventory.models.CollectibleStatus",
        "CollectibleBulkActionEnum": "inventory.bulk.BulkAction",
        "RoleEnum": "vendors.models.Role",
        "VisibilityEnum": "vendors.models.Visibility",
    },
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "POSTPROCESSING_HOOKS": ["drf_spectacular.hooks.postprocess_schema_enums"],
}

# --- Security (production values; `manage.py check --deploy` is clean with DEBUG off) ----

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SILENCED_SYSTEM_CHECKS: list[str] = []
# Health probes come from load balancers over plain HTTP inside the network.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$", r"^metrics$"]
