"""Pausing Python's cyclic garbage collector around allocation-heavy steps."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collection_paused() -> Iterator[None]:
    """Pause the cyclic collector for the block, then resume it if it was on.

    Reading a document and running the rules each create tens of thousands of small
    objects that form no reference cycles; every automatic collection meanwhile would walk
    every object in the process (a loaded language model and the parsed docs included)
    and free nothing.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
