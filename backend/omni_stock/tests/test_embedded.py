"""The embedded servers that let `make run` / `make test` work with nothing installed."""

from pathlib import Path

import psycopg
import pytest
import redis

from omni_stock import embedded


@pytest.fixture
def short_tmp(tmp_path_factory) -> Path:
    # Unix socket paths are limited to ~107 bytes; pytest's tmp paths can be long.
    return Path(tmp_path_factory.mktemp("emb", numbered=True))


def test_embedded_redis_starts_answers_and_is_reused(short_tmp):
    url = embedded.redis_url(short_tmp)

    client = redis.Redis.from_url(url)
    assert client.ping()
    client.set("omni-test", "1")
    # A second caller finds the live socket instead of starting another server.
    assert embedded.redis_url(short_tmp) == url
    assert redis.Redis.from_url(url).get("omni-test") == b"1"


def test_embedded_redis_never_listens_on_tcp(short_tmp):
    url = embedded.redis_url(short_tmp)

    # Port 0 disables TCP, so it cannot collide with a Redis already on 6379.
    assert redis.Redis.from_url(url).config_get("port") == {"port": "0"}
    assert (short_tmp / "redis" / "redis.sock").is_socket()


def test_redis_probe_says_no_for_a_dead_socket(short_tmp):
    dead = short_tmp / "dead.sock"
    dead.touch()

    assert not embedded._redis_answers(dead)


def test_embedded_postgres_serves_a_real_database(short_tmp):
    config = embedded.postgres_settings(short_tmp)

    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert config["HOST"].startswith(str(short_tmp))
    with psycopg.connect(host=config["HOST"], user="postgres", dbname=config["NAME"]) as conn:
        version = conn.execute("SHOW server_version").fetchone()
    assert version is not None
    assert int(version[0].split(".")[0]) >= 15


def test_embedded_postgres_refuses_a_too_deep_data_directory(tmp_path):
    deep = tmp_path / ("x" * 120)

    with pytest.raises(RuntimeError, match="too deep"):
        embedded.postgres_settings(deep)


@pytest.mark.parametrize(
    ("redis_url", "broker_url"),
    [
        (
            "unix:///srv/omni/.data/redis/redis.sock?db=0",
            "redis+socket:///srv/omni/.data/redis/redis.sock?virtual_host=0",
        ),
        ("unix:///tmp/r.sock?db=3", "redis+socket:///tmp/r.sock?virtual_host=3"),
        ("redis://127.0.0.1:6379/0", "redis://127.0.0.1:6379/0"),
    ],
)
def test_celery_gets_a_broker_url_kombu_understands(redis_url, broker_url):
    assert embedded.celery_broker_url(redis_url) == broker_url


def test_a_celery_connection_reaches_the_embedded_redis(short_tmp):
    from kombu import Connection

    url = embedded.celery_broker_url(embedded.redis_url(short_tmp))

    with Connection(url, connect_timeout=3) as connection:
        connection.ensure_connection(max_retries=1)
        assert connection.connected
