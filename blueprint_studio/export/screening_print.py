"""The concept-screening kinds of `export_pdf`, and their sections in the workshop handout.

    kind "screening"       the concept-screening sheet (blank or filled)
    kind "ahp"             the AHP page (blank or filled)
    kind "solidification"  the concept solidification table (blank or the chosen concepts)
    kind "usertest"        the user test sheet (blank or the chosen concepts)

A filled sheet needs a screening (by id or name, default the project's first); a blank
sheet prints the screening's criteria, weights and names when there is one, and empty
boxes otherwise, with `concepts` / `voters` rows.
"""

from __future__ import annotations

from reportlab.platypus import Flowable, PageBreak

from ..i18n import tr
from ..model.entities import Project
from ..model.screening import Screening, WeightSource
from . import ahp_page, concept_tables, screening_sheets
from .errors import ExportError
from .sheets import (
    Heading, Lines, Section, build_document, find_screening, frame_height, frame_width, screening_title,
)

SHEET_KINDS = ("screening", "ahp", "solidification", "usertest")


def sheet_title(kind: str, lang: str) -> str:
    if kind == "screening":
        return screening_sheets.sheet_title(lang)
    if kind == "ahp":
        return ahp_page.page_title(lang)
    return concept_tables.sheet_title(kind, lang)


def check(project: Project, kind: str, blank: bool, screening_key: str | None, lang: str) -> Screening | None:
    """The screening to print (None for a blank sheet without one); ExportError otherwise."""
    screening = find_screening(project, screening_key, lang)
    if screening is None and not blank:
        raise ExportError(tr("The project has no screening yet; add one, or print the blank sheet.", lang))
    return screening


def write(project: Project, target, kind: str, size: tuple[float, float], lang: str, *,
          blank: bool, screening: Screening | None, concepts: int | None, voters: int | None,
          warnings: list[str]) -> int:
    width = frame_width(size)
    frame_h = frame_height(size)
    story = _story(project, kind, screening, width, frame_h, lang, blank, concepts, voters, warnings)
    title = sheet_title(kind, lang)
    name = screening_title(screening, lang)
    workshop = project.info.title.strip()
    running = " · ".join(part for part in (workshop, title, name) if part)
    return build_document(target, size, f"{title} · {name}" if name else title,
                          [Section(running)] + story)


def _story(project: Project, kind: str, screening: Screening | None, width: float, frame_h: float,
           lang: str, blank: bool, concepts: int | None, voters: int | None,
           warnings: list[str]) -> list[Flowable]:
    if kind == "screening":
        if blank:
            count, per = screening_sheets.blank_counts(screening, concepts, voters, lang, warnings)
            return screening_sheets.blank_story(screening, width, lang, count, per, frame_h)
        assert screening is not None
        return screening_sheets.filled_story(project, screening, width, lang)
    if kind == "ahp":
        if blank:
            return ahp_page.blank_story(screening, width, lang)
        assert screening is not None
        return ahp_page.filled_story(screening, width, lang)
    if blank:
        return concept_tables.blank_story(kind, screening, lang, concepts)
    assert screening is not None
    return concept_tables.filled_story(kind, project, screening, width, lang)


def handout_sections(project: Project, width: float, frame_h: float, title: str, lang: str,
                     warnings: list[str]) -> list[Flowable]:
    """Every screening's sheets for the workshop handout, each starting on a new page: the
    screening sheet (blank while it has no concepts), the AHP page when it has comparisons
    or takes AHP weights, and the solidification table and user test sheet (the chosen
    concepts, or one blank form each while none is chosen)."""
    story: list[Flowable] = []
    for screening in getattr(project, "screenings", []) or []:
        running = f"{title} · {screening_title(screening, lang)}"
        kinds = ["screening"]
        if screening.comparisons or screening.weight_source is WeightSource.AHP:
            kinds.append("ahp")
        kinds += ["solidification", "usertest"]
        for kind in kinds:
            blank = (kind == "screening" and not screening.concepts) or (
                kind in ("solidification", "usertest") and not concept_tables.chosen(screening))
            concepts = 1 if blank and kind in ("solidification", "usertest") else None
            try:
                sheet = _story(project, kind, screening, width, frame_h, lang, blank, concepts, None,
                               warnings)
            except ExportError as error:  # e.g. too many criteria across a portrait page
                warnings.append(str(error))
                sheet = [Heading(sheet_title(kind, lang), 15.0), Lines(str(error))]
            story += [PageBreak(), Section(running)] + sheet
    return story
