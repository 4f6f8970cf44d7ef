"""Screenshots of the concept screening workspace (offscreen, QWidget.grab()), at 1280x720,
the classroom projector, in Chinese and English:

    python tools/screenshots_screening.py [--all-tabs]

A hotel check-in screening with four criteria (AHP weights), three groups and four concepts,
the scoring grid in view with one score still missing. --all-tabs also writes each tab to
/tmp for review.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ["BLUEPRINT_STUDIO_CONFIG_DIR"] = tempfile.mkdtemp(prefix="bps-shots-")

from PySide6.QtCore import QCoreApplication, QEvent  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from blueprint_studio.app.document import Document  # noqa: E402
from blueprint_studio.app.main import make_application  # noqa: E402
from blueprint_studio.app.main_window import MainWindow  # noqa: E402
from blueprint_studio.app.settings import AppSettings  # noqa: E402
from blueprint_studio.i18n import set_language  # noqa: E402
from blueprint_studio.model.screening import (  # noqa: E402
    Brainstorm, Comparison, Concept, Criterion, DotVote, Idea, Score, Screening, Voter, WeightSource,
)
from blueprint_studio.templates import build_template  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
TEXT = {
    "en": {"name": "Hotel check-in", "criteria": ("Value to guests", "Feasibility", "Cost", "Strategic fit"),
           "voters": ("Group 1", "Group 2", "Group 3"),
           "concepts": ("Self check-in kiosk", "Room key in the app", "Welcome drink at the desk",
                        "Luggage drop on arrival"), "round": "Round 1",
           "ideas": ("Self check-in kiosk", "Room key in the app", "Welcome drink", "Luggage drop")},
    "zh": {"name": "酒店入住", "criteria": ("对客人的价值", "可行性", "成本", "战略契合"),
           "voters": ("第 1 组", "第 2 组", "第 3 组"),
           "concepts": ("自助入住机", "手机 App 房卡", "前台欢迎饮品", "到店即寄存行李"), "round": "第 1 轮",
           "ideas": ("自助入住机", "手机 App 房卡", "欢迎饮品", "行李寄存")},
}
SCORES = ((4, 4, 3, 5), (5, 3, 2, 4), (3, 5, 5, 2), (4, 4, 4, 3))


def sample(project, lang: str) -> Screening:
    text = TEXT[lang]
    criteria = [Criterion(name) for name in text["criteria"]]
    screening = Screening(name=text["name"], weight_source=WeightSource.AHP, criteria=criteria,
                          voters=[Voter(name) for name in text["voters"]],
                          concepts=[Concept(title) for title in text["concepts"]])
    matrix = {(0, 1): 4, (0, 2): 3, (0, 3): 7, (1, 2): 1 / 3, (1, 3): 3, (2, 3): 5}
    for (i, j), value in matrix.items():
        comparison = Comparison(criteria[i].id, criteria[j].id, value)
        screening.comparisons[comparison.id] = comparison
    for v, voter in enumerate(screening.voters):
        for c, concept in enumerate(screening.concepts):
            for k, criterion in enumerate(criteria):
                if (v, c, k) == (2, 3, 1):
                    continue  # one score still missing: shown amber
                value = max(1, min(5, SCORES[c][k] + (v - 1) * ((c + k) % 2)))
                score = Score(concept.id, criterion.id, voter.id, value)
                screening.scores[score.id] = score
        vote = DotVote(screening.concepts[v % 4].id, voter.id, 2)
        screening.dot_votes[vote.id] = vote
    screening.concepts[0].chosen = screening.concepts[2].chosen = True
    project.screenings.append(screening)
    project.brainstorms.append(Brainstorm(name=text["round"], ideas=[Idea(t) for t in text["ideas"]]))
    return screening


def shoot(app: QApplication, lang: str, tabs: tuple[str, ...], folder: Path) -> list[Path]:
    set_language(lang)
    project = build_template("enterprise_training", lang)
    sample(project, lang)
    window = MainWindow(AppSettings())
    window.set_document(Document(project, recovery=window.recovery))
    window.resize(1280, 720)
    window.show()
    window.actions["actionShowScreening"].trigger()
    written = []
    for tab in tabs:
        window.screening_page.show_tab(tab)
        if tab == "scoring":
            window.screening_page.scoring.focus_grid()
            window.screening_page.scoring.grid.setCurrentCell(3, 1)
        for _ in range(5):
            app.processEvents()
        path = folder / f"screening-{tab}-{lang}-1280x720.png"
        window.grab().save(str(path))
        written.append(path)
    window.hide()
    window.teardown()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return written


def main() -> int:
    app = make_application([sys.argv[0]])
    OUT.mkdir(parents=True, exist_ok=True)
    for lang, tab in (("zh", "scoring"), ("en", "ahp")):
        for path in shoot(app, lang, (tab,), OUT):
            print(f"wrote {path.relative_to(ROOT)}")
    if "--all-tabs" in sys.argv:
        from blueprint_studio.app.workspaces.screening.page import TABS

        for lang in ("en", "zh"):
            for path in shoot(app, lang, tuple(key for key, _text in TABS), Path(tempfile.gettempdir())):
                print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
