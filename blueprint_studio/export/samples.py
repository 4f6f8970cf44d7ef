"""Regenerate the sample PDFs in docs/samples/ from the enterprise training template
(with the sample concept screening of sample_screening.py for the handouts and the sheets,
and the sample touchpoint evaluation of sample_insight.py for the handouts).

    python -m blueprint_studio.export.samples [OUT_DIR]
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

from ..model.entities import Card, Connector, Project, ProjectInfo
from ..model.enums import CardKind, Channel, LaneKind
from ..model.factory import new_map
from . import export_pdf

FIXTURE = Path(__file__).resolve().parents[3] / "shared" / "fixtures" / "enterprise_training_zh.csv"


def enterprise_training(lang: str = "zh") -> Project:
    """The built-in template when the template module has it, else the shared CSV fixture."""
    try:
        from ..templates import build_template  # provided by the interchange layer
    except ImportError:
        build_template = None
    if build_template is not None:
        project = build_template("enterprise_training", lang)
    else:
        project = _from_csv(FIXTURE)
    if not project.info.organisation:
        project.info.organisation = "示例科技有限公司"
    if not project.info.date:
        project.info.date = "2026-11-22"
    if not project.info.trainer:
        project.info.trainer = "王老师"
    if not project.info.group:
        project.info.group = "第 3 组"
    return project


def _from_csv(path: Path) -> Project:
    """A few lines of CSV reading for development before the template module exists."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    stage_names = list(dict.fromkeys(row["stage"] for row in rows))
    service_map = new_map("企业客户培训服务蓝图", stage_names)
    stages = {stage.name: stage for stage in service_map.stages}
    lanes = {lane.kind.value: lane for lane in service_map.lanes}
    by_key: dict[str, Card] = {}
    for row in rows:
        stage, lane = stages[row["stage"]], lanes[LaneKind(row["lane"]).value]
        order = len(service_map.cards_in_cell(stage.id, lane.id))
        card = Card(stage.id, lane.id, order, text=row["text"], kind=CardKind(row["kind"] or "action"),
                    channel=Channel(row["channel"]) if row["channel"] else None,
                    emotion=int(row["emotion"]) if row["emotion"] else None,
                    moment_of_truth=row["mot"] == "yes", fail_point=row["fail_point"] == "yes",
                    wait_minutes=float(row["wait_min"]) if row["wait_min"] else None,
                    duration_minutes=float(row["duration_min"]) if row["duration_min"] else None,
                    owner=row["owner"], notes=row["notes"])
        service_map.cards[card.id] = card
        by_key[row["id"]] = card
    for row in rows:
        if row["next"] and row["next"] in by_key:
            connector = Connector(by_key[row["id"]].id, by_key[row["next"]].id)
            service_map.connectors[connector.id] = connector
    return Project(info=ProjectInfo(title="企业客户培训服务优化工作坊"), maps=[service_map])


SAMPLES = (
    ("handout_zh.pdf", dict(kind="handout", lang="zh")),
    ("handout_en.pdf", dict(kind="handout", lang="en")),
    ("poster_A3_landscape.pdf", dict(kind="poster", paper="A3", landscape=True, lang="zh")),
    ("poster_tiled_A4.pdf", dict(kind="poster", paper="A4", landscape=True, tile_scale=1.4, lang="zh")),
    ("blank_blueprint_A4_landscape.pdf", dict(kind="blank_blueprint", landscape=True, lang="zh")),
    ("blank_journey_A4_landscape.pdf", dict(kind="blank_journey", landscape=True, lang="zh")),
) + tuple(
    # the concept-screening sheets, filled and blank, in both languages
    (f"{kind}{'_blank' if blank else ''}_{paper}{'_landscape' if landscape else ''}_{lang}.pdf",
     dict(kind=kind, blank=blank, paper=paper, landscape=landscape, lang=lang))
    for kind, blank, paper, landscape in (
        ("screening", False, "A4", False), ("screening", True, "A4", True),
        ("ahp", False, "A4", False), ("ahp", True, "A4", False),
        ("solidification", False, "A4", False), ("solidification", True, "A3", False),
        ("usertest", False, "A4", False), ("usertest", True, "A4", False))
    for lang in ("zh", "en")
) + (
    ("ahp_inconsistent_A4_en.pdf", dict(kind="ahp", lang="en", inconsistent=True)),
    ("ahp_inconsistent_A4_zh.pdf", dict(kind="ahp", lang="zh", inconsistent=True)),
)


def main(argv: list[str] | None = None) -> int:
    from .sample_screening import add_sample_screening

    args = sys.argv[1:] if argv is None else argv
    out = Path(args[0]) if args else Path(__file__).resolve().parents[2] / "docs" / "samples"
    out.mkdir(parents=True, exist_ok=True)
    for name, options in SAMPLES:
        options = dict(options)
        lang = options.get("lang", "zh")
        project = enterprise_training(lang)
        inconsistent = options.pop("inconsistent", False)
        if options["kind"] in ("handout", "screening", "ahp", "solidification", "usertest"):
            add_sample_screening(project, lang, inconsistent)
        if options["kind"] == "handout":  # moments of truth, metrics and IPA pages
            from .sample_insight import add_sample_evaluation

            add_sample_evaluation(project, lang)
        result = export_pdf(project, out / name, **options)
        print(f"{name}: {result.pages} pages" + "".join(f"\n  note: {w}" for w in result.warnings))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
