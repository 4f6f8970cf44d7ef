"""The exceptions the storage layer lets out: each is a sentence the user can read."""

from __future__ import annotations

from pathlib import Path


class ProjectFileError(Exception):
    """Opening or saving a project file failed. `str(error)` is one clear sentence.

    `path` is the file concerned (when known), for callers that want to show it apart.
    """

    def __init__(self, message: str, path: Path | str | None = None) -> None:
        super().__init__(message)
        self.path = Path(path) if path is not None else None


class StaleSaveError(ProjectFileError):
    """The file was changed by another window or program after we read it.

    Nothing was written: saving would have discarded the other writer's work. The
    project in memory is unchanged and still unsaved; the caller offers Save As (or,
    once it exists, a merge).
    """
