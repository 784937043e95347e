"""Secrets at rest: encrypted in the database, readable with any listed key, rotatable."""

import os
import subprocess
import sys

import pytest
from cryptography.fernet import Fernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.db import connection

from notifications.factories import ChannelFactory
from notifications.models import Channel

SECRET = "ntfy://ntfy.example.com/my-secret-topic"
PRODUCTION_ENV = {
    "DEBUG": "false",
    "SECRET_KEY": "k" * 20 + "Zx9-Qw8_Er7Ty6Ui5Op4As3Df2Gh1Jk0LmNbVcXz" + "p" * 10,
    "ALLOWED_HOSTS": "omni.example.com",
}


def run_manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY"}}
    return subprocess.run(
        [sys.executable, str(settings.BACKEND_DIR / "manage.py"), *args],
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def raw_url(channel: Channel) -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT apprise_url FROM notifications_channel WHERE id = %s", [channel.pk])
        return cursor.fetchone()[0]


@pytest.mark.django_db
def test_the_database_holds_a_token_not_the_url():
    channel = ChannelFactory(kind="apprise", apprise_url=SECRET)

    stored = raw_url(channel)
    assert "secret-topic" not in stored
    assert "ntfy" not in stored
    assert Channel.objects.get(pk=channel.pk).apprise_url == SECRET


@pytest.mark.django_db
def test_rotation_re_encrypts_with_the_new_key_so_the_old_one_can_go(settings):
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    settings.FIELD_ENCRYPTION_KEYS = [old]
    channel = ChannelFactory(kind="apprise", apprise_url=SECRET)
    before = raw_url(channel)

    settings.FIELD_ENCRYPTION_KEYS = [new, old]
    assert Channel.objects.get(pk=channel.pk).apprise_url == SECRET  # old still decrypts
    call_command("rotate_encryption_keys")

    assert raw_url(channel) != before
    settings.FIELD_ENCRYPTION_KEYS = [new]
    assert Channel.objects.get(pk=channel.pk).apprise_url == SECRET


@pytest.mark.django_db
def test_a_value_no_listed_key_decrypts_is_a_clear_error(settings):
    settings.FIELD_ENCRYPTION_KEYS = [Fernet.generate_key().decode()]
    channel = ChannelFactory(kind="apprise", apprise_url=SECRET)
    settings.FIELD_ENCRYPTION_KEYS = [Fernet.generate_key().decode()]

    with pytest.raises(ImproperlyConfigured, match="rotate_encryption_keys"):
        Channel.objects.get(pk=channel.pk)


def test_production_refuses_to_start_without_an_encryption_key():
    result = run_manage("check", env={**PRODUCTION_ENV, "FIELD_ENCRYPTION_KEYS": ""})

    assert result.returncode != 0
    assert "FIELD_ENCRYPTION_KEYS is not set" in result.stderr


def test_a_key_that_is_not_a_fernet_key_stops_start_up():
    result = run_manage("check", env={**PRODUCTION_ENV, "FIELD_ENCRYPTION_KEYS": "not-a-key"})

    assert result.returncode != 0
    assert "32 url-safe base64-encoded bytes" in result.stderr
