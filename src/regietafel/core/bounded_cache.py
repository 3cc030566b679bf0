"""A thread-safe least-recently-used cache bounded by entries and by size, computing each
key once even when many requests ask for it at the same moment (single flight).

Shared by the chart engine (an SVG per canonical spec), the page cache (a rendered page per
reader and data generation), the weekly figures (per data identity) and the forecast runs
(per run key): all hold values that are expensive to make and identical for everyone who asks
with the same key. Charts and pages are bounded by size too; the others by count.
"""

from __future__ import annotations

import sys
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from concurrent.futures import Future
from typing import Generic, TypeVar

V = TypeVar("V")


class BoundedCache(Generic[V]):
    """At most ``max_entries`` values and ``max_bytes`` (as ``size`` measures them)."""

    def __init__(self, max_entries: int, max_bytes: int, size: Callable[[V], int]) -> None:
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self._size = size
        self._entries: OrderedDict[Hashable, V] = OrderedDict()
        self._bytes = 0
        self._pending: dict[Hashable, Future[V | None]] = {}
        self._lock = threading.Lock()
        self.computed = 0  # how many times a value was actually made (tests, benchmarks)

    @classmethod
    def by_count(cls, max_entries: int) -> BoundedCache[V]:
        """Bounded by the number of entries only (values of about the same, known size)."""
        return cls(max_entries, sys.maxsize, _no_size)

    def get(self, key: Hashable) -> V | None:
        with self._lock:
            value = self._entries.get(key)
            if value is not None:
                self._entries.move_to_end(key)
            return value

    def get_or_compute(self, key: Hashable, compute: Callable[[], V | None]) -> V | None:
        """The value of ``key``, made by ``compute`` once while others wait for it.

        ``compute`` may answer ``None`` for "not cacheable this time"; nothing is stored and
        a request that waited for it computes its own value.
        """
        with self._lock:
            cached = self._entries.get(key)
            if cached is not None:
                self._entries.move_to_end(key)
                return cached
            pending = self._pending.get(key)
            if pending is None:
                future: Future[V | None] = Future()
                self._pending[key] = future
                self.computed += 1
        if pending is not None:
            waited = pending.result()  # another thread makes this value right now
            return waited if waited is not None else compute()
        try:
            value = compute()
        except BaseException as exc:
            with self._lock:
                del self._pending[key]
            future.set_exception(exc)
            raise
        with self._lock:
            del self._pending[key]
            if value is not None:
                self._store(key, value)
        future.set_result(value)
        return value

    def value(self, key: Hashable, compute: Callable[[], V]) -> V:
        """:meth:`get_or_compute` for a ``compute`` that always gives a value."""
        result = self.get_or_compute(key, compute)
        if result is None:  # only a compute that answers None can give None
            raise TypeError("compute gaf geen waarde")
        return result

    def put(self, key: Hashable, value: V) -> None:
        with self._lock:
            self._store(key, value)

    def _store(self, key: Hashable, value: V) -> None:
        size = self._size(value)
        if size > self.max_bytes:
            return
        old = self._entries.pop(key, None)
        if old is not None:
            self._bytes -= self._size(old)
        self._entries[key] = value
        self._bytes += size
        while len(self._entries) > self.max_entries or self._bytes > self.max_bytes:
            _, dropped = self._entries.popitem(last=False)
            self._bytes -= self._size(dropped)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self._bytes = 0
            self.computed = 0

    def __len__(self) -> int:
        return len(self._entries)


def _no_size(_value: object) -> int:
    return 0
