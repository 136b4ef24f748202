"""A guard for tests about hangs: run code in a fresh interpreter that must finish.

The bound is no timing claim. Inputs are sized so that the quadratic behaviour the test
guards against would take minutes, while the linear code takes a second or two; the
timeout only keeps a regression from hanging the suite.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GUARD = 20.0  # seconds


def run_bounded(code: str, timeout: float = GUARD, **inputs) -> object:
    """Run `code` (which reads INPUTS and prints one JSON value) and return that value."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    program = f"import json, sys\nINPUTS = json.loads(sys.stdin.read())\n{code}"
    try:
        done = subprocess.run(
            [sys.executable, "-c", program],
            input=json.dumps(inputs),
            capture_output=True,
            text=True,
            timeout=timeout,
            cwd=ROOT,
            env=env,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"did not finish within {timeout:.0f} s: the work is not bounded")
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


READ = """
from lint.formats import read_bytes
document = read_bytes(INPUTS["data"].encode("utf-8", "surrogatepass"), INPUTS["name"])
print(json.dumps([[b.text[:200], len(b.text), b.source_offset(0)] for b in document.blocks]))
"""


def read_bounded(data: str, name: str) -> list:
    """[first 200 characters, length, source offset] of each block, read in a fresh process."""
    return run_bounded(READ, data=data, name=name)
