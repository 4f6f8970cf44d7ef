"""Every symbol we draw is in the bundled font, so nothing prints as an empty box."""

from reportlab.pdfbase.ttfonts import TTFont

from blueprint_studio import appearance
from blueprint_studio.resources import font_path


def test_every_symbol_is_in_the_bundled_font():
    cmap = TTFont("BundledCheck", str(font_path()), subfontIndex=0).face.charToGlyph
    glyphs = "".join([*appearance.CARD_SYMBOL.values(), *appearance.CHANNEL_SYMBOL.values(),
                      appearance.MOT_BADGE, appearance.FAIL_BADGE, appearance.WAIT_BADGE,
                      *appearance.EMOTION_FACES.values()])
    missing = sorted({c for c in glyphs if ord(c) not in cmap})
    assert not missing, f"not in the bundled font: {missing}"


def test_minutes_read_compactly():
    assert appearance.format_minutes(None) == ""
    assert appearance.format_minutes(45) == "45 min"
    assert appearance.format_minutes(120) == "2 h"
    assert appearance.format_minutes(1440 + 120) == "1 d 2 h"
