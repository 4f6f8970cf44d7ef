"""Writing a file so that a crash, a kill or a full disk never leaves half of it behind.

The one implementation of temp-file-fsync-rename, used by project files (storage), JSON
and CSV exports (interchange) and PDFs (export).
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path


def _new_file_mode(target: Path) -> int:
    """The mode a plain open() would give: the existing file's, or 0o666 less the umask."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


def write_atomically(path: str | os.PathLike[str], write: Callable[[str], object],
                     replace: bool = True) -> object:
    """Call `write(temporary_path)`, then fsync and rename the result over `path`.

    With `replace=False` the result only takes the name if nothing has it yet, decided
    atomically by the file system (a hard link, which fails when the name exists): two
    programs creating the same new file never overwrite each other; the second gets
    FileExistsError and its temporary file is removed.

    The temporary file lies beside the target (same file system, so the rename is atomic)
    and is removed on any failure; the folder is synced too, so the rename survives a
    power cut. A read-only target is refused like any editor would, although a rename
    could replace it. OSError propagates for the caller to word.
    """
    target = Path(path)
    directory = target.parent if str(target.parent) else Path(".")
    if target.exists() and not os.access(target, os.W_OK):
        raise PermissionError(errno.EACCES, "read-only file", str(target))
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name[:80]}.", suffix=".tmp", dir=directory)
    os.close(handle)
    try:
        result = write(temporary)
        # Read-write: Windows flushes a file only through a handle that may write to it.
        with open(temporary, "rb+") as stream:
            os.fsync(stream.fileno())
        os.chmod(temporary, _new_file_mode(target))  # mkstemp makes 0600; keep the usual mode
        if replace:
            os.replace(temporary, target)
        else:
            _rename_no_replace(temporary, target)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
    _fsync_directory(directory)
    return result


def _rename_no_replace(temporary: str, target: Path) -> None:
    """Give the file its name only if the name is free; FileExistsError otherwise."""
    if os.name == "nt":
        os.rename(temporary, target)  # Windows refuses to rename over an existing file
        return
    try:
        os.link(temporary, target)  # atomic, and fails with EEXIST when the name is taken
    except OSError as error:
        if isinstance(error, FileExistsError) or error.errno not in (errno.EPERM, errno.ENOTSUP,
                                                                     errno.EOPNOTSUPP, errno.EXDEV):
            raise
        # A file system without hard links (FAT, some shares): claim the name first.
        descriptor = os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        os.close(descriptor)
        os.replace(temporary, target)
        return
    os.unlink(temporary)


def write_bytes_atomically(path: str | os.PathLike[str], data: bytes) -> None:
    def write(temporary: str) -> None:
        with open(temporary, "wb") as stream:
            stream.write(data)

    write_atomically(path, write)


def _fsync_directory(directory: Path) -> None:
    """Make the rename itself durable. Not possible (nor needed) on Windows."""
    try:
        descriptor = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)
