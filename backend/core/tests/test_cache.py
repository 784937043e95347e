"""`core.cache`: Django's Redis cache, sharing one Redis client per connection pool."""

import threading
import uuid

from django.core.cache import cache


def test_values_set_from_many_threads_are_read_back_through_one_client():
    prefix = f"test-cache-{uuid.uuid4().hex}"
    errors: list[BaseException] = []

    def work(n: int) -> None:
        try:
            for i in range(20):
                cache.set(f"{prefix}:{n}:{i}", (n, i), timeout=30)
                assert cache.get(f"{prefix}:{n}:{i}") == (n, i)
        except BaseException as error:  # reported by the main thread
            errors.append(error)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    keys = [f"{prefix}:{n}:{i}" for n in range(8) for i in range(20)]
    assert cache.get_many(keys) == {
        f"{prefix}:{n}:{i}": (n, i) for n in range(8) for i in range(20)
    }
    cache.delete_many(keys)
    assert cache.get_many(keys) == {}
    # Every call went through the same client (Django's own backend builds one per call).
    client = cache._cache.get_client()
    assert cache._cache.get_client(write=True) is client
