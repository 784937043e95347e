"""Accounts and sessions hardening: login lockout, e-mail, security headers (users)."""

from __future__ import annotations

from django.core.exceptions import ImproperlyConfigured

from omni_stock.settings.base import DEBUG, REST_FRAMEWORK, env

# See docs/operations.md, "Accounts and security headers".
# Failed logins per account, from any address (users.lockout): after LOGIN_LOCKOUT_FAILURES
# the account refuses logins for LOGIN_LOCKOUT_SECONDS; each further series of failures
# doubles that, up to LOGIN_LOCKOUT_MAX_SECONDS. Short on purpose: an attacker must not be
# able to keep the owner out for long. A successful login starts over.
try:
    LOGIN_LOCKOUT_FAILURES = env.int("LOGIN_LOCKOUT_FAILURES", default=5)
    LOGIN_LOCKOUT_SECONDS = env.int("LOGIN_LOCKOUT_SECONDS", default=60)
    LOGIN_LOCKOUT_MAX_SECONDS = env.int("LOGIN_LOCKOUT_MAX_SECONDS", default=300)
except ValueError as exc:
    raise ImproperlyConfigured(f"Check the login lockout: whole numbers only ({exc}).") from exc
if not (
    1 <= LOGIN_LOCKOUT_FAILURES <= 100
    and 1 <= LOGIN_LOCKOUT_SECONDS <= LOGIN_LOCKOUT_MAX_SECONDS <= 3600
):
    raise ImproperlyConfigured(
        "Check the login lockout: LOGIN_LOCKOUT_FAILURES 1-100, and 1 <= LOGIN_LOCKOUT_SECONDS "
        "<= LOGIN_LOCKOUT_MAX_SECONDS <= 3600 (longer lets an attacker keep the owner out)."
    )
# Every password check (the API's login, the admin's) counts for the lockout; access tokens
# are checked against the deny-list of ended sessions (users.tokens).
AUTHENTICATION_BACKENDS = ["users.backends.LockoutModelBackend"]
REST_FRAMEWORK["DEFAULT_AUTHENTICATION_CLASSES"] = ["users.authentication.JWTAuthentication"]

# Sign-up mails the address (a welcome, or "someone tried to register with your address").
# EMAIL_URL: smtp://user:password@host:25, smtp+tls://…:587, smtp+ssl://…:465, consolemail://.
_email = env.email_url("EMAIL_URL", default="consolemail://" if DEBUG else "smtp://localhost:25")
EMAIL_BACKEND = _email["EMAIL_BACKEND"]
EMAIL_HOST, EMAIL_PORT = _email.get("EMAIL_HOST") or "localhost", _email.get("EMAIL_PORT") or 25
EMAIL_HOST_USER = _email.get("EMAIL_HOST_USER") or ""
EMAIL_HOST_PASSWORD = _email.get("EMAIL_HOST_PASSWORD") or ""
EMAIL_USE_TLS, EMAIL_USE_SSL = bool(_email.get("EMAIL_USE_TLS")), bool(_email.get("EMAIL_USE_SSL"))
EMAIL_TIMEOUT = 10  # a mail server that does not answer must not hold a sign-up for long
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Omni-Stock <no-reply@localhost>")
# filemail:///path writes each mail to a file there (the e2e run reads reset links so).
EMAIL_FILE_PATH = _email.get("EMAIL_FILE_PATH") or ""
# Account mails and invitations are sent by the Celery worker (core/mail.py): a request
# never waits for the mail server, and its timing tells nothing about the address.
MAIL_VIA_WORKER = env.bool("MAIL_VIA_WORKER", default=True)

# Account mails (password reset, address verification) link to the SPA at SITE_URL, e.g.
# https://stock.example.com. Empty: the origin of the request, which ALLOWED_HOSTS vets;
# set it behind a proxy so no Host header can choose where a reset link points.
SITE_URL = env.str("SITE_URL", default="").rstrip("/")
if SITE_URL and not SITE_URL.startswith(("http://", "https://")):
    raise ImproperlyConfigured("SITE_URL must start with http:// or https://.")
try:
    # Seconds a password reset link works (Django's default of 3 days is long for that).
    PASSWORD_RESET_TIMEOUT = env.int("PASSWORD_RESET_TIMEOUT", default=3600)
    EMAIL_VERIFICATION_MAX_AGE = env.int("EMAIL_VERIFICATION_MAX_AGE", default=3 * 86400)
except ValueError as exc:
    raise ImproperlyConfigured(f"Check the account link lifetimes: seconds ({exc}).") from exc
if not (60 <= PASSWORD_RESET_TIMEOUT <= 7 * 86400 and EMAIL_VERIFICATION_MAX_AGE >= 60):
    raise ImproperlyConfigured(
        "PASSWORD_RESET_TIMEOUT must be 60 s to 7 days, EMAIL_VERIFICATION_MAX_AGE >= 60 s."
    )
# Mails a person can ask for (a reset link, a new verification link): per client address
# for the public reset, per user for the resend.
ACCOUNT_MAIL_THROTTLE_RATE = env.str("ACCOUNT_MAIL_THROTTLE_RATE", default="5/hour")
REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"] = {
    **REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"],
    "account_mail": ACCOUNT_MAIL_THROTTLE_RATE,
}

# Content-Security-Policy (django-csp 4), see core.security_headers: the SPA and the admin
# get this one (the SPA's inline theme script allowed by its hash, no other inline script;
# inline styles allowed, since the dialogs' scroll lock injects a <style> element);
# paths in CSP_PATH_POLICIES get theirs (longest prefix wins). Swagger UI and Redoc inject
# styles and Redoc searches in a blob: worker; all their scripts are files we serve.
_CSP = {
    "default-src": ["'self'"], "script-src": ["'self'"], "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:"], "font-src": ["'self'"], "connect-src": ["'self'"],
    "object-src": ["'none'"], "base-uri": ["'none'"], "frame-ancestors": ["'none'"],
    "form-action": ["'self'"],
}  # fmt: skip
_CSP_DOCS = _CSP | {"worker-src": ["'self'", "blob:"]}
CONTENT_SECURITY_POLICY = {"DIRECTIVES": _CSP}
CSP_PATH_POLICIES = {
    "/api/": {"default-src": ["'none'"], "base-uri": ["'none'"], "frame-ancestors": ["'none'"]},
    "/api/docs/": _CSP_DOCS,
    "/api/redoc/": _CSP_DOCS,
}
# Browser features no page of ours uses, denied everywhere (django-permissions-policy).
PERMISSIONS_POLICY: dict[str, tuple[str, ...]] = dict.fromkeys(
    ("accelerometer", "autoplay", "camera", "display-capture", "geolocation", "gyroscope",
     "magnetometer", "microphone", "midi", "payment", "publickey-credentials-get",
     "screen-wake-lock", "serial", "usb", "xr-spatial-tracking"),
    (),
)  # fmt: skip
