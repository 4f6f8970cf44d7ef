"""Where the files shipped in `resources/` live (in a checkout and in an install)."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    """`resources/` beside the package in a checkout, or inside a frozen installer bundle."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    here = Path(__file__).resolve().parent
    for candidate in (here.parent / "resources", here / "resources"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("The resources folder of Blueprint Studio is missing")


def font_path() -> Path:
    """WenQuanYi Micro Hei: TrueType outlines covering Chinese and Latin (Apache-2.0)."""
    return resources_dir() / "fonts" / "wqy-microhei.ttc"


FONT_FAMILY = "WenQuanYi Micro Hei"


def templates_dir() -> Path:
    return resources_dir() / "templates"


def docs_dir() -> Path:
    """`docs/` beside the package in a checkout, or inside a frozen installer bundle (the
    PyInstaller spec copies the user guide, the pages it links to and its pictures)."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "docs"
    return Path(__file__).resolve().parent.parent / "docs"


def user_guide_path(lang: str) -> Path:
    """The user guide in `lang` (docs/user-guide.zh.md for Chinese, docs/user-guide.md for
    English and any language without a guide of its own)."""
    folder = docs_dir()
    own = folder / f"user-guide.{lang}.md"
    return own if lang != "en" and own.is_file() else folder / "user-guide.md"
