"""The project file: one SQLite file per project, written through SQLAlchemy Core.

Public API:
    FILE_SUFFIX                      ".bpstudio"
    ProjectFileError                 str(error) is one sentence for the user
    read_project(path) -> Project    open, load, close; never modifies a non-project
    write_project(project, path)     whole project, atomically
    ProjectFile                      an open project with incremental saves

Layout: `schema` (portable tables, derived from model.kinds), `codec` (rows <-> model),
`migrations` (versions), `changes` (dirty tracking from change sets), `store` (the
revision-checked, incremental save on any engine), `project_file` (the SQLite file as a
store), and `sqlite_file`, the only module that knows SQLite itself. The format is described in docs/file-format.md.
"""

from __future__ import annotations

import os

from blueprint_studio.model import Project

from . import files
from .errors import ProjectFileError, StaleSaveError
from .files import FILE_SUFFIX
from .migrations import SCHEMA_VERSION
from .project_file import ProjectFile

__all__ = ["FILE_SUFFIX", "SCHEMA_VERSION", "ProjectFile", "ProjectFileError", "StaleSaveError",
           "read_project", "write_project"]


def read_project(path: str | os.PathLike[str]) -> Project:
    """Open the project file at `path`, load it completely and close it again."""
    return files.load(files.as_path(path)).project


def write_project(project: Project, path: str | os.PathLike[str], *, replace: bool = True) -> None:
    """Write the whole project to `path` atomically (temp file in the same folder, fsync,
    rename), replacing any file there; with `replace=False`, refusing to (ProjectFileError)
    if a file is there, however close two programs come to creating it."""
    files.write(project, files.as_path(path), replace=replace)
