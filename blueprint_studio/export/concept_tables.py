"""The concept solidification table (概念固化表) and the user test sheet (用户测试表).

Filled: one table per chosen concept of the screening, every field in full (long texts
continue over pages), the touchpoints and moments of truth as the cards they name.
Blank: one page per concept, labelled boxes ruled for handwriting, the chosen concepts'
names printed when there are any.
"""

from __future__ import annotations

from reportlab.platypus import Flowable, PageBreak, TableStyle

from ..analysis.screening import evaluate
from ..appearance import MUTED_INK
from ..i18n import tr
from ..model.entities import Project
from ..model.screening import Concept, Screening
from .draw import colour
from .errors import ExportError
from .sheets import (
    FAIL_MARK, LIGHT_SHADE, MISSING_MARK, PASS_MARK, Box, FillIn, FormPage, Gap, Heading, Lines, card_lines,
    number, row_positions, screening_title, table,
)

MAX_BLANK_FORMS = 50

# (field of Concept, label) in the order of the printed table
SOLIDIFICATION = (("title", "Concept name"), ("target_persona", "Target persona"),
                  ("problem", "Problem"), ("solution", "Solution"),
                  ("card_refs", "Touchpoints and moments of truth"), ("resources", "Resources"),
                  ("success_kpi", "Success KPI"))
USER_TEST = (("hypothesis", "Hypothesis"), ("test_method", "Test method"),
             ("participants", "Participants"), ("tasks", "Tasks"),
             ("success_measure", "Success measure"), ("result", "Result"), ("next_step", "Next step"))

TITLES = {"solidification": "Concept solidification table", "usertest": "User test sheet"}


def sheet_title(kind: str, lang: str) -> str:
    return tr(TITLES[kind], lang)


def chosen(screening: Screening) -> list[Concept]:
    return [concept for concept in screening.concepts if concept.chosen]


# -- filled -----------------------------------------------------------------------------------

def filled_story(kind: str, project: Project, screening: Screening, width: float,
                 lang: str) -> list[Flowable]:
    concepts = chosen(screening)
    if not concepts:
        raise ExportError(tr("The screening {name!r} has no chosen concepts yet; mark the winners as "
                             "chosen, or print the blank sheet.", lang).format(
            name=screening_title(screening, lang)))
    results = {row.concept_id: row for row in evaluate(screening).concepts}
    story: list[Flowable] = [Heading(sheet_title(kind, lang) + " · " + screening_title(screening, lang), 15.0),
                             Lines(tr("{count} chosen concepts from the screening.", lang).format(
                                 count=len(concepts)), 9.0)]
    label_w = min(170.0, width * 0.27)
    for number_, concept in enumerate(concepts, start=1):
        heading = (tr("Concept {number} of {count}", lang).format(number=number_, count=len(concepts))
                   + " · " + (concept.title.strip() or tr("Untitled concept", lang)))
        header = [tr("Screening result", lang), _result(results.get(concept.id), lang)]
        rows = []
        fields = SOLIDIFICATION[1:] if kind == "solidification" else USER_TEST
        for name, label in fields:
            value = getattr(concept, name)
            if name == "card_refs":
                value = card_lines(project, value, lang)
            rows.append([tr(label, lang), value.strip() or MISSING_MARK])
        if kind == "usertest" and concept.success_kpi.strip():
            rows.insert(0, [tr("Success KPI", lang), concept.success_kpi.strip()])
        built = table(header, rows, [label_w, width - label_w])
        style = [("BACKGROUND", (0, 1), (0, -1), colour(LIGHT_SHADE)),
                 ("ROWBACKGROUNDS", (1, 1), (1, -1), [colour("#ffffff")])]
        positions = row_positions(rows, [label_w, width - label_w])
        for index, row in enumerate(rows):
            if row[1] == MISSING_MARK:
                style.append(("TEXTCOLOR", (1, positions[index]), (1, positions[index]), colour(MUTED_INK)))
        built.setStyle(TableStyle(style))
        story += [Gap(10), Heading(heading, 12.0, 4), built]
    return story


def _result(row, lang: str) -> str:
    if row is None or row.total is None:
        return MISSING_MARK + " " + tr("not ranked", lang)
    mark = (PASS_MARK + " " + tr("passed", lang)) if row.passed else (FAIL_MARK + " " + tr("below", lang))
    return tr("rank {rank} · weighted total {total}", lang).format(rank=row.rank, total=number(row.total)) \
        + " · " + mark


# -- blank ------------------------------------------------------------------------------------

def _solidification_boxes(lang: str) -> list[Box]:
    return [
        Box(tr("Concept name", lang), tr("A short name everyone will remember", lang), 0.7, half=True),
        Box(tr("Target persona", lang), tr("Who is it for? A persona or a customer segment", lang), 0.7,
            half=True),
        Box(tr("Problem", lang), tr("Which pain point or moment of truth does it address?", lang), 1.1),
        Box(tr("Solution", lang), tr("What do we offer, and how does it work for the customer?", lang), 1.5),
        Box(tr("Touchpoints and moments of truth", lang),
            tr("Which cards of the blueprint does it change? Mark a moment of truth with ★", lang), 1.1),
        Box(tr("Resources", lang), tr("People, budget, systems, partners", lang), 0.9, half=True),
        Box(tr("Success KPI", lang), tr("How do we know it works? A number and a date", lang), 0.9,
            half=True),
    ]


def _user_test_boxes(lang: str) -> list[Box]:
    return [
        Box(tr("Concept", lang), "", 0.55, half=True),
        Box(tr("Participants", lang), tr("Who, how many, how they are found", lang), 0.55, half=True),
        Box(tr("Hypothesis", lang), tr("We believe that … for … will … We know it works when …", lang), 1.0),
        Box(tr("Test method", lang), tr("Interview, paper prototype, role play, pilot …", lang), 0.8,
            half=True),
        Box(tr("Success measure", lang), tr("The result that confirms the hypothesis", lang), 0.8,
            half=True),
        Box(tr("Tasks", lang), tr("What the participants are asked to do, step by step", lang), 1.3),
        Box(tr("Result", lang), tr("What happened?  □ confirmed   □ partly   □ rejected", lang), 1.1),
        Box(tr("Next step", lang), tr("Build it, change it, test again, or drop it", lang), 0.7),
    ]


def blank_story(kind: str, screening: Screening | None, lang: str, count: int | None) -> list[Flowable]:
    names = [c.title for c in chosen(screening)] if screening is not None else []
    if count is not None and not 1 <= count <= MAX_BLANK_FORMS:
        raise ExportError(tr("A blank sheet has 1 to {most} concepts.", lang).format(most=MAX_BLANK_FORMS))
    count = count if count is not None else max(1, min(MAX_BLANK_FORMS, len(names)))
    name = screening_title(screening, lang)
    boxes = _solidification_boxes(lang) if kind == "solidification" else _user_test_boxes(lang)
    name_label = boxes[0].label
    story: list[Flowable] = []
    for index in range(count):
        if story:
            story.append(PageBreak())
        heading = sheet_title(kind, lang) + (" · " + name if name else "")
        if count > 1:
            heading += " " + tr("({number} of {count})", lang).format(number=index + 1, count=count)
        prefilled = {name_label: names[index]} if index < len(names) else {}
        story += [Heading(heading, 15.0), FillIn(lang), Gap(4), FormPage(boxes, prefilled)]
    return story
