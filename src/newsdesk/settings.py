"""Project settings, read from the environment (see README, "Configuration")."""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BASE_DIR.parent.parent
DATA_DIR = Path(os.environ.get("NEWSDESK_DATA_DIR", PROJECT_DIR / "var"))

# Used only while DEBUG is on; newsdesk refuses to serve with DEBUG off and this key (newsdesk.checks).
INSECURE_DEFAULT_SECRET_KEY = "newsdesk-insecure-development-key-do-not-use-in-production"  # noqa: S105


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY") or INSECURE_DEFAULT_SECRET_KEY
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
SITE_NAME = os.environ.get("NEWSDESK_SITE_NAME", "newsdesk")
SITE_URL = os.environ.get("NEWSDESK_SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "newsdesk.core",
    "newsdesk.accounts",
    "newsdesk.media",
    "newsdesk.realtime",
    "newsdesk.metrics",
    "newsdesk.liveblogs",
    "newsdesk.comments",
    "newsdesk.subscriptions",
    "newsdesk.articles",
    "newsdesk.mail",
    "newsdesk.moderation",
    "newsdesk.search",
    "newsdesk.related",
    "newsdesk.jobs",
    "newsdesk.pages",
    "newsdesk.apps.ProjectConfig",  # project-wide commands: serve, worker, demo, status
]

MIDDLEWARE = [
    "newsdesk.metrics.middleware.RequestLatencyMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "newsdesk.core.middleware.SiteLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "newsdesk.urls"
ASGI_APPLICATION = "newsdesk.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "newsdesk.core.context_processors.site",
            ],
        },
    },
]

# --- Database -----------------------------------------------------------------------------------
# SQLite (WAL) by default so that one command runs everything; PostgreSQL through DATABASE_URL.
DATA_DIR.mkdir(parents=True, exist_ok=True)
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{DATA_DIR / 'newsdesk.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        # IMMEDIATE: a write transaction takes the lock at BEGIN, so concurrent writers queue
        # instead of failing with "database is locked" when they upgrade a read lock.
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        # synchronous=FULL: a committed entry survives a power cut, not just a process crash.
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; "
            "PRAGMA busy_timeout=20000;"
        ),
    }
    DATABASES["default"]["TEST"] = {"NAME": os.environ.get("SQLITE_TEST_NAME") or None}
else:
    # Two checkouts testing against one server each need their own test database (default: test_<name>).
    DATABASES["default"]["TEST"] = {"NAME": os.environ.get("DATABASE_TEST_NAME") or None}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

# --- Redis: cache and realtime fan-out across processes -----------------------------------------
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "newsdesk",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Pushpin (GRIP) in front: it holds the readers' connections and we publish to its control port.
GRIP_URL = os.environ.get("GRIP_URL", "").rstrip("/")  # e.g. http://127.0.0.1:5561
GRIP_SIG_KEY = os.environ.get("GRIP_SIG_KEY", "")  # Pushpin's sig_key; checks that Grip-Sig is genuine

if GRIP_URL:
    _DEFAULT_REALTIME_BACKEND = "newsdesk.realtime.backends.grip.GripBackend"
elif REDIS_URL:
    _DEFAULT_REALTIME_BACKEND = "newsdesk.realtime.backends.redis.RedisBackend"
else:
    _DEFAULT_REALTIME_BACKEND = "newsdesk.realtime.backends.inprocess.InProcessBackend"
REALTIME_BACKEND = os.environ.get("REALTIME_BACKEND", _DEFAULT_REALTIME_BACKEND)
# Seconds between SSE heartbeat comments; proxies close idle connections after 30-60 s.
REALTIME_HEARTBEAT_SECONDS = float(os.environ.get("REALTIME_HEARTBEAT_SECONDS", "15"))
# The event stream's fast path writes each frame to every connection itself (newsdesk.realtime.fanout);
# off: one queue and task per reader (the older path, kept for comparison).
# GET /metrics (Prometheus) answers only with this token as 'Authorization: Bearer ...'; empty: 404.
METRICS_TOKEN = os.environ.get("METRICS_TOKEN", "")
# Whether `newsdesk serve` also runs the background work (mail outbox, scheduled articles, alerts,
# purges) in its process. Production runs `newsdesk worker` processes instead; default: on with DEBUG.
SERVE_RUNS_BACKGROUND = os.environ.get("SERVE_RUNS_BACKGROUND", "true" if DEBUG else "false").lower() in {
    "1", "true", "yes", "on"}
REALTIME_DIRECT_FANOUT = os.environ.get("REALTIME_DIRECT_FANOUT", "true").lower() in {"1", "true", "yes", "on"}

