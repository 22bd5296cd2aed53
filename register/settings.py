"""Settings for Kamerregister, read from the environment.

The defaults are the safe production ones (DEBUG off, HTTPS assumed at the load balancer).
`make run` switches on demo mode for local use; README.md lists every variable.
"""

import datetime
import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("VAR_DIR", BASE_DIR / "var"))


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in ("1", "true", "yes", "on")


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG")
# Demo mode: demo users with printed passwords, e-mail to the console. Never in production.
DEMO_MODE = env_bool("DEMO_MODE")

# Without SECRET_KEY in the environment a placeholder lets management commands (check,
# makemigrations) run, but `check --deploy` flags it and the WSGI application refuses to serve
# with it unless DEBUG or DEMO_MODE is on (register/wsgi.py).
SECRET_KEY_FROM_ENVIRONMENT = bool(os.environ.get("SECRET_KEY"))
SECRET_KEY = os.environ.get("SECRET_KEY") or "django-insecure-local-only-" + "k" * 40

LOCALHOSTS = ["localhost", "127.0.0.1", "[::1]"]
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS") or (LOCALHOSTS if DEBUG or DEMO_MODE else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# Plain HTTP is only for a server on this machine (make run, the browser tests, the local load
# test): the production defaults below assume HTTPS terminated at the load balancer.
ALLOW_PLAIN_HTTP_ON_LOCALHOST = env_bool("ALLOW_PLAIN_HTTP_ON_LOCALHOST", DEBUG)
if ALLOW_PLAIN_HTTP_ON_LOCALHOST and not set(ALLOWED_HOSTS) <= set(LOCALHOSTS + ["testserver"]):
    raise ImproperlyConfigured(
        "ALLOW_PLAIN_HTTP_ON_LOCALHOST is for localhost only; ALLOWED_HOSTS names other hosts."
    )

# The register's own apps, lowest first: each imports only those before it (DESIGN.md
# "Architecture", tests/test_layers.py). Backups and the demo data take them in this order.
REGISTER_APPS = ["register", "commitments", "legislation", "letters"]

INSTALLED_APPS = [
    *REGISTER_APPS,
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "simple_history",
    "django_filters",
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "register.middleware.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "register.middleware.LanguageMiddleware",
    "register.middleware.RequestSizeMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as axes asks: turns a refused login into the lockout page (register.auth).
    "axes.middleware.AxesMiddleware",
]

# A request body larger than this is refused unread (register.middleware.RequestSizeMiddleware):
# the largest upload a screen takes is 20 MB.
MAX_REQUEST_BYTES = int(os.environ.get("MAX_REQUEST_BYTES", str(25 * 2**20)))

ROOT_URLCONF = "register.urls"
WSGI_APPLICATION = "register.wsgi.application"

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
                "django.template.context_processors.i18n",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'kamerregister.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers work while a clerk writes; the busy timeout makes a writer wait for the
    # lock instead of failing at once with "database is locked".
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Login throttling: django-axes with the policy of register.auth (docs/OPERATIONS.md "Logins").
# This many failures for one user name from one address lock that name at that address for the
# window; from one address (any names), the first number slows its tries down, the second
# blocks it for LOGIN_ADDRESS_BLOCK_MINUTES.
LOGIN_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
LOGIN_FAILURE_WINDOW_MINUTES = int(os.environ.get("LOGIN_FAILURE_WINDOW_MINUTES", "15"))
LOGIN_ADDRESS_SLOWDOWN_AFTER = int(os.environ.get("LOGIN_ADDRESS_SLOWDOWN_AFTER", "10"))
LOGIN_ADDRESS_BLOCK_AFTER = int(os.environ.get("LOGIN_ADDRESS_BLOCK_AFTER", "30"))
LOGIN_ADDRESS_BLOCK_MINUTES = int(os.environ.get("LOGIN_ADDRESS_BLOCK_MINUTES", "60"))
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first: refuses before the password is checked
    "django.contrib.auth.backends.ModelBackend",
]
AXES_HANDLER = "register.auth.LoginThrottle"
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_FAILURE_LIMIT = LOGIN_FAILURE_LIMIT
# How long failures are kept: the longest window of the policy.
AXES_COOLOFF_TIME = datetime.timedelta(minutes=max(LOGIN_FAILURE_WINDOW_MINUTES,
                                                   LOGIN_ADDRESS_BLOCK_MINUTES))
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False  # refused tries are not failures
AXES_CLIENT_IP_CALLABLE = "register.auth.client_address"
AXES_USERNAME_CALLABLE = "register.auth.login_name"
AXES_LOCKOUT_CALLABLE = "register.auth.locked_out"
AXES_DISABLE_ACCESS_LOG = True  # no record of every successful login: not part of the policy
AXES_VERBOSE = False  # no banner on every management command
AXES_ENABLE_ADMIN = False  # register/admin.py shows the failures, with the unblock action
# How many proxies (load balancers) stand in front of the app servers and append the address
# they saw to X-Forwarded-For. 0: the client connects directly and REMOTE_ADDR is its address.
# Behind one load balancer REMOTE_ADDR is the balancer's for every user, so set it to 1, or the
# login throttle counts everyone's failures as one address's (register.auth.client_address).
TRUSTED_PROXY_HOPS = int(os.environ.get("TRUSTED_PROXY_HOPS", "0"))
LOGIN_URL = "login"
# Owners start on My work, the others on the dashboard (commitments.views.landing).
LOGIN_REDIRECT_URL = "commitments:landing"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))


