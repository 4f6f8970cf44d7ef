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
    "Unknown export kind {kind!r}; use handout, poster, blank, screening, ahp, solidification or usertest.":
        "未知的导出类型 {kind!r}；请用 handout、poster、blank、screening、ahp、solidification 或 usertest。",
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
    # concept-screening sheets (export/sheets.py, screening_sheets.py, ahp_page.py, concept_tables.py)
    "Missing scores: agree on the rule before scoring. □ not ranked until complete  □ averaged over the voters who scored":
        "缺失评分：评分前先约定规则。□ 评分完整前不排名  □ 按已评分的评分人取平均",
    "Untitled screening": "未命名的概念筛选",
    "Missing scores: a criterion's score is the mean over the voters who scored it; a concept with a criterion nobody scored is not ranked.":
        "缺失评分：某项标准的得分取已评分评分人的平均值；若某项标准无人评分，该概念不参与排名。",
    "Missing scores: a concept is not ranked until every voter has scored every criterion.":
        "缺失评分：每位评分人对每项标准都评分之后，概念才参与排名。",
    "The project has no screening called {name!r}; its screenings are: {names}.":
        "项目中没有名为 {name!r} 的概念筛选；已有的概念筛选：{names}。",
    "(a card that is no longer on the map)": "（该卡片已不在图中）",
    "Concept screening sheet": "概念筛选表",
    "Scores: 1 poor · 2 · 3 fair · 4 · 5 excellent. Mean = the average of the voters' scores on a criterion; weighted total = Σ (weight × mean).":
        "评分：1 差 · 2 · 3 一般 · 4 · 5 优秀。平均分 = 各评分人在该标准上的评分平均值；加权总分 = Σ（权重 × 平均分）。",
    "Pass line: weighted total ≥ ______ .": "通过线：加权总分 ≥ ______ 。",
    "Pass line: weighted total ≥ {value}.": "通过线：加权总分 ≥ {value}。",
    "pass line: weighted total ≥ {value}": "通过线：加权总分 ≥ {value}",
    "pass line {value}": "通过线 {value}",
    "What it means": "含义",
    "Weight": "权重",
    "weights from the AHP comparisons (see the AHP page)": "权重来自层次分析法两两比较（见层次分析法页）",
    "weights as typed": "权重为直接输入",
    "The AHP comparisons are not complete, so there are no weights yet and no concept is ranked.":
        "层次分析法两两比较尚未完成，因此还没有权重，所有概念均未排名。",
    "Criteria and weights": "评价标准与权重",
    "Total": "合计",
    "{criteria} criteria · {voters} voters · {concepts} concepts · {source} · pass line: weighted total ≥ {threshold}":
        "{criteria} 项标准 · {voters} 位评分人 · {concepts} 个概念 · {source} · 通过线：加权总分 ≥ {threshold}",
    "Ranking": "排名",
    "Weighted totals": "加权总分",
    "The weights sum to {total}, not 100 %, so no concept is ranked yet.":
        "权重合计为 {total}，不是 100 %，因此所有概念暂不排名。",
    "{passed} passed (total at or above the pass line) · {failed} below the pass line · {missing} no score / not ranked · {partial} mean of fewer voters (a score is missing)":
        "{passed} 通过（总分达到通过线）· {failed} 低于通过线 · {missing} 无评分 / 未排名 · {partial} 平均分来自部分评分人（有评分缺失）",
    "not ranked": "未排名",
    "below": "未通过",
    "Weighted total": "加权总分",
    "Rank": "排名",
    "Pass": "通过",
    "Every voter's scores": "每位评分人的评分",
    "Missing": "缺失",
    "Mean score per criterion": "各标准平均分",
    "Mean": "平均分",
    "A blank screening sheet has 1 to {most} concepts.": "空白概念筛选表可有 1 到 {most} 个概念。",
    "A blank screening sheet has 1 to {most} voters per concept.": "空白概念筛选表每个概念可有 1 到 {most} 位评分人。",
    "The {count} criteria do not fit across this paper; choose landscape or a larger paper.":
        "这种纸张横向放不下 {count} 项标准；请选择横向或更大的纸张。",
    "{count} voters per concept do not fit on this paper; choose fewer voters or a larger paper.":
        "这种纸张放不下每个概念 {count} 位评分人；请减少评分人或选择更大的纸张。",
    "The screening has no criteria yet.": "该概念筛选还没有评价标准。",
    "The screening has no concepts yet.": "该概念筛选还没有概念。",
    "The blank screening sheet has rows for {shown} of the screening's {count} voters.":
        "空白概念筛选表只为该筛选 {count} 位评分人中的 {shown} 位留了行。",
    "not ranked · {count} missing": "未排名 · 缺 {count} 个评分",
    "AHP weights": "层次分析法权重",
    "AHP pairwise comparison": "层次分析法两两比较",
    "Each cell says how much more important the row's criterion is than the column's, on Saaty's 1–9 scale; the lower triangle holds the reciprocals. The weights are the principal eigenvector of the matrix.":
        "每个单元格表示行标准比列标准重要多少（萨蒂 1–9 标度）；下三角为倒数。权重为矩阵的主特征向量。",
    "Criteria (n)": "标准数（n）",
    "λmax (the principal eigenvalue)": "λmax（最大特征值）",
    "CI = (λmax − n) / (n − 1)": "CI = (λmax − n) / (n − 1)",
    "CR = CI / RI": "CR = CI / RI",
    "RI for n = {n}, {table}": "n = {n} 时的 RI，{table}",
    "Consistent when": "一致性要求",
    "Measure": "指标",
    "Value": "数值",
    "Consistency": "一致性检验",
    "No consistency test is needed for one or two criteria.": "一项或两项标准无需一致性检验。",
    "Consistent: CR = {cr} ≤ 0.10, so the weights can be used.": "通过一致性检验：CR = {cr} ≤ 0.10，权重可以使用。",
    "Not consistent: CR = {cr} > 0.10. Revisit the judgements before using the weights.":
        "未通过一致性检验：CR = {cr} > 0.10。使用权重之前请重新审视判断。",
    "The comparison that disagrees most: {first} against {second}, judged {given}; the weights imply {implied}, so about {suggested} would agree.":
        "与权重最不一致的比较：{first} 对 {second}，判断为 {given}；权重推算为 {implied}，改为约 {suggested} 即可一致。",
    "in a heavy frame: the judgement that disagrees most with the weights": "粗框标出：与权重最不一致的判断",
    "The matrix is not complete yet: {problem}.": "矩阵尚未填完：{problem}。",
    "This screening uses the weights as typed, not these AHP weights.": "该概念筛选使用直接输入的权重，而不是这些层次分析法权重。",
    "Saaty's scale": "萨蒂标度",
    "equally important": "同等重要",
    "moderately more important": "稍微重要",
    "strongly more important": "明显重要",
    "very strongly more important": "强烈重要",
    "extremely more important": "极端重要",
    "between two neighbouring judgements": "介于相邻两个判断之间",
    "the column's criterion is the more important one (the reciprocal)": "列标准更重要（取倒数）",
    "Random index (RI): {table}": "随机一致性指标（RI）：{table}",
    "Other tables are in use (AHPy's \"saaty\" table has 0.52, 0.89, 1.11 …; Donegan–Dodd's differs again); this page uses Saaty's (1980).":
        "也有其他 RI 表在用（AHPy 的“saaty”表为 0.52、0.89、1.11……；Donegan–Dodd 的表又不同）；本页使用萨蒂（1980）的表。",
    "For each pair, write in the upper triangle how much more important the row's criterion is than the column's, on Saaty's scale below; when the column's criterion is the more important one, write the reciprocal (1/3, 1/5 …). The lower triangle takes the reciprocals.":
        "对每一对标准，在上三角写出行标准比列标准重要多少（见下方萨蒂标度）；若列标准更重要，写倒数（1/3、1/5……）。下三角填对应的倒数。",
    "Results": "结果",
    "□ CR ≤ 0.10: consistent, use the weights.    □ CR > 0.10: revisit the judgement that disagrees most: ______________________":
        "□ CR ≤ 0.10：一致，使用权重。    □ CR > 0.10：重新审视最不一致的判断：______________________",
    "By hand: a criterion's weight is about the geometric mean of its row divided by the sum of all rows' geometric means; λmax ≈ the mean, over the rows, of (the row × the weights) ÷ the row's weight.":
        "手算：某项标准的权重约等于该行几何平均数除以各行几何平均数之和；λmax ≈ 各行（该行 × 权重）÷ 该行权重的平均值。",
    "Concept solidification table": "概念固化表",
    "User test sheet": "用户测试表",
    "Concept name": "概念名称",
    "A short name everyone will remember": "一个大家都记得住的简短名称",
    "Who is it for? A persona or a customer segment": "为谁设计？用户画像或客户群体",
    "Which pain point or moment of truth does it address?": "解决哪个痛点或关键时刻？",
    "What do we offer, and how does it work for the customer?": "我们提供什么？对客户来说如何运作？",
    "Which cards of the blueprint does it change? Mark a moment of truth with ★": "改变蓝图中的哪些卡片？关键时刻用 ★ 标出",
    "People, budget, systems, partners": "人员、预算、系统、合作伙伴",
    "How do we know it works? A number and a date": "如何知道它有效？一个数字和一个日期",
    "Who, how many, how they are found": "谁、多少人、如何招募",
    "We believe that … for … will … We know it works when …": "我们相信……对……会……当……时，我们就知道它有效",
    "Interview, paper prototype, role play, pilot …": "访谈、纸面原型、角色扮演、试点……",
    "The result that confirms the hypothesis": "能证实假设的结果",
    "What the participants are asked to do, step by step": "请参与者一步一步完成的任务",
    "What happened?  □ confirmed   □ partly   □ rejected": "结果如何？  □ 证实   □ 部分证实   □ 否定",
    "Build it, change it, test again, or drop it": "实施、修改、再测试，或放弃",
    "Untitled concept": "未命名概念",
    "Screening result": "筛选结果",
    "The screening {name!r} has no chosen concepts yet; mark the winners as chosen, or print the blank sheet.":
        "概念筛选 {name!r} 还没有选中的概念；请把胜出的概念标为已选中，或打印空白表。",
    "{count} chosen concepts from the screening.": "来自该概念筛选的 {count} 个选中概念。",
    "Concept {number} of {count}": "概念 {number} / {count}",
    "rank {rank} · weighted total {total}": "第 {rank} 名 · 加权总分 {total}",
    "A blank sheet has 1 to {most} concepts.": "空白表可有 1 到 {most} 个概念。",
    "({number} of {count})": "（第 {number} 份，共 {count} 份）",
    "The project has no screening yet; add one, or print the blank sheet.": "项目中还没有概念筛选；请先添加一个，或打印空白表。",
    # the export command's options for the sheets
    "handout (default), poster, blank, or a concept-screening sheet: screening, ahp, solidification, usertest":
        "讲义（默认）、海报、空白模板，或概念筛选用表：screening、ahp、solidification、usertest",
    "a screening sheet to fill in by hand, instead of the filled one": "打印手填用的空白表，而不是已填好的表",
    "the screening a sheet shows (default: the project's first)": "表中显示的概念筛选（默认：项目中的第一个）",
    "blank sheets: boxes for N concepts": "空白表：为 N 个概念留格",
    "blank screening sheet: rows for N voters per concept": "空白概念筛选表：每个概念为 N 位评分人留行",
    "a count must be a whole number from 1, not {value}": "数量必须是不小于 1 的整数，而不是 {value}",
    "{options} go with a screening sheet: --kind screening, ahp, solidification or usertest.":
        "{options} 只用于概念筛选用表：--kind screening、ahp、solidification 或 usertest。",
}
