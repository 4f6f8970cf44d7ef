"""Every message of the command line, the templates and the importers has its Chinese."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from blueprint_studio.i18n import _ZH

PACKAGE = Path(__file__).resolve().parent.parent / "blueprint_studio"
SOURCES = [PACKAGE / "cli.py", PACKAGE / "cli_info.py", PACKAGE / "templates.py", *sorted((PACKAGE / "interchange").glob("*.py"))]


def _translated_literals(path: Path) -> list[str]:
    texts = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (isinstance(node, ast.Call) and getattr(node.func, "id", None) == "tr" and node.args
                and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
            texts.append(node.args[0].value)
    return texts


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.name)
def test_every_message_has_chinese_with_the_same_placeholders(path):
    texts = _translated_literals(path)
    missing = [text for text in texts if text not in _ZH]
    assert not missing, f"no Chinese for: {missing}"
    for text in texts:
        assert set(re.findall(r"\{(\w*)\}", text)) == set(re.findall(r"\{(\w*)\}", _ZH[text])), text


def test_the_sources_do_use_tr():
    assert sum(len(_translated_literals(path)) for path in SOURCES) > 80
