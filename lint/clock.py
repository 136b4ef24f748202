"""Today's date for rules that judge age (a statement's review date, a birth date).

SOURCE_DATE_EPOCH (the reproducible-builds convention) fixes the day, so that runs and
tests give the same findings whatever day they run.
"""

from __future__ import annotations

import os
from datetime import UTC, date, datetime


def today() -> date:
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), UTC).date()
    return date.today()
