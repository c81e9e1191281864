"""Project settings, read from the environment (see README, "Configuration")."""

from __future__ import annotations

import hashlib
import os
import tempfile
from datetime import timedelta
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
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_prose_editor",  # only its static files (editor.js): the rich-text editor
    "newsdesk.core",
    "newsdesk.accounts",
    "newsdesk.media",
    "newsdesk.realtime",
    "newsdesk.metrics",
    "newsdesk.liveblogs",
    "newsdesk.desk",
    "newsdesk.comments",
    "newsdesk.subscriptions",
    "newsdesk.articles",
    "newsdesk.mail",
    "newsdesk.moderation",
    "newsdesk.search",
    "newsdesk.related",
    "newsdesk.jobs",
    "newsdesk.promos",
    "newsdesk.pages",
    "newsdesk.branding",  # site identity (name, logos, icons, colour) and the section navigation
    "newsdesk.caching",
    "newsdesk.importers",
    "newsdesk.apps.ProjectConfig",  # project-wide commands: serve, worker, demo, status
]

MIDDLEWARE = [
    "newsdesk.metrics.middleware.RequestLatencyMiddleware",
    "newsdesk.caching.headers.SharedCacheMiddleware",  # outermost but metrics: sees every cookie the others set
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "newsdesk.core.middleware.SiteLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "newsdesk.core.middleware.InvalidTextMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "newsdesk.accounts.two_factor.RequireTwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
    "newsdesk.importers.redirects.RedirectMiddleware",  # old (WordPress) addresses answer 301
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
                "newsdesk.branding.context_processors.identity",  # after core's: the admin's site name wins
                "newsdesk.caching.context_processors.csrf",  # after Django's own: no token in shared pages
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
    # Django's SQLite backend, with open connections handed from one request to the next (core.pooled_sqlite):
    # under ASGI each request runs on a thread of its own, so CONN_MAX_AGE cannot keep one.
    DATABASES["default"]["ENGINE"] = "newsdesk.core.pooled_sqlite"
    DATABASES["default"]["POOL_SIZE"] = int(os.environ.get("SQLITE_POOL_SIZE") or "8")
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
    # Tests use a WAL file like production: Django's default in-memory test database runs in SQLite's
    # shared-cache mode, where a second writer fails at once ("database table is locked") instead of
    # waiting out busy_timeout, so the concurrency tests would test a database nobody runs.
    # One file per checkout, so two checkouts can test at once.
    _checkout_tag = hashlib.blake2s(str(PROJECT_DIR).encode(), digest_size=5).hexdigest()
    DATABASES["default"]["TEST"] = {"NAME": os.environ.get("SQLITE_TEST_NAME")
                                    or str(Path(tempfile.gettempdir()) / f"newsdesk-test-{_checkout_tag}.sqlite3")}
else:
    # Two checkouts testing against one server each need their own test database (default: test_<name>).
    DATABASES["default"]["TEST"] = {"NAME": os.environ.get("DATABASE_TEST_NAME") or None}
    if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql" and env_bool("DATABASE_POOL", True):
        # Under ASGI every request runs in a thread of its own: "persistent" connections (CONN_MAX_AGE) pile up
        # per thread until PostgreSQL refuses more. A pool per process bounds them (psycopg_pool); a request
        # takes a connection and gives it back when it ends (CONN_MAX_AGE=0 is what the pool requires).
        DATABASES["default"]["CONN_MAX_AGE"] = 0
        DATABASES["default"]["CONN_HEALTH_CHECKS"] = False
        DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
            "min_size": int(os.environ.get("DATABASE_POOL_MIN_SIZE") or "1"),
            "max_size": int(os.environ.get("DATABASE_POOL_MAX_SIZE") or "8"),
            "timeout": float(os.environ.get("DATABASE_POOL_TIMEOUT") or "10"),  # wait for a free one, then fail
        }

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
# Pushpin's stats sockets (its `stats_spec`, one per node, comma-separated): the worker counts the readers
# Pushpin holds per channel from them (newsdesk.realtime.pushpin_stats). Empty: not counted.
PUSHPIN_STATS_SPECS = [spec.strip() for spec in os.environ.get(
    "PUSHPIN_STATS_SPECS", "ipc:///var/run/pushpin/pushpin-stats" if GRIP_URL else "").split(",") if spec.strip()]
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
# Failed logins are throttled per account and per IP address (django-axes): after LOGIN_FAILURE_LIMIT failures
# the account, and the address, wait LOGIN_COOLOFF_MINUTES; a successful login resets the count.
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT") or "5")
AXES_COOLOFF_TIME = timedelta(minutes=float(os.environ.get("LOGIN_COOLOFF_MINUTES") or "15"))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "newsdesk.core.privacy.client_ip"  # the same address as the rate limits (FORWARDED_ALLOW_IPS)
AXES_LOCKOUT_CALLABLE = "newsdesk.accounts.two_factor.locked_out"
AXES_VERBOSE = False
# Two-factor login (TOTP, django-otp) for editors, moderators and admins; required for admins when switched on.
TWO_FACTOR_REQUIRED_FOR_ADMINS = env_bool("TWO_FACTOR_REQUIRED_FOR_ADMINS", False)
OTP_TOTP_ISSUER = SITE_NAME
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
STATIC_ROOT.mkdir(exist_ok=True)  # WhiteNoise warns about a missing folder before the first collectstatic
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", DATA_DIR / "media"))
# Static files: WhiteNoise serves them with hashed names, gzip and brotli, and `Cache-Control: immutable`
# (`newsdesk collectstatic` first); with DEBUG on they come straight from the apps.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage" if DEBUG
                    else "newsdesk.core.staticfiles.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = DEBUG
