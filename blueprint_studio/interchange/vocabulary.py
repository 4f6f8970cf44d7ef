"""The words a trainer may type in a spreadsheet, in English or Chinese, mapped to the model.

Matching ignores case, spaces, underscores and hyphens, so "Physical evidence",
"physical_evidence" and "PHYSICAL-EVIDENCE" are the same word.
"""

from __future__ import annotations

import re

from ..i18n import tr
from ..i18n.labels import CARD_KIND_NAMES, CHANNEL_NAMES, LANE_KIND_NAMES
from ..model import CardKind, Channel, LaneKind

_IGNORED = re.compile(r"[\s_\-()（）]+")


def normalise_word(value: str) -> str:
    return _IGNORED.sub("", value).casefold()


def _table(entries: dict[str, tuple[str, ...]], names: dict, enum: type) -> dict[str, str]:
    """word -> enum value, from the enum values, their display names (en + zh) and synonyms."""
    table: dict[str, str] = {}
    for member in enum:
        if member.value == "custom":
            continue
        words = [member.value, names[member], tr(names[member], "zh"), *entries.get(member.value, ())]
        for word in words:
            table[normalise_word(word)] = member.value
    return table


LANE_WORDS = _table({
    "physical_evidence": ("evidence", "有形展示", "服务证据", "有形证据", "physical evidence"),
    "customer": ("customer action", "客户行为", "客户", "顾客", "顾客行为", "用户行为"),
    "frontstage": ("frontstage action", "onstage", "onstage actions", "前台", "前台行为",
                   "前台员工行为"),
    "backstage": ("backstage action", "后台", "后台行为", "后台员工行为"),
    "support": ("support process", "支持", "支持过程", "支持流程", "支持系统"),
}, LANE_KIND_NAMES, LaneKind)

CARD_KIND_WORDS = _table({
    "touchpoint": ("touch point", "触点", "接触点", "服务触点"),
    "action": ("行动", "行为", "活动", "步骤"),
    "evidence": ("physical evidence", "服务证据", "证据", "有形展示"),
    "pain_point": ("pain", "痛点", "问题"),
    "opportunity": ("机会", "机会点", "改进机会"),
    "idea": ("想法", "创意", "点子"),
    "note": ("notes", "备注", "说明"),
}, CARD_KIND_NAMES, CardKind)

CHANNEL_WORDS = _table({
    "physical": ("offline", "物理", "线下", "实体"),
    "digital": ("online", "数字", "线上", "数字化"),
    "interpersonal": ("face to face", "personal", "人际", "人工", "面对面", "人员"),
}, CHANNEL_NAMES, Channel)

TRUE_WORDS = {normalise_word(w) for w in ("yes", "y", "true", "t", "1", "x", "✓", "✔", "√",
                                          "是", "对", "有")}
FALSE_WORDS = {normalise_word(w) for w in ("no", "n", "false", "f", "0", "否", "错", "无", "")}


def lane_kind_for(value: str) -> LaneKind | None:
    """The standard lane a cell names, or None for a custom lane."""
    word = LANE_WORDS.get(normalise_word(value))
    return LaneKind(word) if word else None
