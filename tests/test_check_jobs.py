"""`check --jobs N`: the same report, notices and exit code as `--jobs 1`."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PAGES = {
    "a/ansokan.md": "# Ansök om bygglov\n\nDu kan erhålla bygglov om du skickar in ansökan i enlighet med reglerna.\n",
    "a/beslut.md": "# Beslut\n\nNämnden beslutade att bevilja ansökan. Beslutet kan överklagas.\n",
    "b/tom.md": "# Rubrik\n\nKort text utan fynd som alla kan läsa.\n",
    "b/trasig.md": "---\nsjalv: &x [*x]\n---\n\n# Sida\n\nHär står det erhålla igen.\n",  # refused front matter: a notice
    "c.md": "# Öppettider\n\nBiblioteket är öppet måndag till fredag. Ring oss innan du kommer.\n",
}


def _write(folder: Path) -> None:
    for name, text in PAGES.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")


def _check(folder: Path, *args: str) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "lint", "check", "a", "c.md", "b", "--ignore", "SPR", *args]
    return subprocess.run(command, capture_output=True, text=True, cwd=folder, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})


@pytest.mark.parametrize("output_format", ["text", "json"])
def test_two_jobs_report_what_one_job_reports(tmp_path, output_format):
    _write(tmp_path)
    one = _check(tmp_path, "--no-cache", "--jobs", "1", "--format", output_format)
    two = _check(tmp_path, "--no-cache", "--jobs", "2", "--format", output_format)
    assert one.returncode == 1, one.stderr
    assert "ansokan.md" in one.stdout and "trasig.md: Metadata (front matter) lästes inte" in one.stdout
    assert (two.stdout, two.stderr, two.returncode) == (one.stdout, one.stderr, one.returncode)


def test_two_jobs_with_a_half_filled_cache_report_what_one_job_reports(tmp_path):
    _write(tmp_path)
    cache = str(tmp_path / "cache")
    subprocess.run(
        [sys.executable, "-m", "lint", "check", "a/beslut.md", "b/trasig.md", "--cache-dir", cache],
        cwd=tmp_path,
        capture_output=True,
        env={"PYTHONPATH": str(ROOT)},
    )
    reference = _check(tmp_path, "--no-cache", "--jobs", "1")
    two = _check(tmp_path, "--cache-dir", cache, "--jobs", "2")
    again = _check(tmp_path, "--cache-dir", cache, "--jobs", "2")  # every file from the cache now
    assert (two.stdout, two.returncode) == (reference.stdout, reference.returncode)
    assert (again.stdout, again.returncode) == (reference.stdout, reference.returncode)


def test_an_error_in_a_worker_stops_the_run_as_with_one_job(tmp_path):
    _write(tmp_path)
    (tmp_path / "kommlint.toml").write_text('select = ["NOPE999"]\n', encoding="utf-8")
    one = _check(tmp_path, "--no-cache", "--jobs", "1")
    two = _check(tmp_path, "--no-cache", "--jobs", "2")
    assert one.returncode == 2 and "NOPE999" in one.stderr
    assert (two.stdout, two.stderr, two.returncode) == (one.stdout, one.stderr, one.returncode)
