"""Simplified Chinese for the canvas layer's strings (English source -> 中文)."""

ZH: dict[str, str] = {
    # undo steps (shown in the undo history)
    "Add card": "添加卡片",
    "Add stage": "添加阶段",
    "Add lane": "添加泳道",
    "Move card": "移动卡片",
    "Move {count} cards": "移动 {count} 张卡片",
    "Move stage": "移动阶段",
    "Move lane": "移动泳道",
    "Resize column": "调整列宽",
    "Connect cards": "连接卡片",
    "Delete card": "删除卡片",
    "Delete {count} cards": "删除 {count} 张卡片",
    "Delete arrow": "删除箭头",
    "Delete stage or lane": "删除阶段或泳道",
    "Edit card text": "编辑卡片文字",
    "Edit arrow label": "编辑箭头标签",
    "Rename stage": "重命名阶段",
    "Rename lane": "重命名泳道",
    "Paste": "粘贴",
    "Paste here": "粘贴到这里",
    "Duplicate": "创建副本",
    # context menu
    "Edit text": "编辑文字",
    "Copy": "复制",
    "Cut": "剪切",
    "Delete": "删除",
    "Insert stage before": "在前面插入阶段",
    "Insert stage after": "在后面插入阶段",
    "Automatic column width": "自动列宽",
    "Delete stage": "删除阶段",
    "Insert lane above": "在上方插入泳道",
    "Insert lane below": "在下方插入泳道",
    "Delete lane": "删除泳道",
    "Add card here": "在此添加卡片",
    # names of new things
    "Stage {number}": "阶段 {number}",
    "Lane {number}": "泳道 {number}",
    # the emotion lane
    "Emotion curve": "情绪曲线",
    "Give customer cards an emotion score (−2 … +2) to draw the curve":
        "给客户行为卡片打上情绪分（−2 … +2），即可画出情绪曲线",
    # status messages
    "Copied {count} cards": "已复制 {count} 张卡片",
    "Unknown card kind: {kind}": "未知的卡片类型：{kind}",
    # refusals the canvas passes on from the model and the clipboard
    "These cards are already joined by an arrow": "这两张卡片之间已有箭头",
    "An arrow cannot lead from a card to itself": "箭头不能从卡片指向它自己",
    "An arrow must join two cards of the same map": "箭头只能连接同一张地图上的两张卡片",
    "A card must be moved into an existing stage and lane": "卡片只能移到已有的阶段和泳道中",
    "The clipboard does not hold Blueprint Studio cards": "剪贴板里没有服务蓝图工作室的卡片",
    "The clipboard holds cards in a form this version cannot read": "剪贴板里的卡片格式无法被此版本读取",
    "These cards were copied from a newer Blueprint Studio; please update":
        "这些卡片来自更新版本的服务蓝图工作室，请升级后再粘贴",
    "Cannot paste more than 10,000 cards at once": "一次最多只能粘贴 10,000 张卡片",
    "A copied card is damaged and cannot be pasted": "复制的卡片已损坏，无法粘贴",
    "Add a stage and a lane before pasting cards": "请先添加阶段和泳道，再粘贴卡片",
}
