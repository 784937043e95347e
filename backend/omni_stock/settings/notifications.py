"""Encrypted fields (core.encryption) and notifications: see docs/notifications.md."""

from __future__ import annotations

from django.core.exceptions import ImproperlyConfigured

from omni_stock.settings.base import DEBUG, SECRET_KEY, SPECTACULAR_SETTINGS, env

# --- Encrypted fields (core.encryption) --------------------------------------------------
# Fernet keys, comma-separated, newest first: the first encrypts, all decrypt (rotation:
# docs/operations.md, "Encryption keys"). Generate one with
#   python -c "from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())"
# DEBUG without keys derives a development key from SECRET_KEY: never in production, where
# a missing key stops start-up (and losing the key loses every stored secret).
FIELD_ENCRYPTION_KEYS = [
    k.strip() for k in env.list("FIELD_ENCRYPTION_KEYS", default=[]) if k.strip()
]
if not FIELD_ENCRYPTION_KEYS:
    if not DEBUG:
        raise ImproperlyConfigured(
            "FIELD_ENCRYPTION_KEYS is not set. With DEBUG off the app refuses to start without "
            'a key for the secrets it stores. Generate one with: python -c "from '
            'cryptography.fernet import Fernet; print(Fernet.generate_key().decode())"'
        )
    from core.encryption import development_key

    FIELD_ENCRYPTION_KEYS = [development_key(SECRET_KEY)]
else:
    from core.encryption import key_problem

    for _key in FIELD_ENCRYPTION_KEYS:
        if _problem := key_problem(_key):
            raise ImproperlyConfigured(f"FIELD_ENCRYPTION_KEYS: {_problem}.")

# --- Notifications -----------------------------------------------------------------------
# Delivery attempts per notification and channel before it is marked failed; waits between
# them double from NOTIFICATION_RETRY_BASE_SECONDS up to NOTIFICATION_RETRY_MAX_SECONDS.
NOTIFICATION_MAX_ATTEMPTS = env.int("NOTIFICATION_MAX_ATTEMPTS", default=6)
NOTIFICATION_RETRY_BASE_SECONDS = env.int("NOTIFICATION_RETRY_BASE_SECONDS", default=60)
NOTIFICATION_RETRY_MAX_SECONDS = env.int("NOTIFICATION_RETRY_MAX_SECONDS", default=6 * 3600)
# Seconds one push (Apprise) may take before it counts as a timeout (a transient failure).
NOTIFICATION_PUSH_TIMEOUT_SECONDS = env.float("NOTIFICATION_PUSH_TIMEOUT_SECONDS", default=10.0)
# "Send test": a worker sends it (queue `interactive`) while someone waits, at most this
# long (the web answers 503 `check_unavailable` after it), and it is throttled per user.
NOTIFICATION_TEST_DEADLINE_SECONDS = env.float("NOTIFICATION_TEST_DEADLINE_SECONDS", default=15.0)
NOTIFICATION_TEST_THROTTLE_RATE = env.str("NOTIFICATION_TEST_THROTTLE_RATE", default="6/min")
NOTIFICATION_MAX_CHANNELS_PER_USER = env.int("NOTIFICATION_MAX_CHANNELS_PER_USER", default=20)

_rate_count, _, _rate_period = NOTIFICATION_TEST_THROTTLE_RATE.partition("/")
if not (
    1 <= NOTIFICATION_MAX_ATTEMPTS <= 20
    and 1 <= NOTIFICATION_RETRY_BASE_SECONDS <= NOTIFICATION_RETRY_MAX_SECONDS
    and 1 <= NOTIFICATION_PUSH_TIMEOUT_SECONDS <= 60
    and 1 <= NOTIFICATION_TEST_DEADLINE_SECONDS <= 60
    and NOTIFICATION_MAX_CHANNELS_PER_USER >= 1
    and _rate_count.isdigit()
    and _rate_period[:1] in ("s", "m", "h", "d")
):
    raise ImproperlyConfigured(
        "Check the notification settings: NOTIFICATION_MAX_ATTEMPTS 1-20, 1 <= "
        "NOTIFICATION_RETRY_BASE_SECONDS <= NOTIFICATION_RETRY_MAX_SECONDS, "
        "NOTIFICATION_PUSH_TIMEOUT_SECONDS 1-60, NOTIFICATION_TEST_DEADLINE_SECONDS 1-60, "
        "NOTIFICATION_MAX_CHANNELS_PER_USER >= 1, "
        "NOTIFICATION_TEST_THROTTLE_RATE like 6/min."
    )

SPECTACULAR_SETTINGS["ENUM_NAME_OVERRIDES"].update(  # type: ignore[attr-defined]
    {
        "ChannelKindEnum": "notifications.models.ChannelKind",
        "ChannelModeEnum": "notifications.models.ChannelMode",
        "DeliveryStatusEnum": "notifications.models.DeliveryStatus",
    }
)
# --- end of notifications ----------------------------------------------------------------
