"""Each reporter's exact output on one fixed document (snapshots under tests/snapshots/reporters).

Set KOMMLINT_UPDATE_SNAPSHOTS=1 to write the snapshots anew after an intended change, and
read the diff before committing it.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from lint.cli.main import main

SNAPSHOTS = Path(__file__).parent / "snapshots" / "reporters"
SELECT = "KLAR001,KLAR009,AVS005,TILL008"
FORMATS = ["text", "concise", "json", "sarif", "github", "junit"]


def _normalised(output_format: str, output: str) -> str:
    if output_format == "json":
        data = json.loads(output)
        data["tool"]["version"] = "X"
        return json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    if output_format == "sarif":
        run = json.loads(output)["runs"][0]
        run["tool"] = {"name": run["tool"]["driver"]["name"]}  # rule metadata is tested elsewhere
        run["originalUriBaseIds"] = "X"
        return json.dumps(run, ensure_ascii=False, indent=1) + "\n"
    return re.sub(r"kommlint \d+\.\d+\.\d+", "kommlint X", output)


@pytest.mark.parametrize("output_format", FORMATS)
def test_reporter_output_matches_snapshot(output_format, monkeypatch):
    monkeypatch.chdir(SNAPSHOTS)
    args = ["check", "utkast.md", "--format", output_format, "--no-cache", "--no-color", "--select", SELECT]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1, result.output
    output = _normalised(output_format, result.output)
    snapshot = SNAPSHOTS / f"{output_format}.snapshot"
    if os.environ.get("KOMMLINT_UPDATE_SNAPSHOTS"):
        snapshot.write_text(output, encoding="utf-8")
    assert output == snapshot.read_text(encoding="utf-8")
