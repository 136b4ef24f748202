"""A CheckService that sleeps on request, to hold a worker of the serve pool (issue 20 tests).

A helper module (no tests of its own); the pool's spawned workers import it by name.
"""

from __future__ import annotations

import time

from lint.serve.service import CheckService

SLEEP_WORD = "SOVANDE"


class SlowService(CheckService):
    def check_text(self, text: str, format: str = "text", profile: str | None = None):
        if SLEEP_WORD in text:
            time.sleep(600)
        return super().check_text(text, format, profile)
