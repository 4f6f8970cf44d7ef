"""Simplified Chinese for the export layer's strings (English source -> 中文)."""

ZH: dict[str, str] = {
    # handout
    "Workshop handout": "工作坊讲义",
    "Untitled workshop": "未命名工作坊",
    "Organisation": "组织",
    "Date": "日期",
    "Trainer": "讲师",
    "Group": "小组",
    "Names": "成员",
    "… and {count} more maps": "……以及另外 {count} 张图",
    "{stages} stages · {cards} cards · {mot} moments of truth · {fail} fail points":
        "{stages} 个阶段 · {cards} 张卡片 · {mot} 个关键时刻 · {fail} 个失误点",
    "Symbols used on the map": "图中符号",
    "(part {label} of {rows} × {columns})": "（第 {label} 部分，共 {rows} × {columns}）",
    "All cards": "全部卡片",
    "Stage": "阶段",
    "Lane": "泳道",
    "Kind": "类型",
    "Text": "文字",
    "Channel": "渠道",
    "Emotion": "情绪",
    "MOT": "关键时刻",
    "Fail point": "失误点",
    "Wait": "等待",
    "Duration": "时长",
    "Moment of truth": "关键时刻",
    "Moments of truth": "关键时刻",
    "Pain points and fail points": "痛点与失误点",
    "Opportunities and ideas": "机会点与创意",
    "Emotion curve": "情绪曲线",
    "lowest point": "最低点",
    "dip": "低谷",
    "emotion": "情绪",
    "fail point": "失误点",
    "wait": "等待",
    "No emotions recorded yet.": "尚未记录情绪。",
    "None marked yet.": "尚未标记。",
    "This map has no cards yet.": "这张图还没有卡片。",
    "The project has no maps yet.": "项目中还没有图。",
    "Notes": "笔记",
    "The map {name!r} is too large for one page and is printed across {count} pages.":
        "图 {name!r} 一页放不下，已分 {count} 页打印。",
    "The bundled font could not be loaded ({reason}); please reinstall Blueprint Studio.":
        "无法加载内置字体（{reason}），请重新安装服务蓝图工作室。",
    # poster
    "Made with Blueprint Studio": "由服务蓝图工作室制作",
    "This map is too large to print legibly on one {paper} page (text would be {size:.1f} pt, "
    "the minimum is 7 pt); choose landscape or a larger paper, or tile it across pages at scale 1.0.":
        "这张图在一页 {paper} 纸上无法清晰打印（文字只有 {size:.1f} 磅，最小需 7 磅）；"
        "请选择横向或更大的纸张，或按 1.0 的比例分页拼贴打印。",
    "Some card texts were shortened on the poster; the handout's card table gives them in full.":
        "海报上部分卡片文字已缩略；讲义的卡片表中有完整文字。",
    "The tiling scale must be a number between {low:.2f} and 20.": "拼贴比例必须是 {low:.2f} 到 20 之间的数字。",
    "At scale {scale:g} the text would be smaller than 7 pt; use a tiling scale of at least {low:.2f}.":
        "比例 {scale:g} 时文字将小于 7 磅；请使用至少 {low:.2f} 的拼贴比例。",
    "Page {label} of {rows} × {columns} · scale {scale:g} · overlap {overlap} mm":
        "第 {label} 页，共 {rows} × {columns} 页 · 比例 {scale:g} · 重叠 {overlap} 毫米",
    "Assembly: {count} pages, {rows} rows × {columns} columns. Trim at the cut marks, overlap the "
    "dashed strips and match the ⊕ marks.":
        "拼贴说明：共 {count} 页，{rows} 行 × {columns} 列。沿裁切标记裁边，重叠虚线条带，对齐 ⊕ 标记。",
    "At scale {scale:.2f} the poster would need {fewer} pages instead of {count}.":
        "比例为 {scale:.2f} 时海报只需 {fewer} 页，而不是 {count} 页。",
    # blank templates
    "Blank template": "空白模板",
    "Touchpoints": "触点",
    "Thoughts and feelings": "想法与感受",
    "Pain points": "痛点",
    "Opportunities": "机会点",
    "A blank template has 1 to {max} columns.": "空白模板可有 1 到 {max} 列。",
    "Too many columns for this paper; choose fewer columns, a larger paper or landscape.":
        "这种纸张放不下这么多列；请减少列数、选择更大的纸张或横向打印。",
    # errors
    "Unknown export kind {kind!r}; use handout, poster or blank.": "未知的导出类型 {kind!r}；请用 handout、poster 或 blank。",
    "Unknown paper size {paper!r}; choose A4, A3 or Letter.": "未知的纸张 {paper!r}；请选择 A4、A3 或 Letter。",
    "The project has no map called {name!r}.": "项目中没有名为 {name!r} 的图。",
    "The project has no map to export yet.": "项目中还没有可导出的图。",
    "The folder {folder} does not exist.": "文件夹 {folder} 不存在。",
    "Cannot write to {folder}: {reason}.": "无法写入 {folder}：{reason}。",
    "Cannot write {file}: {reason}.": "无法写入 {file}：{reason}。",
    # export dialog
    "Export PDF": "导出 PDF",
    "Poster": "海报",
    "Blank service blueprint": "空白服务蓝图",
    "Blank journey map": "空白客户旅程图",
    "All maps (handout)": "全部图（讲义）",
    "Untitled map": "未命名图",
    "Portrait": "纵向",
    "Landscape": "横向",
    "Tile across pages at scale": "分页拼贴，比例",
    "Map": "图",
    "Paper": "纸张",
    "Orientation": "方向",
    "Language of labels": "标签语言",
    "Cover": "封面",
    "Workshop title": "工作坊标题",
    "Export…": "导出…",
    "{count} pages": "{count} 页",
    "Preview of the first pages": "前几页预览",
    "The map's stages": "使用图的阶段",
    "Blank columns": "空白列数",
    "Preview needs the pypdfium2 package; export works without it.": "预览需要 pypdfium2 软件包；没有它也能导出。",
    "PDF files (*.pdf)": "PDF 文件 (*.pdf)",
    # flow findings section of the handout
    "None found.": "未发现。",
    "{count} arrows cross the line of interaction, visibility or internal interaction.":
        "{count} 条连线跨越互动、可视或内部互动分界线。",
    "Critical path (duration + wait)": "关键路径（时长 + 等待）",
    "Finding": "发现",
    "Detail": "说明",
    "Flow findings": "流程分析发现",
}
