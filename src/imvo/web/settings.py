"""The one settings module of the imvo web platform; everything that differs per site comes from the
environment, so the same file serves the demo, the tests and production.

Environment variables (all optional):

- ``IMVO_DEBUG``: ``1`` for development; anything else (the default) is production-safe.
- ``IMVO_SECRET_KEY``: the secret key. When absent a random key is generated once and kept in
  ``<var>/secret_key`` (mode 0600), so a demo needs no set-up and no key is ever committed.
- ``DATABASE_URL``: e.g. ``postgresql://user@host:5432/imvo``; default SQLite at ``var/imvo.sqlite3``.
- ``IMVO_ALLOWED_HOSTS``: comma-separated host names (default ``127.0.0.1,localhost``).
- ``IMVO_HTTPS``: ``1`` when the site is served over TLS (secure cookies, HSTS, HTTPS redirect).
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
import importlib.util
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

# G2's register app joins automatically once its package exists.
REGISTER_APP_PRESENT = importlib.util.find_spec("imvo.web.register") is not None

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "imvo.web.accounts",
    "imvo.web.organisations",
    "imvo.web.audit",
    "imvo.web.jobs",
    "imvo.web.grievances",
    "imvo.web.monitoring",
]
if REGISTER_APP_PRESENT:
    INSTALLED_APPS.append("imvo.web.register")
INSTALLED_APPS.append("imvo.web.obligations")

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
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"timeout": 20, "transaction_mode": "IMMEDIATE", "init_command": "PRAGMA journal_mode=WAL;"}
    )
    VAR_DIR.mkdir(parents=True, exist_ok=True)

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
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
# The reverse proxy / TLS terminator handles redirects in most set-ups; the deploy check still
# expects SECURE_SSL_REDIRECT, so it stays on unless IMVO_SSL_REDIRECT=0 says the proxy does it.
SILENCED_SYSTEM_CHECKS: list[str] = ["security.W008"] if HTTPS and not SECURE_SSL_REDIRECT else []

# Background jobs: a worker gives up a claim it has not refreshed for this long (crash, kill -9).
IMVO_JOB_STALE_AFTER_SECONDS = int(os.environ.get("IMVO_JOB_STALE_AFTER_SECONDS", "600"))
IMVO_JOB_MAX_ATTEMPTS = 3

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("IMVO_LOG_LEVEL", "INFO")},
}
