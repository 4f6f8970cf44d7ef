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
