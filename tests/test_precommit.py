"""The pre-commit hook, end to end: pre-commit installs kommlint from this repository.

SLOW (marked `precommit`): pre-commit builds its own virtual environment and installs
kommlint and its dependencies (spaCy …) from the package index into it, which takes a
minute or two. It happens once; both commits below use that environment. Deselect with
`pytest -m "not precommit"`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BAD = "# Ansökan\n\nDu skall skicka in ansökan senast den 1 maj.\n"
CLEAN = "# Ansökan\n\nDu ska skicka in ansökan senast den 1 maj.\n"

pytestmark = pytest.mark.precommit


def _head() -> str | None:
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        return None
    done = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    if done.returncode != 0:
        return None
    listed = subprocess.run(["git", "ls-files", "--error-unmatch", ".pre-commit-hooks.yaml"], cwd=ROOT, capture_output=True)
    return done.stdout.strip() if listed.returncode == 0 else None


@pytest.fixture(scope="module")
def repository(tmp_path_factory):
    pytest.importorskip("pre_commit", reason="pre-commit är inte installerat (pip install '.[test]')")
    revision = _head()
    if revision is None:
        pytest.skip("kommlint-förrådet är inget git-förråd med .pre-commit-hooks.yaml i HEAD")
    folder = tmp_path_factory.mktemp("webbplats")
    home = tmp_path_factory.mktemp("pre-commit-home")
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(home),
        "KOMMLINT_CACHE_DIR": str(home / "kommlint-cache"),
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "test@example.org",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@example.org",
        "PRE_COMMIT_COLOR": "never",
    }
    (folder / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {ROOT.as_posix()}\n    rev: {revision}\n    hooks:\n      - id: kommlint\n", encoding="utf-8"
    )
    # Only the rule under test, so the outcome does not depend on other rule packs.
    (folder / "kommlint.toml").write_text('select = ["KLAR003"]\n', encoding="utf-8")
    subprocess.run(["git", "init", "-q"], cwd=folder, env=env, check=True)
    subprocess.run([sys.executable, "-m", "pre_commit", "install"], cwd=folder, env=env, check=True, capture_output=True)
    subprocess.run(["git", "add", ".pre-commit-config.yaml", "kommlint.toml"], cwd=folder, env=env, check=True)
    return folder, env


def commit(folder: Path, env: dict, name: str, text: str) -> subprocess.CompletedProcess:
    (folder / name).write_text(text, encoding="utf-8")
    subprocess.run(["git", "add", name], cwd=folder, env=env, check=True)
    return subprocess.run(
        ["git", "commit", "-q", "-m", f"Lägg till {name}"], cwd=folder, env=env, capture_output=True, text=True, timeout=1200
    )


def test_commit_with_findings_is_refused_and_clean_commit_passes(repository):
    folder, env = repository
    refused = commit(folder, env, "ansokan.md", BAD)
    output = refused.stdout + refused.stderr
    assert refused.returncode != 0, output
    assert "kommlint" in output and "Failed" in output
    assert "ansokan.md:3:4: KLAR003 [varning] Ålderdomlig form: skriv ”ska” i stället för ”skall”." in output
    assert subprocess.run(["git", "rev-parse", "--verify", "-q", "HEAD"], cwd=folder, capture_output=True).returncode != 0

    accepted = commit(folder, env, "ansokan.md", CLEAN)
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
    log = subprocess.run(["git", "log", "--format=%s"], cwd=folder, capture_output=True, text=True).stdout
    assert log.strip() == "Lägg till ansokan.md"
