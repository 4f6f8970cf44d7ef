"""What the shell remembers between runs: language, recent files, window layout, and
the interface choices (participant mode, larger text, how presentations step and time).

Everything lives in one INI file under the user's config folder (or the folder named by
BLUEPRINT_STUDIO_CONFIG_DIR, which tests and portable installs use), so it is easy to find,
back up or delete.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, QStandardPaths

from ..i18n import LANGUAGES, system_language

ORGANISATION = "Blueprint Studio"
APPLICATION = "Blueprint Studio"
MAX_RECENT_FILES = 10


def config_dir() -> Path:
    """The folder holding settings.ini and recovery copies; created on demand."""
    override = os.environ.get("BLUEPRINT_STUDIO_CONFIG_DIR")
    if override:
        folder = Path(override)
    else:
        # ~/.config, %LOCALAPPDATA% or ~/Library/Preferences, plus one folder of ours
        # (AppConfigLocation would repeat the name: ".../Blueprint Studio/Blueprint Studio").
        location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericConfigLocation)
        folder = Path(location) / APPLICATION if location else Path.home() / ".blueprint-studio"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


class AppSettings:
    """Typed access to the shell's QSettings."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder or config_dir()
        self._qsettings = QSettings(str(self.folder / "settings.ini"), QSettings.Format.IniFormat)

    # -- language ------------------------------------------------------------------
    def language(self) -> str:
        value = str(self._qsettings.value("ui/language", "") or "")
        return value if value in LANGUAGES else system_language()

    def set_language(self, lang: str) -> None:
        self._qsettings.setValue("ui/language", lang)
        self._qsettings.sync()

    # -- recent files --------------------------------------------------------------
    def recent_files(self) -> list[str]:
        value = self._qsettings.value("files/recent", [])
        if isinstance(value, str):  # QSettings returns a bare string for one entry
            value = [value]
        return [str(p) for p in (value or []) if p][:MAX_RECENT_FILES]

    def add_recent_file(self, path: str | Path) -> None:
        path = str(Path(path).resolve())
        files = [p for p in self.recent_files() if p != path]
        self._qsettings.setValue("files/recent", [path, *files][:MAX_RECENT_FILES])
        self._qsettings.sync()

    def remove_recent_file(self, path: str) -> None:
        self._qsettings.setValue("files/recent", [p for p in self.recent_files() if p != path])
        self._qsettings.sync()

    def clear_recent_files(self) -> None:
        self._qsettings.setValue("files/recent", [])
        self._qsettings.sync()

    def last_folder(self) -> str:
        folder = str(self._qsettings.value("files/last_folder", "") or "")
        return folder if folder and Path(folder).is_dir() else str(Path.home())

    def set_last_folder(self, path: str | Path) -> None:
        folder = Path(path)
        self._qsettings.setValue("files/last_folder", str(folder if folder.is_dir() else folder.parent))

    # -- interface and presentation choices (participant mode, larger text, reveal …) ----
    def flag(self, key: str, default: bool = False) -> bool:
        """A remembered on/off choice under "ui/" (the INI file stores "true"/"false")."""
        value = self._qsettings.value(f"ui/{key}", default)
        if isinstance(value, str):
            return value.strip().lower() in ("true", "1", "yes", "on")
        return bool(value)

    def set_flag(self, key: str, on: bool) -> None:
        self._qsettings.setValue(f"ui/{key}", bool(on))
        self._qsettings.sync()

    def number(self, key: str, default: float) -> float:
        """A remembered number under "ui/" (the last timer duration); `default` if unreadable."""
        try:
            return float(self._qsettings.value(f"ui/{key}", default))
        except (TypeError, ValueError):
            return default

    def set_number(self, key: str, value: float) -> None:
        self._qsettings.setValue(f"ui/{key}", value)
        self._qsettings.sync()

    # -- window layout ---------------------------------------------------------------
    def window_geometry(self) -> QByteArray | None:
        value = self._qsettings.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    def window_state(self) -> QByteArray | None:
        value = self._qsettings.value("window/state")
        return value if isinstance(value, QByteArray) else None

    def save_window(self, geometry: QByteArray, state: QByteArray) -> None:
        self._qsettings.setValue("window/geometry", geometry)
        self._qsettings.setValue("window/state", state)
        self._qsettings.sync()

    def sync(self) -> None:
        self._qsettings.sync()