# --- Auth -----------------------------------------------------------------------------------------
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

# --- I18n: German first, English available; stored in UTC, shown in the newsroom's zone ------
LANGUAGE_CODE = os.environ.get("LANGUAGE_CODE", "de")
LANGUAGES = [("de", _("German")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = os.environ.get("TIME_ZONE", "Europe/Berlin")
USE_I18N = True
USE_TZ = True

# --- Static and uploaded files ---------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", DATA_DIR / "media"))
# The embedded setup serves uploads itself; behind a web server or CDN switch this off.
SERVE_MEDIA = env_bool("SERVE_MEDIA", True)

# --- Limits -------------------------------------------------------------------------------------
ENTRY_BODY_MAX_BYTES = 100 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
LIVEBLOG_PAGE_SIZE = int(os.environ.get("LIVEBLOG_PAGE_SIZE", "20"))

# --- Security headers -------------------------------------------------------------------------
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
if env_bool("BEHIND_TLS_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "INFO"}},
}

# --- Subscriptions -------------------------------------------------------------------------------
# Where mail clients send "unsubscribe-TOKEN" (List-Unsubscribe mailto); process it or forward to a person.
SUBSCRIPTIONS_UNSUBSCRIBE_MAILBOX = os.environ.get("SUBSCRIPTIONS_UNSUBSCRIBE_MAILBOX", "abmelden@localhost")
# A WebSub hub (e.g. https://pubsubhubbub.appspot.com/): named in feed headers and pinged on changes.
WEBSUB_HUB_URL = os.environ.get("WEBSUB_HUB_URL", "")
# When the daily digest goes out, in TIME_ZONE ("HH:MM").
DIGEST_TIME = os.environ.get("DIGEST_TIME", "07:00")

# --- E-mail (newsdesk.mail) ---
# SMTP from the environment. In DEBUG without EMAIL_HOST (and without EMAIL_BACKEND) mails are written as
# files to var/mail (one file per worker batch), so `make run` needs no mail server.
EMAIL_HOST = os.environ.get("EMAIL_HOST") or "localhost"
EMAIL_PORT = int(os.environ.get("EMAIL_PORT") or "25")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
# Django waits forever by default; a hanging server must not hold a worker's claim past its lease.
EMAIL_TIMEOUT = float(os.environ.get("EMAIL_TIMEOUT") or "30")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL") or "newsdesk <noreply@localhost>"
EMAIL_FILE_PATH = DATA_DIR / "mail"
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND") or (
    "django.core.mail.backends.filebased.EmailBackend" if DEBUG and not os.environ.get("EMAIL_HOST")
    else "django.core.mail.backends.smtp.EmailBackend"
)
# Domain of the Message-IDs derived from idempotency keys (default: the sender's domain).
MAIL_MESSAGE_ID_DOMAIN = os.environ.get("MAIL_MESSAGE_ID_DOMAIN") or (
    DEFAULT_FROM_EMAIL.rpartition("@")[2].strip(" >") or "localhost"
)
MAIL_BATCH_SIZE = int(os.environ.get("MAIL_BATCH_SIZE") or "100")
MAIL_POLL_SECONDS = float(os.environ.get("MAIL_POLL_SECONDS") or "2")
# A worker's claim on a batch; renewed while it works, reclaimed by others once it runs out (worker died).
MAIL_LEASE_SECONDS = float(os.environ.get("MAIL_LEASE_SECONDS") or "300")
MAIL_MAX_ATTEMPTS = int(os.environ.get("MAIL_MAX_ATTEMPTS") or "8")
MAIL_RETRY_BASE_SECONDS = float(os.environ.get("MAIL_RETRY_BASE_SECONDS") or "60")
MAIL_RETRY_MAX_SECONDS = float(os.environ.get("MAIL_RETRY_MAX_SECONDS") or str(6 * 3600))
# A mail whose delivery is uncertain (see newsdesk.mail.worker): "resend" (no loss, rarely a duplicate with the
# same Message-ID) or "hold" (no duplicate; marked failed for a person to check). MAIL_DELIVERY_CHECK: dotted
# path of a function(message) -> True/False/None that asks the relay whether it has the Message-ID.
MAIL_IN_DOUBT = os.environ.get("MAIL_IN_DOUBT") or "resend"
MAIL_DELIVERY_CHECK = os.environ.get("MAIL_DELIVERY_CHECK", "")
MAIL_PURGE_AFTER_DAYS = int(os.environ.get("MAIL_PURGE_AFTER_DAYS") or "30")
