"""Simplified Chinese for issue 12's fixes: counts with their nouns (see i18n.plural, which
uses the plural source's entry for every number), the user guide, files that are missing,
the handout cover kept with the project, and Qt's own dialogs."""

ZH: dict[str, str] = {
    # counts (the plural source is the key; Chinese has one form)
    "{count} stages": "{count} 个阶段",
    "{count} lanes": "{count} 条泳道",
    "{count} arrows": "{count} 个箭头",
    "{count} moments of truth": "{count} 个关键时刻",
    "{count} fail points": "{count} 个失误点",
    "{count} steps": "{count} 步",
    "Critical path: {steps}, {minutes} min": "关键路径：{steps}，{minutes} 分钟",
    "Created {path} from the template \"{name}\" ({cards}).": "已用模板“{name}”创建 {path}（{cards}）。",
    "Added the map \"{name}\" ({cards}) to {path}.": "已把地图“{name}”（{cards}）加入 {path}。",
    "{count} ideas": "{count} 个创意",
    "{count} scores": "{count} 条评分",
    "{count} pairwise judgements": "{count} 个两两比较判断",
    "Added {items} to {path}.": "已向 {path} 添加 {items}。",
    # the user guide (Help ▸ User Guide, F1)
    "&User Guide": "使用指南(&U)",
    "How to use Blueprint Studio, in the program's language (works offline)":
        "服务蓝图工作室的使用方法，使用程序界面的语言（无需联网）",
    "User Guide": "使用指南",
    "Back": "后退",
    "Close": "关闭",
    # the handout cover, kept with the project
    "Change the handout cover": "修改讲义封面",
    "Wrote {path} ({cards} of the map \"{name}\").": "已写入 {path}（地图“{name}”的 {cards}）。",
}
