"""The one settings module of the imvo web platform; everything that differs per site comes from the
environment, so the same file serves the demo, the tests and production.

Environment variables (all optional):

- ``IMVO_DEBUG``: ``1`` for development; anything else (the default) is production-safe.
- ``IMVO_SECRET_KEY``: the secret key. When absent a random key is generated once and kept in
  ``<var>/secret_key`` (mode 0600), so a demo needs no set-up and no key is ever committed.
- ``DATABASE_URL``: e.g. ``postgresql://user@host:5432/imvo``; default SQLite at ``var/imvo.sqlite3``.
- ``IMVO_ALLOWED_HOSTS``: comma-separated host names (default ``127.0.0.1,localhost``).
- ``IMVO_HTTPS``: ``1`` when the site is served over TLS (secure cookies, HSTS, HTTPS redirect).
  ``IMVO_HSTS_INCLUDE_SUBDOMAINS`` and ``IMVO_HSTS_PRELOAD`` (``1``) add those HSTS options (off).
- ``IMVO_TRUSTED_PROXIES``: comma-separated addresses/networks of the reverse proxies whose
  ``X-Forwarded-For`` is believed (default empty: none).
- ``IMVO_SITE_URL``: the address people use, e.g. ``https://imvo.example.org`` (default
  ``http://127.0.0.1:8000``, the demo's); links in e-mails are built from it.
- ``IMVO_VAR_DIR``: where the database, media and secret key live (default ``./var``).
- ``IMVO_MEDIA_ROOT``: uploaded files (default ``<var>/media``; outside the web root, never served
  directly: views stream them after a permission check).
- ``IMVO_MAX_UPLOAD_SIZE``: largest accepted request body / uploaded file in bytes (default 20 MB).
- ``IMVO_EMAIL_HOST`` (+ ``_PORT``, ``_USER``, ``_PASSWORD``, ``_USE_TLS``), ``IMVO_DEFAULT_FROM_EMAIL``:
  SMTP delivery; without ``IMVO_EMAIL_HOST`` mail is printed on the console.
"""

from __future__ import annotations

import contextlib
import ipaddress
import os
import secrets
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured


