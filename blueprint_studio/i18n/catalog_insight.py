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
}
