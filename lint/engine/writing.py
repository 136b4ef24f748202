"""Writing files back: atomically, and without changing what the file is besides its text.

`write_atomically` replaces a file in one step (a temporary file in the same folder,
then a rename). For a user's file, `write_user_file` also keeps what a rename would
lose or change:

- a symbolic link stays a link: the file it points to is written;
- a file with several hard links is rewritten in place, so every name sees the fix;
- owner and group are kept (when they cannot be, the file is rewritten in place);
- a read-only file is refused with a message, never rewritten;
- temporary files carry the writer's process id, and ones left by a writer that was
  killed (kill -9) are removed on the next write in that folder.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from lint.errors import KommlintError

SUFFIX = ".kommlint-tmp"


class WriteRefused(KommlintError):
    """A file --fix must not change (read-only, say); the message says why."""


def current_umask() -> int:
    """The process umask, read without changing it where the system allows (Linux)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)  # elsewhere: set and restore at once
    os.umask(mask)
    return mask


def write_atomically(path: str | Path, data: bytes, durable: bool = True, owner: tuple[int, int] | None = None) -> None:
    """Replace the file in one step, keeping its permissions; never leave half a file.

    A file that did not exist gets the permissions the umask allows (not mkstemp's
    private 0600): a baseline, for one, is meant to be committed and shared.

    `durable` flushes to disk before the rename (users' files; cache entries skip it).
    """
    target = Path(path)
    remove_stale_temporaries(target)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.{os.getpid()}.", suffix=SUFFIX, dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            if durable:
                stream.flush()
                os.fsync(stream.fileno())
        try:
            mode = target.stat().st_mode & 0o7777
        except FileNotFoundError:
            mode = 0o666 & ~current_umask()  # a new file: as `open()` would create it
        try:
            os.chmod(temporary, mode)
        except OSError:
            pass
        if owner is not None:
            os.chown(temporary, *owner)
        os.replace(temporary, target)
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise


def write_user_file(path: str | Path, data: bytes) -> None:
    """Write a fix into a user's file, keeping links, owner and group (see the module)."""
    target = Path(os.path.realpath(path))  # through symbolic links, to the file itself
    info = target.stat()
    if not info.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(target, os.W_OK):
        raise WriteRefused(f"{path}: filen är skrivskyddad; --fix ändrar den inte. Ta bort skrivskyddet om den ska rättas.")
    owner = (info.st_uid, info.st_gid)
    if info.st_nlink > 1 or not _may_chown(owner):
        _write_in_place(target, data)
        return
    write_atomically(target, data, owner=owner if owner != (os.geteuid(), os.getegid()) else None)


def _may_chown(owner: tuple[int, int]) -> bool:
    """True when a new file can be given this owner and group (ours, or we are root)."""
    return owner == (os.geteuid(), os.getegid()) or os.geteuid() == 0


def _write_in_place(target: Path, data: bytes) -> None:
    with open(target, "r+b") as stream:
        stream.write(data)
        stream.truncate()
        stream.flush()
        os.fsync(stream.fileno())


def remove_stale_temporaries(target: Path) -> None:
    """Delete temporary files for `target` whose writer process no longer runs."""
    for leftover in target.parent.glob(f".{_glob_escape(target.name)}.*{SUFFIX}"):
        pid = leftover.name[len(target.name) + 2 :].split(".", 1)[0]
        if pid.isdigit() and not _running(int(pid)):
            try:
                leftover.unlink()
            except OSError:
                pass


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _glob_escape(name: str) -> str:
    return "".join(f"[{char}]" if char in "*?[]" else char for char in name)
