"""Writing a file so that a crash or a full disk never leaves half of it behind."""

from __future__ import annotations

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


def write_atomically(path: str | os.PathLike[str], write: Callable[[str], object]) -> object:
    """Call `write(temporary_path)`, then fsync and rename the result over `path`.

    The temporary file lies beside the target (same file system, so the rename is atomic)
    and is removed on any failure. OSError propagates for the caller to word.
    """
    target = Path(path)
    directory = target.parent if str(target.parent) else Path(".")
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    os.close(handle)
    try:
        result = write(temporary)
        with open(temporary, "rb+") as stream:
            os.fsync(stream.fileno())
        os.chmod(temporary, _new_file_mode(target))  # mkstemp makes 0600; exports are shared
        os.replace(temporary, target)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
    return result


def write_bytes_atomically(path: str | os.PathLike[str], data: bytes) -> None:
    def write(temporary: str) -> None:
        with open(temporary, "wb") as stream:
            stream.write(data)

    write_atomically(path, write)
