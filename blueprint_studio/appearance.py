"""How the model's vocabularies look, shared by the screen (canvas) and paper (PDF).

Pure data, no Qt. Every kind differs by a symbol as well as by colour, so maps read on
a black-and-white printer and for colour-blind viewers. All glyphs are covered by the
bundled font (WenQuanYi Micro Hei); a test checks that.
"""

from __future__ import annotations

from .model.enums import CardKind, Channel, LaneKind, LineKind

# Card fill colours: soft, projector-friendly pastels with dark text.
CARD_FILL: dict[CardKind, str] = {
    CardKind.TOUCHPOINT: "#ffe08a",   # warm yellow: the classic sticky note
    CardKind.ACTION: "#cfe3ff",       # light blue
    CardKind.EVIDENCE: "#e2e2e2",     # grey: things, not people
    CardKind.PAIN_POINT: "#ffc9c2",   # soft red
    CardKind.OPPORTUNITY: "#c8efcf",  # soft green
    CardKind.IDEA: "#e6d4ff",         # lilac
    CardKind.NOTE: "#fff7d6",         # paper
}
CARD_ACCENT: dict[CardKind, str] = {
    CardKind.TOUCHPOINT: "#b07d00",
    CardKind.ACTION: "#2f63b5",
    CardKind.EVIDENCE: "#5b5b5b",
    CardKind.PAIN_POINT: "#c0392b",
    CardKind.OPPORTUNITY: "#1e8449",
    CardKind.IDEA: "#7142b8",
    CardKind.NOTE: "#8a7a3d",
}
# One symbol per kind, distinct in shape (greyscale-safe).
CARD_SYMBOL: dict[CardKind, str] = {
    CardKind.TOUCHPOINT: "◆",
    CardKind.ACTION: "▶",
    CardKind.EVIDENCE: "■",
    CardKind.PAIN_POINT: "▲",
    CardKind.OPPORTUNITY: "★",
    CardKind.IDEA: "●",
    CardKind.NOTE: "≡",
}
CHANNEL_SYMBOL: dict[Channel, str] = {
    Channel.PHYSICAL: "▣",
    Channel.DIGITAL: "◎",
    Channel.INTERPERSONAL: "◐",  # two halves: people meeting
}
LANE_TINT: dict[LaneKind, str] = {
    LaneKind.PHYSICAL_EVIDENCE: "#f4f4f2",
    LaneKind.CUSTOMER: "#fdf6e3",
    LaneKind.FRONTSTAGE: "#eef5fb",
    LaneKind.BACKSTAGE: "#f1f1f8",
    LaneKind.SUPPORT: "#f2f6f0",
    LaneKind.CUSTOM: "#fafafa",
}
LINE_COLOUR: dict[LineKind, str] = {
    LineKind.INTERACTION: "#d35400",
    LineKind.VISIBILITY: "#2e86c1",
    LineKind.INTERNAL_INTERACTION: "#7d3c98",
}
# Dash patterns (on, off) so the three lines differ without colour.
LINE_DASH: dict[LineKind, tuple[float, ...]] = {
    LineKind.INTERACTION: (),            # solid
    LineKind.VISIBILITY: (8.0, 4.0),     # dashed
    LineKind.INTERNAL_INTERACTION: (2.0, 3.0),  # dotted
}
# Badges on cards.
MOT_BADGE = "★"       # moment of truth
FAIL_BADGE = "F"      # fail point, in a red circle
WAIT_BADGE = "W"      # wait point, followed by minutes
# Signed scores read in greyscale and need no emoji (the bundled font has none).
EMOTION_FACES = {-2: "−2", -1: "−1", 0: "0", 1: "+1", 2: "+2"}
EMOTION_COLOUR = {-2: "#c0392b", -1: "#e67e22", 0: "#7f8c8d", 1: "#27ae60", 2: "#1e8449"}
INK = "#1f2933"          # text
MUTED_INK = "#52606d"    # secondary text
GRID = "#c7ccd1"         # cell borders


def format_minutes(minutes: float | None) -> str:
    """'45 min', '2 h', '1 d 2 h' - compact for badges."""
    if minutes is None:
        return ""
    total = int(round(minutes))
    if total < 60:
        return f"{minutes:g} min" if minutes != total else f"{total} min"
    days, rest = divmod(total, 1440)
    hours, mins = divmod(rest, 60)
    parts = []
    if days:
        parts.append(f"{days} d")
    if hours:
        parts.append(f"{hours} h")
    if mins and not days:
        parts.append(f"{mins} min")
    return " ".join(parts)
