"""Simplified Chinese for the findings of a map: the panel, `info` and the handout."""

ZH: dict[str, str] = {
    # the panel
    "Findings": "发现",
    "Show or hide the findings of the shown map: hand-offs, loops, gaps, waits, fail points and the critical path":
        "显示或隐藏当前地图的发现：交接、返工回路、缺口、等待、失误点和关键路径",
    "Highlight Critical &Path": "突出关键路径(&P)",
    "Mark the critical path of the shown map on the canvas (the cards stay as they are)":
        "在画布上标出当前地图的关键路径（卡片本身不变）",
    "Critical path": "关键路径",
    "Highlight Rework &Loops": "突出返工回路(&L)",
    "Mark the rework loops of the shown map on the canvas": "在画布上标出当前地图的返工回路",
    "Loops": "回路",
    "No map is shown.": "当前没有显示地图。",
    "none": "无",
    "Gaps: {gaps} · Rework loops: {loops} · Fail points: {fails} · Hand-offs: {hand_offs}":
        "缺口：{gaps} · 返工回路：{loops} · 失误点：{fails} · 交接：{hand_offs}",
    "(empty card)": "（空卡片）",
    "From the first to the last customer action": "从第一个到最后一个客户行为",
    "No chain of arrows joins the first and the last customer action; the longest chain":
        "没有箭头链连接第一个和最后一个客户行为；最长的链",
    "{lead}: {minutes} for one pass, {steps} steps": "{lead}：走一遍 {minutes}，共 {steps} 步",
    "+ {minutes} for each extra pass through the loop {steps}": "每多走一遍回路 {steps}，另加 {minutes}",
    "{stage}: {count}": "{stage}：{count}",
    "{source} → {target} (crosses {lines})": "{source} → {target}（跨越{lines}）",
    "Customer actions nothing frontstage answers": "前台没有回应的客户行为",
    "Frontstage steps with nothing backstage or in support behind them": "后台和支持过程都没有支撑的前台步骤",
    "Cards no arrow touches": "没有箭头连接的卡片",
    "Steps with no owner": "没有负责人的步骤",
    "Gaps": "缺口",
    "Waits, longest first": "等待（从长到短）",
    "Confirm as Moment of Truth": "确认为关键时刻",
    "Dismiss": "排除",
    "Confirm the chosen candidate as a moment of truth": "把选中的候选确认为关键时刻",
    "Dismiss the chosen candidate; it is not proposed again": "排除选中的候选，以后不再提出",
    "importance {value}": "重要性 {value}",
    "Confirm moment of truth": "确认关键时刻",
    "Dismiss moment of truth": "排除关键时刻",
    # the handout
    "… and {count} more": "……另有 {count} 项",
    "The map {name!r} is too large to print legibly in a handout ({count} pages at the smallest legible size); print it as a tiled poster instead (Export PDF, Poster, tiled).":
        "地图 {name!r} 太大，无法在讲义中清晰打印（以最小可读尺寸需要 {count} 页）；请改为打印分页海报（导出 PDF，海报，分页）。",
    # info
    "+ {minutes} min for each extra pass through the loop {steps}": "每多走一遍回路 {steps}，另加 {minutes} 分钟",
    "Longest waits": "最长的等待",
    "Gaps: {count} (see the findings panel or --json)": "缺口：{count} 个（见发现面板或 --json）",
}
