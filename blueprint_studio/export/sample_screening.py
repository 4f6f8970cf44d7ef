"""The concept screening of the sample PDFs: the enterprise training workshop's block 4 and 5.

Four criteria weighted by AHP (the published example's matrix, CR 0.044), three groups
scoring six concepts that grew from the map's opportunity cards, a tie, one missing score,
and two chosen concepts written up for the solidification table and the user test sheet.
`inconsistent=True` changes one judgement so that CR > 0.10 (the AHP page's warning).
"""

from __future__ import annotations

from ..model.entities import Project
from ..model.enums import CardKind
from ..model.screening import (
    Comparison, Concept, Criterion, MissingRule, Score, Screening, Voter, WeightSource,
)

CRITERIA = {
    "zh": (("客户价值", "对客户业务的帮助有多大"), ("可行性", "我们现有团队和系统能否做到"),
           ("成本", "5 = 投入很少，1 = 投入很大"), ("战略契合", "是否符合公司向客户成功转型的方向")),
    "en": (("Value to the client", "How much it helps the client's business"),
           ("Feasibility", "Can our team and systems deliver it today"),
           ("Cost", "5 = little effort, 1 = a large investment"),
           ("Strategic fit", "Does it fit the move towards customer success")),
}
MATRIX = ((1, 4, 3, 7), (1 / 4, 1, 1 / 3, 3), (1 / 3, 3, 1, 5), (1 / 7, 1 / 3, 1 / 5, 1))
VOTERS = {"zh": ("第1组", "第2组", "第3组"), "en": ("Group 1", "Group 2", "Group 3")}
CONCEPTS = {
    "zh": ("业务场景调研后定制课程", "用户共创培训案例", "初、中、高阶系列课程", "业务使用规范手册",
           "激活率与活跃率看板", "课后 30 天答疑群"),
    "en": ("Tailored course after a scenario study", "Training cases co-designed with users",
           "Beginner, intermediate and advanced series", "Usage guidelines for the client's scenarios",
           "Adoption dashboard (activation, active use)", "30-day Q&A group after the course"),
}
# scores[concept][voter] = (value, feasibility, cost, fit); None = not scored
SCORES = (
    ((5, 4, 3, 5), (5, 3, 3, 4), (4, 4, 4, 5)),
    ((4, 3, 3, 4), (4, 4, 2, 4), (3, 3, 3, 3)),
    ((4, 4, 4, 4), (5, 4, 3, 4), (4, 5, 4, 3)),
    ((3, 4, 4, 3), (3, 4, 4, 3), (3, 4, 4, 3)),
    ((3, 4, 4, 3), (3, 4, 4, 3), (3, 4, 4, 3)),
    ((3, 5, 5, 2), (3, 5, None, 2), (2, 5, 5, 2)),
)
CHOSEN = {
    0: {
        "zh": dict(target_persona="客户方培训负责人（HR 或业务部门经理），希望培训后员工能直接用起来",
                   problem="需求表单过于笼统，培训内容与客户真实业务场景脱节，学完依然不会用。",
                   solution="签约后一周内由客户成功经理做 1 小时场景访谈，梳理 3–5 个关键业务流程，"
                            "据此调整课程案例与上机练习；访谈纪要与客户确认后再开课。",
                   resources="客户成功经理每客户 2 小时；讲师备课 4 小时；访谈提纲模板",
                   success_kpi="培训后 30 天关键功能活跃率 ≥ 60 %；满意度 ≥ 4.5 / 5",
                   hypothesis="我们相信，开课前做场景访谈并定制案例，会让学员在 30 天内真正用起关键功能。",
                   test_method="在 3 家新签客户试点，与 3 家按原流程培训的客户对比",
                   participants="3 家试点客户的培训负责人和约 40 名学员",
                   tasks="1. 参加场景访谈\n2. 确认访谈纪要\n3. 参加定制课程\n4. 30 天后完成回访问卷",
                   success_measure="试点客户 30 天关键功能活跃率比对照组高 15 个百分点以上",
                   result="", next_step=""),
        "en": dict(target_persona="The client's training lead (HR or a department manager) who wants staff "
                                  "to use the product right after the course",
                   problem="The request form is generic, so the course misses the client's real "
                           "scenarios and people still cannot use the product afterwards.",
                   solution="Within a week of signing, the customer success manager holds a one-hour "
                            "scenario interview, maps 3–5 key business processes and adapts the course "
                            "cases and hands-on exercises; the client confirms the notes before the course.",
                   resources="2 hours of the customer success manager per client; 4 hours of trainer "
                             "preparation; an interview guide",
                   success_kpi="Key-feature active use ≥ 60 % 30 days after the course; satisfaction ≥ 4.5 / 5",
                   hypothesis="We believe that a scenario interview and tailored cases before the course "
                              "will make learners really use the key features within 30 days.",
                   test_method="Pilot with 3 newly signed clients, compared with 3 clients trained as today",
                   participants="The training leads of the 3 pilot clients and about 40 learners",
                   tasks="1. Take part in the scenario interview\n2. Confirm the notes\n"
                         "3. Attend the tailored course\n4. Answer the follow-up survey after 30 days",
                   success_measure="Key-feature active use 15 points higher than the comparison group",
                   result="", next_step=""),
    },
    2: {
        "zh": dict(target_persona="不同基础的学员：新用户、日常使用者和系统管理员",
                   problem="培训停留在最基本的功能使用，无法满足不同客户和学员的诉求。",
                   solution="把课程拆成初、中、高阶三级，每级半天，学员按测评结果选择；高阶课邀请用户一起演练。",
                   resources="讲师开发中、高阶课程各 3 天；在线测评题库",
                   success_kpi="中、高阶课程报名率 ≥ 30 %；复训问题数下降 40 %",
                   hypothesis="我们相信，分级课程会让有基础的学员学到新东西，减少课后重复答疑。",
                   test_method="纸面课程目录 + 5 位学员访谈；随后在一个客户试开中阶课",
                   participants="5 位不同基础的学员；1 家客户的 15 名学员",
                   tasks="1. 做入门测评\n2. 根据结果选择课程级别\n3. 说出选择理由",
                   success_measure="至少 4 / 5 位学员能自己选对级别",
                   result="5 位中 4 位选对级别；管理员希望有单独的管理课。",
                   next_step="增加“系统管理员”专题课，再测一次"),
        "en": dict(target_persona="Learners of different levels: new users, daily users and administrators",
                   problem="Training stays at the basic features and cannot meet different clients' "
                           "and learners' needs.",
                   solution="Split the course into beginner, intermediate and advanced half days, chosen "
                            "by a short self-test; advanced classes practise together with users.",
                   resources="3 trainer days each for the intermediate and advanced courses; an online "
                             "self-test",
                   success_kpi="≥ 30 % sign up for intermediate or advanced; 40 % fewer repeat questions",
                   hypothesis="We believe that a course series will teach experienced learners something "
                              "new and cut the repeat questions after the course.",
                   test_method="A paper course catalogue and 5 learner interviews, then one intermediate "
                               "class at one client",
                   participants="5 learners of different levels; 15 learners at one client",
                   tasks="1. Take the self-test\n2. Choose a level from the result\n3. Explain the choice",
                   success_measure="At least 4 of 5 learners choose the right level by themselves",
                   result="4 of 5 chose the right level; administrators asked for a course of their own.",
                   next_step="Add an administrators' course and test again"),
    },
}


