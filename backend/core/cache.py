"""The cache backend: Django's Redis cache, with one Redis client per connection pool.

Django's `RedisCacheClient` builds a new `redis.Redis` for every cache call, on the
pool it keeps anyway; building one copies the client's response callbacks and cost
0.1-0.2 ms here — as much as the round trip to Redis it wraps, and every authenticated
request makes at least one call (the revoked-session check). A `redis.Redis` on a
connection pool is safe to share between threads (each command takes a connection
from the pool), and the pool reconnects after a fork."""

from __future__ import annotations

from typing import Any

import redis
from django.core.cache.backends.redis import RedisCache, RedisCacheClient


class _OneClientPerPool(RedisCacheClient):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._clients: dict[int, redis.Redis] = {}

    def get_client(self, key: Any = None, *, write: bool = False) -> redis.Redis:
        # Django's own attributes, which its type stubs leave out.
        pool = self._get_connection_pool(write)  # type: ignore[attr-defined]
        client = self._clients.get(id(pool))
        if client is None:  # two threads may both build one: the first stored is kept
            built = self._client(connection_pool=pool)  # type: ignore[attr-defined]
            client = self._clients.setdefault(id(pool), built)
        return client


class SharedClientRedisCache(RedisCache):
    def __init__(self, server: str, params: dict[str, Any]) -> None:
        super().__init__(server, params)
        self._class = _OneClientPerPool
