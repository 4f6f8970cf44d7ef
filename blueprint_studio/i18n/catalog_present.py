"""Simplified Chinese for presentation mode, the workshop timer and the interface settings
(English source -> 中文)."""

ZH: dict[str, str] = {
    # View ▸ Presentation Mode
    "Show the whole map full screen, read-only, to step through stage by stage (F5 or Esc to leave)":
        "全屏显示整张地图（只读），可逐个阶段讲解（按 F5 或 Esc 退出）",
    # menus
    "Prese&ntation": "演示(&N)",
    "Workshop &Timer": "工作坊计时器(&T)",
    # stepping
    "&Next Stage": "下一阶段(&N)",
    "Spotlight the next stage (also Down, Page Down: what clickers send)":
        "突出显示下一个阶段（也可按 ↓、Page Down：翻页笔发送的键）",
    "&Previous Stage": "上一阶段(&P)",
    "Spotlight the previous stage, or the whole map before the first (also Up, Page Up)":
        "突出显示上一个阶段，第一个阶段之前是整张地图（也可按 ↑、Page Up）",
    "&Whole Map": "整张地图(&W)",
    "Back to the start: the whole map, no stage spotlighted": "回到开头：整张地图，不突出任何阶段",
    "&Last Stage": "最后阶段(&L)",
    "Spotlight the last stage": "突出显示最后一个阶段",
    "Next &Moment of Truth": "下一个关键时刻(&M)",
    "Ring the next card marked as a moment of truth and spotlight its stage":
        "圈出下一张标为关键时刻的卡片，并突出显示它所在的阶段",
    "Previous Moment of &Truth": "上一个关键时刻(&T)",
    "Ring the previous moment of truth": "圈出上一个关键时刻",
    "&Reveal Stage by Stage": "逐阶段揭示(&R)",
    "While presenting, hide the stages not yet reached instead of dimming them (R while presenting; remembered)":
        "演示时隐藏尚未讲到的阶段，而不是调暗（演示时按 R；会记住）",
    "Pointer &Highlight": "指针高亮(&H)",
    "A soft circle follows the mouse over the map, for pointing from afar (P while presenting; remembered)":
        "一个柔和的光圈随鼠标在地图上移动，便于远处指点（演示时按 P；会记住）",
    "&Emotion Curve": "情绪曲线(&E)",
    "Show or hide the emotion curve while presenting (the map's own setting stays)":
        "演示时显示或隐藏情绪曲线（地图本身的设置不变）",
    "&Close-up": "近景(&C)",
    "Zoom in to about three stages across, following the spotlight; the wheel scrolls up and down (Z again: the whole map)":
        "放大到约三个阶段的宽度并跟随突出显示的阶段；滚轮上下滚动（再按 Z：整张地图）",
    "Leave Presentation": "退出演示",
    "Back to the editor, exactly as it was (also F5)": "回到编辑界面，一切如前（也可按 F5）",
    # the caption and notes
    "Whole map · → next stage": "整张地图 · 按 → 进入下一阶段",
    "Whole map": "整张地图",
    "Stage {number} of {count} · {name}": "第 {number}/{count} 阶段 · {name}",
    "★ Moment of truth {number} of {count}": "★ 关键时刻 {number}/{count}",
    "This map has no moments of truth": "这张地图没有关键时刻",
    # workshop timer
    "&Start Timer…": "开始计时(&S)…",
    "Count down an exercise: 5, 10, 15 minutes or a time you type": "为练习倒计时：5、10、15 分钟或自己输入的时间",
    "Timer": "计时器",
    "5 Minutes": "5 分钟",
    "Start a 5-minute countdown": "开始 5 分钟倒计时",
    "10 Minutes": "10 分钟",
    "Start a 10-minute countdown": "开始 10 分钟倒计时",
    "15 Minutes": "15 分钟",
    "Start a 15-minute countdown": "开始 15 分钟倒计时",
    "&Pause": "暂停(&P)",
    "Pause the countdown, or resume it (T while presenting; or click the timer)":
        "暂停或继续倒计时（演示时按 T；或单击计时器）",
    "&Reset": "重置(&R)",
    "Back to the full time, paused until resumed": "恢复到完整时长，暂停直到继续",
    "S&top and Hide": "停止并隐藏(&T)",
    "End the countdown and hide the timer": "结束倒计时并隐藏计时器",
    "Workshop Timer": "工作坊计时器",
    "How long is the exercise?": "练习多长时间？",
    "{minutes} min": "{minutes} 分钟",
    "Or type a time (minutes, or m:ss, or 90s):": "或输入时间（分钟数、分:秒，或 90s）：",
    "Start": "开始",
    "Not a time: type minutes (10), m:ss (7:30) or seconds (90s), up to a day.":
        "不是有效的时间：请输入分钟数（10）、分:秒（7:30）或秒数（90s），最长一天。",
    "Workshop timer: click to pause or resume, right-click for more": "工作坊计时器：单击暂停或继续，右键查看更多",
    "Time's up": "时间到",
    "Paused": "已暂停",
    # interface settings
    "P&articipant Mode": "学员模式(&A)",
    "A simpler window for participants: no history or findings panels, and the inspector without colours, channels, times, column widths and lane kinds (remembered)":
        "为学员简化的窗口：没有历史和发现面板，属性面板中不显示颜色、渠道、时间、列宽和泳道类型（会记住）",
    "Lar&ger Text": "大号文字(&G)",
    "Larger type in the whole interface: menus, panels, inspector (remembered)":
        "整个界面使用更大的文字：菜单、面板、属性面板（会记住）",
}
