"""Issue 20, --fix: only the text changes, never what the file is (line endings, links,
owner), a read-only file is refused, and no temporary file is left behind."""

from __future__ import annotations

import os

import pytest
from click.testing import CliRunner

from lint.cli.main import main
from lint.engine import writing

BEFORE = "Du erhåller svar."
AFTER = "Du får svar."


def fix(*paths) -> object:
    return CliRunner().invoke(main, ["check", "--fix", "--no-cache", "--select", "KLAR001", *map(str, paths)])


@pytest.mark.parametrize(
    ("ends", "name"),
    [(("\r\n", "\n", "\r"), "mixed"), (("\r", "\r", "\r"), "cr-only"), (("\r\n", "\r\n", ""), "crlf-no-final")],
)
def test_line_endings_are_kept_exactly(tmp_path, ends, name):
    path = tmp_path / f"{name}.txt"
    lines = [BEFORE, "Rad två.", "Vi erhåller."]
    path.write_bytes("".join(line + end for line, end in zip(lines, ends)).encode())
    fix(path)
    fixed = [AFTER, "Rad två.", "Vi får."]
    assert path.read_bytes() == "".join(line + end for line, end in zip(fixed, ends)).encode()


def test_a_symbolic_link_stays_a_link_and_its_target_is_fixed(tmp_path):
    target = tmp_path / "original.txt"
    target.write_text(BEFORE + "\n", encoding="utf-8")
    link = tmp_path / "lank.txt"
    link.symlink_to(target)
    fix(link)
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_text(encoding="utf-8") == AFTER + "\n"


def test_hard_links_share_the_fix(tmp_path):
    first = tmp_path / "a.txt"
    first.write_text(BEFORE + "\n", encoding="utf-8")
    second = tmp_path / "b.txt"
    os.link(first, second)
    fix(first)
    assert os.stat(first).st_ino == os.stat(second).st_ino
    assert second.read_text(encoding="utf-8") == AFTER + "\n"


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="changing a file's owner needs root")
def test_owner_and_group_are_kept(tmp_path):
    path = tmp_path / "annans.txt"
    path.write_text(BEFORE + "\n", encoding="utf-8")
    os.chown(path, 4321, 4322)
    fix(path)
    info = os.stat(path)
    assert (info.st_uid, info.st_gid) == (4321, 4322)
    assert path.read_text(encoding="utf-8") == AFTER + "\n"


def test_a_read_only_file_is_refused_with_a_message(tmp_path):
    path = tmp_path / "last.txt"
    path.write_text(BEFORE + "\n", encoding="utf-8")
    path.chmod(0o444)
    result = fix(path)
    assert path.read_text(encoding="utf-8") == BEFORE + "\n"
    assert f"{path}: filen är skrivskyddad; --fix ändrar den inte." in result.output


def test_a_failed_write_leaves_no_temporary_file(tmp_path, monkeypatch):
    path = tmp_path / "a.txt"
    path.write_text(BEFORE + "\n", encoding="utf-8")

    def broken(source, target):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(writing.os, "replace", broken)
    fix(path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]
    assert path.read_text(encoding="utf-8") == BEFORE + "\n"


def test_temporary_files_of_a_killed_writer_are_removed(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(BEFORE + "\n", encoding="utf-8")
    dead = 2**22 + 12345  # above the default pid_max: no such process
    stale = tmp_path / f".a.txt.{dead}.x1y2z3.kommlint-tmp"
    stale.write_bytes(b"halv fil")
    other = tmp_path / ".annan.txt.1.abc.kommlint-tmp"  # another file's: left alone
    other.write_bytes(b"")
    fix(path)
    assert sorted(p.name for p in tmp_path.iterdir()) == [".annan.txt.1.abc.kommlint-tmp", "a.txt"]
    assert path.read_text(encoding="utf-8") == AFTER + "\n"
