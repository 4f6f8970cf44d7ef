"""Simplified Chinese for touchpoint evaluation (issue 11): moments of truth, CSAT, CES,
NPS, importance–performance and KPIs — their kinds, fields, messages, import, info, the
inspector page, the IPA chart and the handout's pages. Terms as in shared/domain.md."""

ZH: dict[str, str] = {
    # kinds
    "moment of truth": "关键时刻",
    "answer count": "答案人数",
    "importance–performance rating": "重要性–表现评分",
    "KPI": "KPI",
    # fields
    "Status": "状态",
    "Importance": "重要性",
    "Improvement lever": "改进手段",
    "Own lever": "自定手段",
    "Question": "问题",
    "Survey phase": "调查时段",
    "Answer": "答案",
    "Respondents": "人数",
    "Performance": "表现",
    "Unit": "单位",
    "Before": "改进前",
    "After": "改进后",
    "Higher is better": "越高越好",
    # model messages
    "A {metric} answer is from {low} to {high}, not {score}":
        "{metric} 的答案应为 {low} 到 {high}，而不是 {score}",
    "This card has a moment-of-truth decision already": "这张卡片已有关键时刻的决定",
    "This answer is counted for this card already": "这张卡片已经统计了这个答案",
    "This card has a rating already": "这张卡片已有评分",
    # names filled into messages
    "CSAT": "CSAT",
    "CES": "CES",
    "NPS": "NPS",
    "importance": "重要性",
    "performance": "表现",
    # importance–performance analysis (shared/domain.md)
    "Concentrate here": "重点改进",
    "Keep up the good work": "继续保持",
    "Low priority": "低优先级",
    "Possible overkill": "过度投入",
    "A value at the mean counts as high.": "等于平均值的算作高。",
    # moments of truth: why a card is proposed, levers, statuses
    "The lowest point of the emotion curve ({emotion})": "情绪曲线的最低点（{emotion}）",
    "The peak of the emotion curve ({emotion})": "情绪曲线的峰值（{emotion}）",
    "The end of the journey (peak–end rule)": "旅程的终点（峰终定律）",
    "A fail point on a customer-facing step": "面向客户步骤上的失误点",
    "Marked as a moment of truth on the card": "卡片上已标为关键时刻",
    "Chosen by the user": "由用户选定",
    "Staff training": "员工培训",
    "Process improvement": "流程改进",
    "Technology support": "技术支持",
    "Proposed": "待定",
    "Confirmed": "已确认",
    "Dismissed": "已排除",
    # survey responses (CSV) and the command line
    "Row {row}, column \"{column}\" ({letter}): {problem}.": "第 {row} 行，“{column}”列（{letter}）：{problem}。",
    "every response needs a card (its id or its text)": "每条回答都需要一张卡片（卡片的 id 或文字）",
    "no card has the id or the text \"{card}\"": "没有 id 或文字为“{card}”的卡片",
    "{count} cards have the text \"{card}\"; use the card's id": "有 {count} 张卡片的文字是“{card}”；请使用卡片的 id",
    "\"{metric}\" is not a metric; use csat, ces, nps, importance or performance":
        "“{metric}”不是指标；请使用 csat、ces、nps、importance 或 performance（满意度、费力度、净推荐值、重要性、表现）",
    "\"{phase}\" is not a phase; use before or after, or leave it empty":
        "“{phase}”不是调查时段；请使用 before（改进前）或 after（改进后），或留空",
    "{metric} is answered with a whole number from {low} to {high}, not \"{score}\"":
        "{metric} 的答案应为 {low} 到 {high} 的整数，而不是“{score}”",
    "respondent \"{respondent}\" answered this question about this card in row {first} already":
        "受访者“{respondent}”已在第 {first} 行回答过这张卡片的这个问题",
    "The CSV file has no responses with a score.": "CSV 文件中没有带评分的回答。",
    "The project has no map named \"{name}\".": "项目中没有名为“{name}”的地图。",
    "add the CSV as a new map with this name to the project (survey responses: the map whose cards they are about)":
        "把 CSV 作为以此命名的新地图加入项目（调查回答：回答所针对的卡片所在的地图）",
    "Survey responses are added to an existing project; create {path} first (for example with the new command).":
        "调查回答要加入已有的项目；请先创建 {path}（例如用 new 命令）。",
    "Added {count} survey responses about {cards} cards to {path}.": "已把关于 {cards} 张卡片的 {count} 条调查回答加入 {path}。",
    "Skipped {count} rows without a score.": "跳过了 {count} 行没有评分的回答。",
    # info
    "Moments of truth, ranked": "关键时刻（按优先级）",
    "importance {value}": "重要性 {value}",
    "… and {count} more": "……另有 {count} 个",
    "Touchpoint metrics": "触点指标",
    "before {value}, change {change}": "改进前 {value}，变化 {change}",
    "Importance–performance": "重要性–表现分析",
    "means: importance {importance}, performance {performance}": "平均值：重要性 {importance}，表现 {performance}",
    "better": "更好",
    "worse": "更差",
    "no change": "无变化",
}
