"""Switching the interface language: every window at once, remembered for the next start.

The language is one for the whole program (the canvas names new stages with it, undo
steps are written in it), so a switch in one window switches them all:

    switch_language("zh", settings)

sets the language of `i18n.tr`, installs Qt's own Chinese texts, remembers the choice in
the settings and sends Qt's `QEvent.LanguageChange` to every top-level widget. Qt passes
that event down to every child widget; each widget that shows text retranslates itself in
its `changeEvent` (see `follows_language`). Qt posts a second LanguageChange of its own
when the translator changes; `LanguageFollower` shows each language only once.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication

from ..i18n import LANGUAGES, language, set_language
from .qt_translations import use_qt_translations
from .settings import AppSettings


def switch_language(lang: str, settings: AppSettings | None = None) -> bool:
    """Show every window in `lang`; False when it is the language shown already."""
    if lang not in LANGUAGES:
        raise ValueError(f"Unknown language {lang!r}")
    if settings is not None:
        settings.set_language(lang)
    if lang == language():
        return False
    from .session import Session

    for session in Session.live():  # typing in progress is kept in the words it was typed in
        session.commit_pending()
    set_language(lang)
    use_qt_translations(lang)
    app = QApplication.instance()
    if app is not None:
        for widget in app.topLevelWidgets():
            QCoreApplication.sendEvent(widget, QEvent(QEvent.Type.LanguageChange))
    return True


class LanguageFollower:
    """Mixin for widgets: `retranslate()` runs once per language change (Qt may send two)."""

    _shown_language = ""

    def note_language(self) -> None:
        """Call after the widget first showed its texts."""
        self._shown_language = language()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange and self._shown_language != language():
            self._shown_language = language()
            self.retranslate()
        super().changeEvent(event)  # type: ignore[misc]

    def retranslate(self) -> None:  # pragma: no cover - each widget has its own
        raise NotImplementedError


__all__ = ["LanguageFollower", "switch_language"]
