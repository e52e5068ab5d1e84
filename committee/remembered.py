"""What a process keeps of what it made, by what made it, up to a number of entries.

For fragments made the same way from the same inputs request after request (the registry's
filter selects, the API's nested summaries), where ``functools.lru_cache`` does not fit: the key
is computed by the caller, and what makes the value is not part of it. When full, everything is
dropped at once: cheaper than an LRU's bookkeeping at every hit, and the entries in use are made
again at their next use. Kept values are shared: they must not be changed.
"""

from __future__ import annotations


class Remembered:
    def __init__(self, limit: int):
        self.limit = limit
        self.entries: dict = {}

    def get(self, key, make):
        """The value kept for ``key``, made by ``make()`` if there is none (or the key cannot be hashed)."""
        try:
            value = self.entries.get(key)
        except TypeError:  # a value that cannot be part of a key (a list, a dict): made, not kept
            return make()
        if value is None:
            value = make()
            if len(self.entries) >= self.limit:
                self.entries.clear()
            self.entries[key] = value
        return value

    def clear(self) -> None:
        self.entries.clear()

    def __len__(self) -> int:
        return len(self.entries)