def _env_flag(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def _env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


WEB_DIR = Path(__file__).resolve().parent
VAR_DIR = Path(os.environ.get("IMVO_VAR_DIR", Path.cwd() / "var")).resolve()

DEBUG = _env_flag("IMVO_DEBUG")
HTTPS = _env_flag("IMVO_HTTPS")


def _secret_key() -> str:
    configured = os.environ.get("IMVO_SECRET_KEY", "").strip()
    if configured:
        if len(configured) < 50:
            raise ImproperlyConfigured("IMVO_SECRET_KEY must be at least 50 characters long.")
        return configured
    # A generated key kept beside the database: sessions survive restarts, nothing secret is committed.
    key_file = VAR_DIR / "secret_key"
    if key_file.is_file():
        return key_file.read_text(encoding="utf-8").strip()
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(64)
    try:
        descriptor = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another process (the worker, a test run) wrote it first
        return key_file.read_text(encoding="utf-8").strip()
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        handle.write(key)
    return key


SECRET_KEY = _secret_key()
ALLOWED_HOSTS = _env_list("IMVO_ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = _env_list("IMVO_CSRF_TRUSTED_ORIGINS", "")


def _site_url() -> str:
    # E-mails are read outside the browser: their links need the full address, and a request's Host
    # header is not at hand in the worker (and not to be trusted behind some proxies).
    url = os.environ.get("IMVO_SITE_URL", "http://127.0.0.1:8000").strip().rstrip("/")
    if not url.startswith(("http://", "https://")) or not url.split("://", 1)[1]:
        raise ImproperlyConfigured("IMVO_SITE_URL must be an address such as https://imvo.example.org.")
    return url


IMVO_SITE_URL = _site_url()

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    # The register's filters and sortable tables (issue 13).
    "django_filters",
    "django_tables2",
    "imvo.web.accounts",
    "imvo.web.organisations",
    "imvo.web.audit",
    "imvo.web.jobs",
    "imvo.web.grievances",
    "imvo.web.monitoring",
    "imvo.web.register",
    "imvo.web.obligations",
    "imvo.web.covenants",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "imvo.web.security.SecurityHeadersMiddleware",
    "imvo.web.security.RequestSizeLimitMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "imvo.web.urls"
WSGI_APPLICATION = "imvo.web.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [WEB_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "imvo.web.organisations.navigation.organisation_navigation",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'imvo.sqlite3'}",
        conn_max_age=int(os.environ.get("IMVO_DB_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # SQLite waits for the writer instead of failing at once when the worker and the site overlap.
    # IMMEDIATE transactions take the write lock up front, so a busy database makes a writer wait
    # (up to the timeout) instead of failing on a lock upgrade; WAL lets readers go on meanwhile.
    # synchronous=NORMAL is safe with WAL and makes each commit, and so each held lock, shorter.
    # SQLite suits one worker and the demo; anything more wants PostgreSQL (docs/security.md).
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "timeout": float(os.environ.get("IMVO_SQLITE_BUSY_TIMEOUT_SECONDS", "20")),
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
    VAR_DIR.mkdir(parents=True, exist_ok=True)

# On SQLite a reviewed merge writes in one transaction and holds the database's only write lock while
# it does: a list with more rows, or a register with more suppliers, is refused there (PostgreSQL
# has no such limit). The default keeps the longest merge well under the 20 s busy timeout
# (docs/security.md, issue 17 finding 7).
IMVO_SQLITE_MAX_MERGE_ROWS = int(os.environ.get("IMVO_SQLITE_MAX_MERGE_ROWS", "10000"))

# The overview's and the register's rendered parts, kept per server process until the
# organisation's data changes (imvo.web.organisations.page_cache); entries are a few kB compressed.
IMVO_PAGE_CACHE_SECONDS = int(os.environ.get("IMVO_PAGE_CACHE_SECONDS", "600"))
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "imvo-default"},
    "pages": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "imvo-pages",
        "OPTIONS": {"MAX_ENTRIES": int(os.environ.get("IMVO_PAGE_CACHE_ENTRIES", "2000"))},
    },
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "accounts:home"
LOGOUT_REDIRECT_URL = "accounts:login"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24  # one day, in seconds

# Login throttling (counted in the database, so it holds across processes and servers).
IMVO_LOGIN_WINDOW_SECONDS = 15 * 60
IMVO_LOGIN_MAX_FAILURES_PER_ACCOUNT = 5
IMVO_LOGIN_MAX_FAILURES_PER_IP = 20
IMVO_INVITATION_VALID_DAYS = 14

# The public grievance pages (per client and hour; see docs/security.md).
IMVO_GRIEVANCE_SUBMISSIONS_PER_HOUR = int(os.environ.get("IMVO_GRIEVANCE_SUBMISSIONS_PER_HOUR", "5"))
IMVO_GRIEVANCE_FAILED_CODES_PER_HOUR = int(os.environ.get("IMVO_GRIEVANCE_FAILED_CODES_PER_HOUR", "20"))
IMVO_GRIEVANCE_REPLIES_PER_HOUR = int(os.environ.get("IMVO_GRIEVANCE_REPLIES_PER_HOUR", "20"))

LANGUAGE_CODE = "en"
LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
LOCALE_PATHS = [WEB_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Europe/Amsterdam"
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [WEB_DIR / "static"]
STATIC_ROOT = VAR_DIR / "static"
# whitenoise warns on every start when the folder is missing; a read-only deployment has run
# collectstatic already, so failing to create it is fine.
with contextlib.suppress(OSError):
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
# Serve straight from the app folders too, so the demo works without collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG
# Files browsers ask for at the site's root (/favicon.ico), served by whitenoise as static files are.
WHITENOISE_ROOT = WEB_DIR / "root_files"

MEDIA_ROOT = Path(os.environ.get("IMVO_MEDIA_ROOT", VAR_DIR / "media")).resolve()
MEDIA_URL = "/media-not-served/"  # never routed: uploads are streamed by permission-checked views

# Uploads: supplier lists are the largest files; bodies above the limit are refused with 413.
IMVO_MAX_UPLOAD_SIZE = int(os.environ.get("IMVO_MAX_UPLOAD_SIZE", str(20 * 1024 * 1024)))
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024  # non-file form fields
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024  # larger files go to a temporary file on disk
DATA_UPLOAD_MAX_NUMBER_FIELDS = 2000
FILE_UPLOAD_PERMISSIONS = 0o600

# E-mail: console by default; SMTP when a host is configured.
if os.environ.get("IMVO_EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = os.environ["IMVO_EMAIL_HOST"]
    EMAIL_PORT = int(os.environ.get("IMVO_EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("IMVO_EMAIL_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("IMVO_EMAIL_PASSWORD", "")
    EMAIL_USE_TLS = _env_flag("IMVO_EMAIL_USE_TLS", default=True)
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get("IMVO_DEFAULT_FROM_EMAIL", "imvo <noreply@localhost>")

# Security headers and cookies. HTTPS-only settings switch on with IMVO_HTTPS=1.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 60 * 60 * 12
CSRF_COOKIE_HTTPONLY = False  # htmx reads the token from the page, not the cookie; kept default
LANGUAGE_COOKIE_SAMESITE = "Lax"
SECURE_SSL_REDIRECT = HTTPS and _env_flag("IMVO_SSL_REDIRECT", default=True)
if HTTPS:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("IMVO_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
    # Opt-in: both bind every sub-domain of the site's domain to HTTPS (preload: in browsers'
    # built-in lists, for months after it is switched off), which the site alone cannot decide.
    SECURE_HSTS_INCLUDE_SUBDOMAINS = _env_flag("IMVO_HSTS_INCLUDE_SUBDOMAINS")
    SECURE_HSTS_PRELOAD = _env_flag("IMVO_HSTS_PRELOAD")
# The reverse proxy / TLS terminator handles redirects in most set-ups; the deploy check still
# expects SECURE_SSL_REDIRECT, so it stays on unless IMVO_SSL_REDIRECT=0 says the proxy does it.
SILENCED_SYSTEM_CHECKS: list[str] = ["security.W008"] if HTTPS and not SECURE_SSL_REDIRECT else []
# W005 and W021 ask for HSTS includeSubDomains and preload: opt-in, because they bind every
# sub-domain of the site's domain, which the site alone cannot decide (docs/security.md).
if HTTPS and not _env_flag("IMVO_HSTS_INCLUDE_SUBDOMAINS"):
    SILENCED_SYSTEM_CHECKS.append("security.W005")
if HTTPS and not _env_flag("IMVO_HSTS_PRELOAD"):
    SILENCED_SYSTEM_CHECKS.append("security.W021")

# The reverse proxies in front of the site (comma-separated addresses or networks, e.g.
# "10.0.0.0/8,2001:db8::1"). Only requests from these have X-Forwarded-For read to find the client
# (imvo.web.accounts.throttle.client_ip); empty (the default): REMOTE_ADDR is the client.
IMVO_TRUSTED_PROXIES = _env_list("IMVO_TRUSTED_PROXIES", "")
for _proxy in IMVO_TRUSTED_PROXIES:
    try:
        ipaddress.ip_network(_proxy, strict=False)
    except ValueError as _error:
        raise ImproperlyConfigured(
            f"IMVO_TRUSTED_PROXIES: {_proxy!r} is not an address or network."
        ) from _error

# Background jobs (limits and how to change them: docs/security.md, "Background jobs").
# A job whose heartbeat stopped this long ago is taken over by another worker (crash, kill -9).
IMVO_JOB_STALE_AFTER_SECONDS = int(os.environ.get("IMVO_JOB_STALE_AFTER_SECONDS", "600"))
# A running job's worker renews its claim this often (at most a quarter of the stale time).
IMVO_JOB_HEARTBEAT_SECONDS = float(os.environ.get("IMVO_JOB_HEARTBEAT_SECONDS", "30"))
IMVO_JOB_MAX_ATTEMPTS = 3
# Every job's wall-clock and memory budget; over it the job is stopped and failed with the reason.
IMVO_JOB_TIME_LIMIT_SECONDS = float(os.environ.get("IMVO_JOB_TIME_LIMIT_SECONDS", "900"))
# Per kind of job, e.g. IMVO_JOB_TIME_LIMITS="apply_scan=1800,assess_disclosures=1200".
IMVO_JOB_TIME_LIMITS = {
    kind.strip(): float(seconds)
    for kind, _, seconds in (item.partition("=") for item in _env_list("IMVO_JOB_TIME_LIMITS", ""))
}
IMVO_JOB_MEMORY_LIMIT_MB = int(os.environ.get("IMVO_JOB_MEMORY_LIMIT_MB", "4096"))
# runjobs runs each job in a child process it can stop at the budget (0: in the worker's process).
IMVO_JOB_ISOLATE = _env_flag("IMVO_JOB_ISOLATE", default=True)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("IMVO_LOG_LEVEL", "INFO")},
}