def add_sample_screening(project: Project, lang: str, inconsistent: bool = False) -> Screening:
    """Add the sample screening to `project` (its first map's opportunity cards are linked)."""
    criteria = [Criterion(name=name, description=description) for name, description in CRITERIA[lang]]
    screening = Screening(name="第一轮概念筛选" if lang == "zh" else "Concept screening, round 1",
                          pass_threshold=3.5, missing_rule=MissingRule.UNRANKED,
                          weight_source=WeightSource.AHP, criteria=criteria)
    matrix = [list(row) for row in MATRIX]
    if inconsistent:
        matrix[0][2] = 1 / 3  # value judged less important than cost: contradicts the rest
    for i in range(len(criteria)):
        for j in range(i + 1, len(criteria)):
            comparison = Comparison(criteria[i].id, criteria[j].id, matrix[i][j])
            screening.comparisons[comparison.id] = comparison
    screening.voters = [Voter(name=name) for name in VOTERS[lang]]
    screening.concepts = [Concept(title=title) for title in CONCEPTS[lang]]
    for concept, by_voter in zip(screening.concepts, SCORES):
        for voter, values in zip(screening.voters, by_voter):
            for criterion, value in zip(criteria, values):
                if value is not None:
                    score = Score(concept.id, criterion.id, voter.id, value)
                    screening.scores[score.id] = score
    refs = _card_refs(project)
    for index, fields in CHOSEN.items():
        concept = screening.concepts[index]
        concept.chosen = True
        for name, value in fields[lang].items():
            setattr(concept, name, value)
        concept.card_refs = "\n".join(refs[index:index + 2])
    project.screenings.append(screening)
    return screening


def _card_refs(project: Project) -> list[str]:
    """Pain points and moments of truth of the first map, in reading order, as references."""
    if not project.maps:
        return []
    service_map = project.maps[0]
    return [f"{service_map.id}/{card.id}" for card in service_map.cards_in_reading_order()
            if card.moment_of_truth or card.kind is CardKind.PAIN_POINT]
