"""Simplified Chinese for drawing from the keyboard: connect mode, the arrow between two
selected cards, and the card-field shortcuts (English source -> 中文)."""

ZH: dict[str, str] = {
    # menus
    "&Emotion": "情绪(&E)",
    # connect mode and the arrow between the selected cards
    "Co&nnect Mode": "连线模式(&N)",
    "Draw arrows by clicking: a card, then the card the arrow goes to (Escape lets go of the "
    "first); stays on until switched off":
        "单击画箭头：先单击一张卡片，再单击箭头指向的卡片（Esc 放开第一张）；再次切换之前一直有效",
    "→ Connect": "→ 连线",
    "&Arrow Between the Two Selected Cards": "在所选两张卡片之间画箭头(&A)",
    "Draw an arrow between the two selected cards, from the one selected first to the other":
        "在所选的两张卡片之间画一个箭头，从先选中的卡片指向另一张",
    "Connect mode: click a card, then the card the arrow goes to. Escape lets go of the first "
    "card; Ctrl+E ends the mode.":
        "连线模式：先单击一张卡片，再单击箭头指向的卡片。Esc 放开第一张卡片；Ctrl+E 结束连线模式。",
    "Connect mode is off.": "连线模式已关闭。",
    "Select exactly two cards to connect them: the arrow goes from the one selected first.":
        "请恰好选中两张卡片再连线：箭头从先选中的卡片出发。",
    # the card fields
    "Emotion −2 (very negative)": "情绪 −2（非常负面）",
    "Emotion −1 (negative)": "情绪 −1（负面）",
    "Emotion 0 (neutral)": "情绪 0（中性）",
    "Emotion +1 (positive)": "情绪 +1（正面）",
    "Emotion +2 (very positive)": "情绪 +2（非常正面）",
    "&No Emotion Score": "清除情绪分(&N)",
    "Give the selected cards this emotion score": "给所选卡片打上这个情绪分",
    "Take the emotion score off the selected cards": "清除所选卡片的情绪分",
    "Moment of &Truth": "关键时刻(&T)",
    "Mark the selected cards as moments of truth, or unmark them when all are":
        "把所选卡片标为关键时刻；如果它们都已标记，则取消标记",
    "&Fail Point": "失误点(&F)",
    "Mark the selected cards as fail points, or unmark them when all are":
        "把所选卡片标为失误点；如果它们都已标记，则取消标记",
    "Next &Kind": "下一种类型(&K)",
    "Give the selected cards the next kind (touchpoint, action, evidence, pain point, "
    "opportunity, idea, note)":
        "把所选卡片改为下一种类型（触点、行为、服务证据、痛点、机会点、创意、备注）",
    "Pre&vious Kind": "上一种类型(&V)",
    "Give the selected cards the previous kind": "把所选卡片改为上一种类型",
    # undo steps and messages
    "Set emotion to {value}": "情绪分设为 {value}",
    "Clear emotion": "清除情绪分",
    "Mark moment of truth": "标为关键时刻",
    "Unmark moment of truth": "取消关键时刻",
    "Mark fail point": "标为失误点",
    "Unmark fail point": "取消失误点",
    "Change card kind to {kind}": "卡片类型改为{kind}",
    "Select one or more cards first.": "请先选中一张或多张卡片。",
}