# Uploads: in development newsdesk serves them itself. With DEBUG off a web server or a storage backend should
# (README, "Production"), so newsdesk serves them only when SERVE_MEDIA is set explicitly.
SERVE_MEDIA = env_bool("SERVE_MEDIA", DEBUG)

# --- Limits -------------------------------------------------------------------------------------
ENTRY_BODY_MAX_BYTES = 100 * 1024
# Embeds (newsdesk.media.embeds): fetch oEmbed data once at save time (2 s timeout); off on machines that
# must not call out. Sites add providers with NEWSDESK_EMBED_PROVIDERS and Mastodon servers with
# NEWSDESK_MASTODON_HOSTS; media.embeds.frame_origins() lists the iframe origins for CSP frame-src.
NEWSDESK_OEMBED_ENABLED = env_bool("NEWSDESK_OEMBED", True)
NEWSDESK_MASTODON_HOSTS = env_list("NEWSDESK_MASTODON_HOSTS", "")
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
LIVEBLOG_PAGE_SIZE = int(os.environ.get("LIVEBLOG_PAGE_SIZE", "20"))
# The server (newsdesk.core.http_protocol): seconds for a request's line and headers, their size, idle keep-alive.
SERVER_HEADER_TIMEOUT = float(os.environ.get("SERVER_HEADER_TIMEOUT") or "10")
SERVER_HEADER_MAX_BYTES = int(os.environ.get("SERVER_HEADER_MAX_BYTES") or str(64 * 1024))
SERVER_KEEP_ALIVE_TIMEOUT = int(os.environ.get("SERVER_KEEP_ALIVE_TIMEOUT") or "5")

# --- Security headers -------------------------------------------------------------------------
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
# Shared pages carry no token: forms fetch one (caching/forms.js), and a post without one gets a confirmation
# page that carries it (newsdesk.caching.views).
CSRF_FAILURE_VIEW = "newsdesk.caching.views.csrf_failure"
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
# HSTS: on (a year) with secure cookies, i.e. when the site is served over TLS only.
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS") or (31_536_000 if SESSION_COOKIE_SECURE else 0))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", False)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # the load balancer's check over plain HTTP

