"""`--changed-since REV`: the files git says were added or changed since a revision.

Compares the working tree with REV, so committed, staged and unstaged changes all count,
and adds new files git does not ignore. Deleted files are left out.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterable
from pathlib import Path

from lint.errors import KommlintError


class GitError(KommlintError):
    pass


def _git(*args: str) -> list[str]:
    try:
        completed = subprocess.run(["git", *args], capture_output=True, text=True, encoding="utf-8", check=False)
    except FileNotFoundError:
        raise GitError("--changed-since kräver git, men git hittades inte.") from None
    if completed.returncode != 0:
        detail = completed.stderr.strip().splitlines()
        raise GitError(f"git {' '.join(args[:2])} misslyckades: {detail[-1] if detail else 'okänt fel'}")
    return [line for line in completed.stdout.split("\0") if line]


def changed_files(revision: str) -> list[str]:
    """Paths (relative to the current folder) added, copied, modified or renamed since `revision`."""
    changed = _git("diff", "--name-only", "-z", "--relative", "--diff-filter=ACMRT", revision, "--")
    untracked = _git("ls-files", "-z", "--others", "--exclude-standard")
    return sorted(set(changed) | set(untracked))


def _inside(file: Path, folders: list[Path]) -> bool:
    return any(file == folder or folder in file.parents for folder in folders)


def select(linter, revision: str, paths: Iterable[str]) -> list[str]:
    """Changed files under `paths` that kommlint reads and the configuration does not exclude."""
    from lint.formats import supported_extensions

    try:
        _git("rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}")
    except GitError:
        raise GitError(f"Revisionen ”{revision}” finns inte i git-förrådet (eller så är mappen inget git-förråd).") from None
    roots = [Path(p).resolve() for p in paths]
    extensions = supported_extensions()
    chosen = []
    for name in changed_files(revision):
        file = Path(name)
        if file.suffix.lower() not in extensions or not file.is_file() or not _inside(file.resolve(), roots):
            continue
        if linter.settings_for(file).is_excluded(file):
            continue
        chosen.append(name)
    return chosen
