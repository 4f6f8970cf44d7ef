"""One translation table for every user-visible string (English source -> 简体中文).

Every layer (CLI, PDF export, the Qt shell) calls `tr("English text")`. English is the
source language; Simplified Chinese is looked up in the catalogs below, one module per
area so that parts of the program can grow their strings independently.
Strings with placeholders use str.format names: tr("Saved {name}").format(name=...).
A number with its noun goes through `plural`, never through an `if` at the call site:
plural(3, "{count} card", "{count} cards") is "3 cards" (and "1 card"), "3 张卡片" in Chinese.
"""

from __future__ import annotations

import locale
import os

from . import (
    catalog_app, catalog_canvas, catalog_core, catalog_defects, catalog_export, catalog_findings,
    catalog_insight, catalog_keys, catalog_model, catalog_present, catalog_screening, catalog_storage,
)

LANGUAGES = ("en", "zh")

_ZH: dict[str, str] = {}
for _catalog in (catalog_core, catalog_model, catalog_screening, catalog_canvas, catalog_app,
                 catalog_export, catalog_storage, catalog_findings, catalog_insight,
                 catalog_keys, catalog_defects, catalog_present):
    _ZH.update(_catalog.ZH)

_current = "en"


def system_language() -> str:
    """zh when the environment asks for Chinese, else en."""
    for variable in ("BLUEPRINT_STUDIO_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable, "")
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    try:
        code = locale.getlocale()[0] or ""
    except ValueError:
        code = ""
    return "zh" if code.lower().startswith("zh") else "en"


def set_language(lang: str) -> None:
    global _current
    if lang not in LANGUAGES:
        raise ValueError(f"Unknown language {lang!r}; use one of {', '.join(LANGUAGES)}")
    _current = lang


def language() -> str:
    return _current


def tr(text: str, lang: str | None = None) -> str:
    """The text in `lang` (default: the current UI language)."""
    if (lang or _current) == "zh":
        return _ZH.get(text, text)
    return text


def plural(count: int, one: str, many: str, lang: str | None = None, **values: object) -> str:
    """`count` with its noun in `lang`: `one` and `many` are the English singular and plural
    ("{count} card", "{count} cards"), both holding {count} (and any other `values`).

    English uses the singular for exactly one (1 card, 0 cards, 2 cards). Chinese has one
    form for every number: the translation of `many`. A language with other rules gets
    them here, in one place, not in the callers.
    """
    if (lang or _current) == "zh":
        template = _ZH.get(many, many)
    else:
        template = one if count == 1 else many
    return template.format(count=count, **values)


def describe(error: BaseException, lang: str | None = None) -> str:
    """An error as one sentence in the UI language: a model error's template and values
    are translated (the model speaks no language); any other error's text is looked up."""
    message = getattr(error, "message", None)
    if callable(message) and hasattr(error, "template"):
        return message(lambda text: tr(text, lang))
    return tr(str(error), lang)


def missing_translations() -> list[str]:
    """Used by a test: every source string registered with `mark` has a Chinese entry."""
    return [text for text in _MARKED if text not in _ZH]


_MARKED: set[str] = set()


def mark(text: str) -> str:
    """Register a string for translation without translating it yet (for tables)."""
    _MARKED.add(text)
    return text