def file_storage(environ):
    """Where stored files (the final letters' PDFs) live: S3-compatible object storage when
    S3_BUCKET is set (several app servers share it), else the local folder MEDIA_ROOT.
    The S3 credentials are boto3's own: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or the
    machine's role (docs/OPERATIONS.md "Stored files")."""
    if not environ.get("S3_BUCKET"):
        return {"BACKEND": "django.core.files.storage.FileSystemStorage",
                "OPTIONS": {"location": environ.get("MEDIA_ROOT", VAR_DIR / "media")}}
    return {"BACKEND": "register.storage.ObjectStorage", "OPTIONS": {
        "bucket_name": environ["S3_BUCKET"],
        "location": environ.get("S3_PREFIX", ""),
        "endpoint_url": environ.get("S3_ENDPOINT_URL") or None,
        "region_name": environ.get("S3_REGION") or None,
        "addressing_style": environ.get("S3_ADDRESSING_STYLE") or None,
        # As in the local folder: a name in use gets a new one, a stored file is never replaced.
        "file_overwrite": False,
        "default_acl": None,  # private: the files are served through the application only
    }}


STORAGES = {
    "default": file_storage(os.environ),
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage",
    },
}

# The letterhead (DESIGN.md "Letters"): the ministry's logo (an SVG file) and the letter's fonts
# (font files the ministry licenses, e.g. its house font) are configuration. By default a neutral
# placeholder mark and the free DejaVu Sans that Debian installs (scripts/system-packages).
# LETTER_FONT_FILES: "regular=/path/a.ttf,bold=/path/b.ttf,italic=…,bold-italic=…".
LETTERHEAD = {
    "logo": Path(os.environ.get("LETTER_LOGO",
                                BASE_DIR / "static" / "letters" / "placeholder-mark.svg")),
    "logo_height_mm": float(os.environ.get("LETTER_LOGO_HEIGHT_MM", "24")),
    "font_family": os.environ.get("LETTER_FONT_FAMILY", "DejaVu Sans"),
    "font_files": {style.strip(): Path(path.strip()) for style, _sep, path in (
        entry.partition("=") for entry in env_list("LETTER_FONT_FILES")) if path.strip()},
}

# django-simple-history: the reason for a change is free text, not a 100-character string.
SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True
SIMPLE_HISTORY_REVERT_DISABLED = True

EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEMO_MODE or DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "kamerregister@localhost")
# The register's own address, for links in e-mails sent by commands (no request there).
BASE_URL = os.environ.get("BASE_URL", "http://127.0.0.1:8000")

# Security: production defaults assume HTTPS at the load balancer.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = not ALLOW_PLAIN_HTTP_ON_LOCALHOST
SESSION_COOKIE_SECURE = not ALLOW_PLAIN_HTTP_ON_LOCALHOST
CSRF_COOKIE_SECURE = not ALLOW_PLAIN_HTTP_ON_LOCALHOST
SECURE_HSTS_SECONDS = 0 if ALLOW_PLAIN_HTTP_ON_LOCALHOST else 31536000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

# The committees whose debate reports sync_tk reads for commitments (tk_sync/reports.py): their
# abbreviations or names as the Kamer writes them, comma-separated ("VWS,J&V"). None: no reports.
TK_FOLLOWED_COMMITTEES = [name.strip() for name in
                          os.environ.get("TK_FOLLOWED_COMMITTEES", "").split(",") if name.strip()]
# A first run of sync_tk reads the reports of this many days back, not all the Kamer has.
TK_REPORTS_FIRST_DAYS = int(os.environ.get("TK_REPORTS_FIRST_DAYS", "30"))
# The largest file the Tweede Kamer imports read (bytes); larger ones are refused before reading.
TK_IMPORT_MAX_BYTES = int(os.environ.get("TK_IMPORT_MAX_BYTES", str(100 * 1024 * 1024)))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # axes says at INFO what it does on every login; its warnings (failures, lockouts) stay.
    # httpx says at INFO every request sync_tk makes; the run log says what matters.
    "loggers": {"axes": {"level": "WARNING"}, "httpx": {"level": "WARNING"},
                "httpcore": {"level": "WARNING"}},
}
