"""Every string the shell shows has Simplified Chinese, with the same placeholders."""

from __future__ import annotations

import ast
import string
from pathlib import Path

import pytest

from blueprint_studio.i18n import tr

APP = Path(__file__).resolve().parents[1] / "blueprint_studio" / "app"
# The shell, the inspector and every workspace's folder (the PDF helper has strings of its own).
SHELL_FILES = sorted(p for p in APP.rglob("*.py") if p.name != "export_dialog.py")


def _literals(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (isinstance(node, ast.Call) and getattr(node.func, "id", None) in ("tr", "mark")
                and node.args and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)):
            found.append(node.args[0].value)
    return found


def _fields(text: str) -> set[str]:
    return {name for _lit, name, _spec, _conv in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("path", SHELL_FILES, ids=lambda p: str(p.relative_to(APP)))
def test_shell_strings_have_chinese_with_the_same_placeholders(path):
    for english in _literals(path):
        if english.strip() in ("", "PDF") or not any(ch.isalpha() for ch in english):
            continue
        chinese = tr(english, "zh")
        assert chinese != english, f"{path.name}: no Chinese for {english!r}"
        assert _fields(chinese) == _fields(english), f"{path.name}: placeholders differ in {english!r}"


def test_every_string_marked_for_translation_anywhere_has_chinese():
    """mark() registers table strings (kinds, lanes, menus, PDF labels) as modules load."""
    import importlib
    import pkgutil

    import blueprint_studio
    from blueprint_studio.i18n import missing_translations

    for module in pkgutil.walk_packages(blueprint_studio.__path__, "blueprint_studio."):
        if not module.name.endswith("__main__"):
            importlib.import_module(module.name)
    assert missing_translations() == []
