"""One unexpected error in a reader must cost one file, not the whole run."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TypeVar

from lint.errors import KommlintError, ReadError

F = TypeVar("F", bound=Callable)


def reader_errors(what: str) -> Callable[[F], F]:
    """Turn an unexpected exception in a reader into a ReadError naming the format."""

    def wrap(function: F) -> F:
        @functools.wraps(function)
        def guarded(*args, **kwargs):
            try:
                return function(*args, **kwargs)
            except KommlintError:
                raise
            except RecursionError:
                raise ReadError(f"{what} är för djupt nästlad för att läsas.") from None
            except Exception as error:  # a broken file can fail deep inside a parser
                raise ReadError(f"{what} går inte att läsa ({type(error).__name__}: {error}).") from None

        return guarded  # type: ignore[return-value]

    return wrap
