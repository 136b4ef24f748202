"""Baselines (`baseline create`, `check --baseline`) and `check --changed-since`."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess

import pytest
from click.testing import CliRunner

from lint.cli.main import main
from lint.engine.baseline import context_of

OLD = "# Ansökan om bygglov\n\nDu skall skicka in ritningar.\n\nAvgiften betalas icke tillbaka om ansökan\ndras tillbaka.\n"


@pytest.fixture
def site(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("KOMMLINT_CACHE_DIR", str(tmp_path / "cache"))
    (tmp_path / "webb").mkdir()
    (tmp_path / "webb" / "bygglov.md").write_text(OLD, encoding="utf-8")
    return tmp_path


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def check(*args):
    return run("check", *args, "--select", "KLAR003", "--format", "concise")


def create_baseline(*paths):
    return run("baseline", "create", *paths, "-o", "baslinje.json", "--no-cache")


def test_create_records_findings_without_line_numbers(site):
    result = create_baseline("webb")
    assert result.exit_code == 0
    assert result.stdout.startswith("Sparade ") and result.stdout.endswith(" fynd från 1 fil i baslinjen baslinje.json.\n")
    data = json.loads((site / "baslinje.json").read_text(encoding="utf-8"))
    klar003 = [f for f in data["findings"] if f["code"] == "KLAR003"]
    assert sorted(f["match"] for f in klar003) == ["icke", "skall"]
    assert {f["path"] for f in klar003} == {"webb/bygglov.md"}
    assert not any("line" in f for f in data["findings"])


def test_only_new_findings_are_reported(site):
    create_baseline("webb")
    assert check("webb", "--baseline", "baslinje.json").exit_code == 0
    page = site / "webb" / "bygglov.md"
    page.write_text(OLD + "\nBeslutet skall överklagas inom tre veckor.\n", encoding="utf-8")
    result = check("webb", "--baseline", "baslinje.json")
    assert result.exit_code == 1
    assert [line.split(" ", 2)[:2] for line in result.stdout.splitlines()] == [["webb/bygglov.md:8:10:", "KLAR003"]]


def test_moving_text_around_does_not_resurface_old_findings(site):
    create_baseline("webb")
    moved = (
        "# Ansökan om bygglov\n\n"
        "Läs det här först. Det finns mer information på webbplatsen.\n\n"
        "Avgiften betalas icke tillbaka\nom ansökan dras tillbaka.\n\n"
        "## Ritningar\n\n"
        "   Du skall skicka in ritningar.\n"
    )
    (site / "webb" / "bygglov.md").write_text(moved, encoding="utf-8")
    result = check("webb", "--baseline", "baslinje.json")
    assert result.exit_code == 0, result.stdout
    assert "2 fynd finns redan i baslinjen" in run("check", "webb", "--select", "KLAR003", "--baseline", "baslinje.json").stdout


def test_a_copied_sentence_is_new(site):
    create_baseline("webb")
    (site / "webb" / "bygglov.md").write_text(OLD + "\nDu skall skicka in ritningar.\n", encoding="utf-8")
    result = check("webb", "--baseline", "baslinje.json")
    assert result.stdout.count("KLAR003") == 1


def test_context_is_the_sentence_with_whitespace_collapsed():
    source = "Första meningen. Du skall\n  svara nu. Sista."
    start = source.index("skall")
    assert context_of(source, start, start + 5) == "Du skall svara nu."


@pytest.mark.parametrize("umask", [0o022, 0o002])
def test_a_new_baseline_gets_the_permissions_the_umask_allows(site, umask):
    previous = os.umask(umask)
    try:
        assert create_baseline("webb").exit_code == 0
    finally:
        os.umask(previous)
    assert stat.S_IMODE((site / "baslinje.json").stat().st_mode) == 0o666 & ~umask


def test_recreating_a_baseline_keeps_its_permissions(site):
    create_baseline("webb")
    os.chmod(site / "baslinje.json", 0o640)
    assert create_baseline("webb").exit_code == 0
    assert stat.S_IMODE((site / "baslinje.json").stat().st_mode) == 0o640


def test_missing_baseline_is_a_clear_error(site):
    result = check("webb", "--baseline", "finns-inte.json")
    assert result.exit_code == 2
    assert "Baslinjen finns-inte.json finns inte" in result.stderr


@pytest.mark.parametrize(
    ("text", "position", "problem"),
    [
        ('{\n  "version": 1,\n  findings: []\n}\n', "3:3", "ett fältnamn inom dubbla citattecken saknas"),
        ('{"version": 1 "findings": []}', "1:15", "ett kommatecken saknas"),
        ("", "1:1", "ett värde saknas"),
    ],
)
def test_a_broken_baseline_is_reported_in_swedish_with_line_and_column(site, text, position, problem):
    (site / "trasig.json").write_text(text, encoding="utf-8")
    result = check("webb", "--baseline", "trasig.json")
    assert result.exit_code == 2
    assert f"trasig.json:{position}: baslinjen är inte giltig JSON: {problem}." in result.stderr
    assert "Expecting" not in result.stderr


# --changed-since --------------------------------------------------------------------


def git(*args, cwd):
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


@pytest.mark.skipif(shutil.which("git") is None, reason="git saknas")
def test_changed_since_lints_only_changed_files(site):
    git("init", "-q", cwd=site)
    git("-c", "user.name=Test", "-c", "user.email=test@example.org", "add", "webb", cwd=site)
    git("-c", "user.name=Test", "-c", "user.email=test@example.org", "commit", "-q", "-m", "start", cwd=site)
    (site / "webb" / "ny.md").write_text("Ni skall svara.\n", encoding="utf-8")
    (site / "webb" / "bild.png").write_bytes(b"\x89PNG")
    result = check("webb", "--changed-since", "HEAD")
    assert result.exit_code == 1
    assert [line.split(" ", 2)[:2] for line in result.stdout.splitlines()] == [["webb/ny.md:1:4:", "KLAR003"]]
    (site / "webb" / "ny.md").unlink()
    nothing = check("webb", "--changed-since", "HEAD")
    assert nothing.exit_code == 0 and "inga ändrade filer" in nothing.stderr
    unknown = check("webb", "--changed-since", "finns-inte")
    assert unknown.exit_code == 2 and "Revisionen ”finns-inte” finns inte" in unknown.stderr


def test_whole_document_findings_survive_an_edit_of_the_heading_they_are_anchored_on(site):
    def missing_elements(*args):
        return run("check", "webb", "--select", "AVS001,AVS004", "--format", "concise", "--no-cache", *args)

    before = missing_elements()
    assert [line.split()[1] for line in before.stdout.splitlines()] == ["AVS001", "AVS004"]
    create_baseline("webb")
    page = site / "webb" / "bygglov.md"
    page.write_text(OLD.replace("# Ansökan om bygglov", "# Så ansöker du om bygglov för altan"), encoding="utf-8")
    after = missing_elements("--baseline", "baslinje.json")
    assert after.exit_code == 0, after.stdout
    assert after.stdout == ""


def test_a_whole_document_finding_is_new_when_the_profile_changes(site):
    create_baseline("webb")
    result = run(
        "check", "webb", "--select", "AVS001", "--format", "concise", "--no-cache", "--profile", "brev", "--baseline", "baslinje.json"
    )
    assert result.exit_code == 1
    assert result.stdout.split()[1] == "AVS001"
