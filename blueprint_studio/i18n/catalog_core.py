"""Simplified Chinese for the model's vocabulary, the CLI and import/export messages."""

ZH: dict[str, str] = {
    # lanes
    "Physical evidence": "有形展示",
    "Customer actions": "客户行为",
    "Frontstage actions": "前台行为",
    "Backstage actions": "后台行为",
    "Support processes": "支持过程",
    "Custom lane": "自定义泳道",
    "Emotion": "情绪",
    "Emotion curve": "情绪曲线",
    # lines
    "Line of interaction": "互动分界线",
    "Line of visibility": "可视分界线",
    "Line of internal interaction": "内部互动分界线",
    # card kinds
    "Touchpoint": "触点",
    "Action": "行为",
    "Evidence": "服务证据",
    "Pain point": "痛点",
    "Opportunity": "机会点",
    "Idea": "创意",
    "Note": "备注",
    # channels
    "Physical": "物理",
    "Digital": "数字",
    "Interpersonal": "人际",
    # map kinds
    "Service blueprint": "服务蓝图",
    "Journey map": "客户旅程图",
    # card fields
    "Stage": "阶段",
    "Lane": "泳道",
    "Text": "文字",
    "Kind": "类型",
    "Channel": "渠道",
    "Moment of truth": "关键时刻",
    "Fail point": "失误点",
    "Wait (min)": "等待（分钟）",
    "Duration (min)": "时长（分钟）",
    "Owner": "负责人",
    "Notes": "备注",
    "Colour": "颜色",
}
