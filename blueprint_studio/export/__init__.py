"""PDF export: workshop handouts, posters and blank templates, drawn from the model (vector).

    result = export_pdf(project, "out.pdf", kind="poster", paper="A3", landscape=True)

kinds:
- "handout": cover, the map (fitted to a landscape page, or tiled when too big), a table of
  every card, the emotion curve chart, moments of truth / pain points / opportunities,
  lined notes pages; page numbers and a running header. With `map_id=None` every map of
  the project is included.
- "poster": the map on one page, or with `tile_scale` at that scale across overlapping
  pages with labels (A1, A2, B1 …), cut and registration marks and an assembly page.
- "blank": an empty template in the style of the chosen map (a blueprint grid with the
  five lanes and three lines, or a journey map with an emotion grid);
  "blank_blueprint" / "blank_journey" choose the style explicitly. `columns=N` prints N
  unnamed columns instead of the map's stages.
- "screening", "ahp", "solidification", "usertest": the concept-screening sheets of
  `screening` (an id or a name; default the project's first), filled from the model, or
  with `blank=True` to fill in by hand (the criteria, weights and names printed when there
  is a screening, `concepts` / `voters` boxes). See screening_print.py.

All text uses the embedded WenQuanYi Micro Hei; nothing is smaller than 7 pt.
The file is written atomically (a temporary file beside it, then renamed).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import BinaryIO

from .. import fileutil
from ..i18n import LANGUAGES, tr
from ..model.entities import Project, ProjectInfo, ServiceMap
from ..model.enums import MapKind
from . import pages
from .errors import ExportError, ExportResult
from .text import FontUnavailable

__all__ = ["ExportError", "ExportResult", "KINDS", "SHEET_KINDS", "export_pdf", "PAPER_NAMES"]

SHEET_KINDS = ("screening", "ahp", "solidification", "usertest")
KINDS = ("handout", "poster", "blank", "blank_blueprint", "blank_journey") + SHEET_KINDS
PAPER_NAMES = pages.PAPER_NAMES


def export_pdf(project: Project, out_path: str | os.PathLike | BinaryIO, *, kind: str = "handout",
               map_id: str | None = None, paper: str = "A4", landscape: bool = False,
               tile_scale: float | None = None, lang: str = "en",
               handout_info: ProjectInfo | None = None, columns: int | None = None,
               notes_pages: int = 2, preview: bool = False, blank: bool = False,
               screening: str | None = None, concepts: int | None = None,
               voters: int | None = None) -> ExportResult:
    """Write a PDF of `project` to `out_path` (a path or a binary file object).

    `handout_info` overrides the cover fields (title, organisation, date, trainer, group)
    without touching the project. `preview=True` makes only the first pages of a handout
    (cover and map), for the export dialog. `blank`, `screening`, `concepts` and `voters`
    are for the screening sheets (SHEET_KINDS); the map options do not apply to them.
    Raises ExportError with one sentence for the user.
    """
    if lang not in LANGUAGES:
        raise ExportError(f"Unknown language {lang!r}; use zh or en.")
    if kind not in KINDS:
        raise ExportError(tr("Unknown export kind {kind!r}; use handout, poster, blank, screening, "
                             "ahp, solidification or usertest.", lang).format(kind=kind))
    try:
        size = pages.page_size(paper, landscape)
    except pages.PaperError:
        raise ExportError(tr("Unknown paper size {paper!r}; choose A4, A3 or Letter.", lang)
                          .format(paper=paper)) from None
    if kind in SHEET_KINDS:
        from . import screening_print

        chosen = screening_print.check(project, kind, blank, screening, lang)

        def write(target) -> ExportResult:
            warnings: list[str] = []
            count = screening_print.write(project, target, kind, size, lang, blank=blank,
                                          screening=chosen, concepts=concepts, voters=voters,
                                          warnings=warnings)
            return ExportResult(count, warnings)
    else:
        if tile_scale is not None:
            from .poster import check_tile_scale
            check_tile_scale(float(tile_scale), lang)
        service_map = _chosen_map(project, map_id, kind, lang)

        def write(target) -> ExportResult:
            return _write(project, target, kind, service_map, paper, size, landscape, tile_scale,
                          lang, handout_info, columns, notes_pages, preview)

    try:
        if isinstance(out_path, (str, os.PathLike)):
            return _write_atomically(Path(out_path), write, lang)
        return write(out_path)
    except FontUnavailable as error:
        raise ExportError(tr("The bundled font could not be loaded ({reason}); please reinstall "
                             "Blueprint Studio.", lang).format(reason=error.__cause__ or error)) from error


def _chosen_map(project: Project, map_id: str | None, kind: str, lang: str) -> ServiceMap | None:
    if map_id is not None:
        for service_map in project.maps:
            if service_map.id == map_id:
                return service_map
        named = project.map_named(map_id)  # the CLI passes names
        if named is None:
            raise ExportError(tr("The project has no map called {name!r}.", lang).format(name=map_id))
        return named
    if project.maps:
        return None if kind == "handout" else project.maps[0]
    if kind.startswith("blank"):
        return None
    raise ExportError(tr("The project has no map to export yet.", lang))


def _write_atomically(path: Path, write, lang: str) -> ExportResult:
    directory = path.parent if str(path.parent) else Path(".")
    if not directory.is_dir():
        raise ExportError(tr("The folder {folder} does not exist.", lang).format(folder=directory))
    try:
        result = fileutil.write_atomically(path, write)
    except OSError as error:
        raise ExportError(tr("Cannot write {file}: {reason}.", lang).format(
            file=path, reason=error.strerror or error)) from error
    return result


def _write(project: Project, target, kind: str, service_map: ServiceMap | None, paper: str,
           size: tuple[float, float], landscape: bool, tile_scale: float | None, lang: str,
           handout_info: ProjectInfo | None, columns: int | None, notes_pages: int,
           preview: bool = False) -> ExportResult:
    from . import blank, handout, poster
    from .poster import map_title

    warnings: list[str] = []
    if kind == "handout":
        maps = [service_map] if service_map is not None else list(project.maps)
        count = handout.build(target, project, maps, paper, landscape, tile_scale, lang,
                              handout_info or project.info, warnings, notes_pages, preview)
        return ExportResult(count, warnings)
    if kind == "poster":
        assert service_map is not None
        canvas = pages.new_canvas(target, size, map_title(project, service_map, lang))
        if tile_scale is None:
            count = poster.one_page(canvas, project, service_map, size, paper, lang, warnings)
        else:
            count = poster.tiled(canvas, project, service_map, size, float(tile_scale), lang, warnings)
        canvas.save()
        return ExportResult(count, warnings)
    style = {"blank_blueprint": MapKind.BLUEPRINT, "blank_journey": MapKind.JOURNEY}.get(
        kind, service_map.kind if service_map is not None else MapKind.BLUEPRINT)
    title = tr("Blank template", lang)
    canvas = pages.new_canvas(target, size, title)
    count = blank.draw_blank(canvas, project, service_map, style, columns, size, lang)
    canvas.save()
    return ExportResult(count, warnings)
