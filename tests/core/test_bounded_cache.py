"""The one bounded cache behind charts, pages, weekly figures and forecast runs."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from regietafel.core.bounded_cache import BoundedCache


def test_by_count_keeps_the_most_recently_used() -> None:
    cache: BoundedCache[str] = BoundedCache.by_count(2)
    assert cache.value("a", lambda: "A") == "A"
    assert cache.value("b", lambda: "B") == "B"
    assert cache.get("a") == "A"  # a is now the most recent
    cache.put("c", "C")  # pushes out b, the least recently used
    assert cache.get("b") is None
    assert (cache.get("a"), cache.get("c"), len(cache)) == ("A", "C", 2)


def test_value_is_computed_once_per_key_even_by_many_threads() -> None:
    cache: BoundedCache[int] = BoundedCache.by_count(8)
    started = threading.Event()
    release = threading.Event()
    calls = []

    def slow() -> int:
        calls.append(1)
        started.set()
        release.wait(120)
        return 42

    # One worker each for the slow call, the three that wait for it and the other key.
    with ThreadPoolExecutor(max_workers=5) as pool:
        first = pool.submit(cache.value, "k", slow)
        started.wait(120)
        others = [pool.submit(cache.value, "k", slow) for _ in range(3)]
        other_key = pool.submit(cache.value, "other", lambda: 7)
        assert other_key.result(120) == 7  # another key is not held up by the slow one
        release.set()
        assert [f.result(120) for f in (first, *others)] == [42] * 4
    assert len(calls) == 1
    assert cache.computed == 2


def test_a_failed_computation_is_not_kept() -> None:
    cache: BoundedCache[int] = BoundedCache.by_count(2)

    def broken() -> int:
        raise ValueError("kapot")

    with pytest.raises(ValueError, match="kapot"):
        cache.value("k", broken)
    assert cache.get("k") is None
    assert cache.value("k", lambda: 3) == 3
