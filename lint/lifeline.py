"""Worker processes that end when the process that started them is gone.

A pool worker waits for work forever. When its parent is killed (kill -9 leaves no time
to stop the pool), the worker would keep its memory (a loaded pipeline, ~150 MB) long
after: so each worker watches its parent and exits once it has been orphaned.
"""

from __future__ import annotations

import os
import threading
import time

CHECK_SECONDS = 0.5


def watch_parent(parent: int) -> None:
    """Exit this process soon after process `parent` has ended (call in the worker)."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(CHECK_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="kommlint-parent-watch", daemon=True).start()
