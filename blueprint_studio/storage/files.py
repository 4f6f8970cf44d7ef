"""Reading and writing a whole project file."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, exc

from blueprint_studio import __version__
from blueprint_studio.i18n import tr
from blueprint_studio.model import ModelError, Project
from blueprint_studio.model.errors import LimitError
from blueprint_studio.model.validate import check_project

from . import codec, migrations, schema, sqlite_file
from .errors import ProjectFileError

FILE_SUFFIX = ".bpstudio"


def as_path(path: str | os.PathLike[str]) -> Path:
    """Absolute (so a later change of working folder does not matter), links kept."""
    return Path(os.path.abspath(Path(os.fspath(path)).expanduser()))


@dataclass(frozen=True)
class Loaded:
    """A project as read from a file, with what its next save is checked against."""

    project: Project
    version: int  # the file's schema version
    base: int  # its revision (format 2 on), or SQLite's change counter for format 1


def load(path: Path) -> Loaded:
    """Read and check the project at `path`, with the file's schema version and base.

    Never writes to a file that is not a valid project: everything is checked from
    raw bytes and through a read-only connection. The one exception is SQLite's own
    crash recovery (rolling back an interrupted save) on a file whose header is ours.
    """
    newest = migrations.SCHEMA_VERSION
    sqlite_file.sniff(path, newest)
    sqlite_file.recover_if_interrupted(path)
    version = sqlite_file.sniff(path, newest)  # the rollback may have restored the header
    engine = None
    try:
        sqlite_file.check_size(path)
        if version == newest:
            engine = sqlite_file.readonly_engine(path)
            with engine.begin() as connection:
                project, base = _read(connection, path, version)
        else:
            # Upgrade a private copy only. Format 1 has no revision: its base is the file's
            # change counter, which must not move while the copy is taken.
            for _attempt in range(5):
                before = sqlite_file.change_counter(path)
                engine = sqlite_file.memory_copy_engine(path)
                if sqlite_file.change_counter(path) == before:
                    break
                engine.dispose()
                engine = None
            else:
                raise sqlite_file.busy(path)
            with engine.begin() as connection:
                project, _revision = _read(connection, path, version)
            base = before
    except ProjectFileError:
        raise
    except LimitError as error:
        raise too_large(path, error) from None
    except codec.DamagedData as error:
        raise sqlite_file.damaged(path, str(error)) from None
    except (exc.DBAPIError, *sqlite_file.DRIVER_ERRORS) as error:
        if sqlite_file.is_busy(error):
            raise sqlite_file.busy(path) from None
        raise sqlite_file.damaged(path) from None
    except OSError as error:
        raise sqlite_file.os_error(error, path, reading=True) from None
    except (ValueError, TypeError, OverflowError):
        # e.g. text that is not valid UTF-8 or a number out of range in a damaged page
        raise sqlite_file.damaged(path) from None
    finally:
        if engine is not None:
            engine.dispose()

    try:
        check_project(project, values=False)  # the codec checked every value as it read it
    except LimitError as error:
        raise too_large(path, error) from None
    except ModelError as error:
        raise sqlite_file.damaged(path, str(error)) from None
    return Loaded(project, version, base)


def too_large(path: Path, error: LimitError) -> ProjectFileError:
    return ProjectFileError(
        tr("{name} holds more than Blueprint Studio takes ({detail}), so it cannot be opened.")
        .format(name=path.name or str(path), detail=error.message(tr).rstrip(".")), path)


def _read(connection: Connection, path: Path, version: int) -> tuple[Project, int]:
    problem = sqlite_file.integrity_problem(connection)
    if problem is not None:
        raise sqlite_file.damaged(path)
    application_id, header_version = sqlite_file.file_version(connection)
    if application_id != sqlite_file.APPLICATION_ID or header_version != version:
        raise sqlite_file.damaged(path)
    if migrations.meta_version(connection) != version:
        raise sqlite_file.damaged(path, "the two records of its format version disagree")
    if version < migrations.SCHEMA_VERSION:
        migrations.migrate(connection, version)
    ids = codec.project_ids(connection)
    if len(ids) != 1:  # a project file holds one project (a server store holds many)
        raise codec.DamagedData(f"it holds {len(ids)} projects instead of one")
    return codec.load_project(connection, ids[0])


def write(project: Project, path: Path, revision: int = 0, replace: bool = True) -> None:
    """Write the whole project to `path` atomically (temp file, fsync, rename).

    With `replace=False` an existing file at `path` is never replaced, even by a file
    created at the same moment by another program: ProjectFileError says it exists."""
    name = path.name or str(path)
    try:
        check_project(project)
    except ModelError as error:
        raise ProjectFileError(
            tr("The project cannot be saved because it is inconsistent ({detail}).")
            .format(detail=error), path) from None
    if path.is_dir():
        raise ProjectFileError(
            tr("{name} is a folder, not a Blueprint Studio project.").format(name=name), path)
    if path.is_symlink():
        path = path.resolve()  # replace the file the link points to, and keep the link

    def build(temp: Path) -> None:
        engine = sqlite_file.scratch_engine(temp)
        try:
            with engine.begin() as connection:
                sqlite_file.stamp(connection, migrations.SCHEMA_VERSION)
                schema.metadata.create_all(connection, tables=schema.ALL_TABLES)
                connection.execute(schema.meta.insert(), [
                    {"key": "application", "value": "Blueprint Studio"},
                    {"key": "written_by", "value": __version__},
                ])
                migrations.set_meta_version(connection, migrations.SCHEMA_VERSION)
                codec.insert_project(connection, project, revision)
        finally:
            engine.dispose()

    try:
        sqlite_file.atomic_write(path, build, replace=replace)
    except FileExistsError:
        raise ProjectFileError(
            tr("{name} already exists; choose another name or delete it first.").format(
                name=name), path) from None
    except OSError as error:
        raise sqlite_file.os_error(error, path) from None
    except ValueError as error:  # e.g. a NUL character in the file name
        reason = "invalid file name" if "\x00" in str(path) else str(error)
        raise ProjectFileError(
            tr("{name} could not be saved ({reason}).").format(name=name, reason=reason),
            path) from None
    except (exc.DBAPIError, *sqlite_file.DRIVER_ERRORS) as error:
        raise save_failed(path, error) from None


def save_failed(path: Path, error: BaseException) -> ProjectFileError:
    if sqlite_file.is_busy(error):
        return sqlite_file.busy(path)
    original = getattr(error, "orig", None) or error
    reason = str(original).split("\n")[0] or type(original).__name__
    if "full" in reason:
        return ProjectFileError(
            tr("The disk is full, so {name} could not be saved.").format(name=path.name), path)
    folder_writable = os.access(path.parent, os.W_OK)
    if "readonly" in reason or "read-only" in reason or not folder_writable:
        return ProjectFileError(
            tr("Blueprint Studio is not allowed to write {name}.").format(name=path.name), path)
    return ProjectFileError(
        tr("{name} could not be saved ({reason}).").format(name=path.name, reason=reason), path)

