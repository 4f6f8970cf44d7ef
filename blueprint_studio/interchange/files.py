"""Reading and writing interchange files safely: size limits, clear errors, atomic writes."""

from __future__ import annotations

import os
from pathlib import Path

from .. import fileutil
from ..i18n import tr
from .errors import InterchangeError

# Far above any workshop file; stops a mistaken multi-gigabyte pick from freezing the app.
MAX_FILE_BYTES = 200 * 1024 * 1024


def read_bytes(path: str | os.PathLike[str]) -> bytes:
    """The file's bytes, or InterchangeError with a sentence saying why not."""
    file = Path(path)
    try:
        if file.is_dir():
            raise InterchangeError(tr("{path} is a folder, not a file.").format(path=file))
        size = file.stat().st_size
        if size > MAX_FILE_BYTES:
            raise InterchangeError(
                tr("{path} is too large to import ({size} MB).").format(
                    path=file, size=size // (1024 * 1024)))
        return file.read_bytes()
    except FileNotFoundError:
        raise InterchangeError(tr("There is no file {path}.").format(path=file)) from None
    except PermissionError:
        raise InterchangeError(tr("{path} cannot be read (permission denied).").format(path=file)) from None
    except OSError as error:
        raise InterchangeError(
            tr("{path} cannot be read: {reason}.").format(path=file, reason=error.strerror or error)
        ) from None


def write_bytes_atomically(path: str | os.PathLike[str], data: bytes) -> None:
    """Write to a temporary file beside the target, then rename it into place.

    Why: a crash or a full disk half-way never leaves a truncated export behind.
    """
    file = Path(path)
    directory = file.parent if str(file.parent) else Path(".")
    if file.is_dir():
        raise InterchangeError(tr("{path} is a folder, not a file.").format(path=file))
    if not directory.is_dir():
        raise InterchangeError(tr("The folder {path} does not exist.").format(path=directory))
    try:
        fileutil.write_bytes_atomically(file, data)
    except PermissionError:
        raise InterchangeError(tr("{path} cannot be written (permission denied).").format(path=file)) from None
    except OSError as error:
        raise InterchangeError(
            tr("{path} cannot be written: {reason}.").format(path=file, reason=error.strerror or error)
        ) from None