# Content-Security-Policy (django-csp). Scripts only from our own files: no inline script, no nonce (pages are
# cached, a per-request nonce in shared HTML means nothing); JSON-LD data blocks are not scripts and need none.
# Frames: the embed providers of media.embeds (set in MediaConfig.ready) and CSP_EMBED_FRAME_SRC; the iframes
# exist only after a reader clicks "Inhalt laden". frame-src is 'none' when there are none.
CSP_EMBED_FRAME_SRC = env_list("CSP_EMBED_FRAME_SRC")
FRAME_ANCESTORS = env_list("FRAME_ANCESTORS", "'self'")
# The newsblog embed (/newsblog/<slug>/einbetten/) is the only page other sites may frame: its frame-ancestors.
# Comma-separated origins ("https://partner.example,https://*.example.org") or 'self'; default: this site only.
# Every other page keeps FRAME_ANCESTORS and X-Frame-Options DENY (newsdesk.liveblogs.embedding).
EMBED_ALLOWED_PARENTS = env_list("EMBED_ALLOWED_PARENTS", "'self'")
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        # style="" attributes (the back office's previews, Django's admin widgets); no <style> elements.
        "style-src-attr": ["'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "media-src": ["'self'"],
        "object-src": ["'none'"],
        "frame-src": CSP_EMBED_FRAME_SRC or ["'none'"],
        "frame-ancestors": FRAME_ANCESTORS,
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
    },
}
# Browsers that know frame-ancestors ignore X-Frame-Options; older ones get the strictest answer.
X_FRAME_OPTIONS = "DENY"
# Browser features no page of ours uses (django-permissions-policy).
PERMISSIONS_POLICY = {
    "accelerometer": [], "autoplay": [], "camera": [], "display-capture": [], "geolocation": [],
    "gyroscope": [], "magnetometer": [], "microphone": [], "midi": [], "payment": [], "usb": [],
}
if env_bool("BEHIND_TLS_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Proxies whose X-Forwarded-For is believed (addresses or networks, e.g. "127.0.0.1,10.0.0.0/8"); none by default,
# so that nobody can choose the address that rate limits count (newsdesk.core.privacy.client_ip).
FORWARDED_ALLOW_IPS = env_list("FORWARDED_ALLOW_IPS")

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
# Moderation desk (issue 12): how long a decision can be undone; statements of reasons wait this long to be mailed.
COMMENTS_UNDO_SECONDS = int(os.environ.get("COMMENTS_UNDO_SECONDS") or "60")
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

# --- Shared caches (newsdesk.caching): lifetimes per page kind and purges ------------------------------
# Seconds a shared cache (Varnish, CDN) may serve an anonymous page without asking; purges on change make
# it fresh earlier. Override per kind with CACHE_S_MAXAGE="liveblog=5,article=60".
CACHE_S_MAXAGE = {"default": 60, "home": 30, "article": 60, "liveblog": 5, "liveblog_list": 30, "topic": 60,
                  "author": 300, "archive": 300, "page": 3600, "jobs": 300}
CACHE_S_MAXAGE.update({kind: int(age) for kind, _, age in
                       (item.partition("=") for item in env_list("CACHE_S_MAXAGE"))})
CACHE_STALE_WHILE_REVALIDATE = int(os.environ.get("CACHE_STALE_WHILE_REVALIDATE") or "30")
CACHE_STALE_IF_ERROR = int(os.environ.get("CACHE_STALE_IF_ERROR") or "86400")
# Seconds the origin keeps a rendered shared page per ETag (content versions): renders once per change per
# process (or once per Redis). 0 switches it off.
PAGE_RENDER_CACHE_SECONDS = int(os.environ.get("PAGE_RENDER_CACHE_SECONDS") or "300")
# Where purges go, e.g. "xkey+http://127.0.0.1:6081/" (see newsdesk.caching.purge for Fastly/Cloudflare).
CACHE_PURGE_URLS = env_list("CACHE_PURGE_URLS")
CACHE_PURGE_ATTEMPTS = int(os.environ.get("CACHE_PURGE_ATTEMPTS") or "5")
CACHE_PURGE_RETRY_SECONDS = float(os.environ.get("CACHE_PURGE_RETRY_SECONDS") or "0.5")
CACHE_PURGE_TIMEOUT_SECONDS = float(os.environ.get("CACHE_PURGE_TIMEOUT_SECONDS") or "5")
