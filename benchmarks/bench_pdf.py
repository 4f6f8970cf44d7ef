"""PDF export speed: a 1,000-card handout (target < 3 s) against bare reportlab.

    python benchmarks/bench_pdf.py

"bare reportlab" draws the same boxes and strings (one rectangle and the wrapped
lines per card, a table row per card) straight onto a canvas with the same embedded
font, without layout, wrapping logic, badges, arrows or tables: the floor that any
reportlab export has to pay.
"""

from __future__ import annotations

import io
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reportlab.lib.pagesizes import A4, landscape  # noqa: E402
from reportlab.pdfgen.canvas import Canvas  # noqa: E402

from blueprint_studio.export import export_pdf  # noqa: E402
from blueprint_studio.export import geometry  # noqa: E402
from blueprint_studio.export.text import FONT, ensure_font  # noqa: E402
from blueprint_studio.model import Project  # noqa: E402
from synthetic import synthetic_project  # noqa: E402


def bare_reportlab(project: Project) -> int:
    """The same card boxes and strings, drawn naively."""
    ensure_font()
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=landscape(A4), initialFontName=FONT, pageCompression=1)
    layout = geometry.layout_map(project.maps[0])
    pages = 0
    per_page = 60
    for start in range(0, len(layout.cards), per_page):
        for n, box in enumerate(layout.cards[start:start + per_page]):
            x, y = 30 + (n % 6) * 130, 550 - (n // 6) * 52
            canvas.rect(x, y - 46, 124, 46)
            canvas.setFont(FONT, 9)
            for i, line in enumerate(box.lines):
                canvas.drawString(x + 4, y - 12 - i * 11, line)
        canvas.showPage()
        pages += 1
    for start in range(0, len(layout.cards), 50):  # the card table
        for n, box in enumerate(layout.cards[start:start + 50]):
            canvas.setFont(FONT, 8)
            canvas.drawString(30, 560 - n * 11, box.card.text)
        canvas.showPage()
        pages += 1
    canvas.save()
    return pages


def timed(function, repeat: int = 3) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = function()
        best = min(best, time.perf_counter() - start)
    return best, result


def main() -> None:
    project = synthetic_project(1000, arrows=333, stages=20)
    ensure_font()
    export_pdf(project, io.BytesIO(), kind="blank", columns=5)  # warm up: font parsing, imports
    rows = []
    handout_s, handout = timed(lambda: export_pdf(project, io.BytesIO(), kind="handout", notes_pages=0))
    rows.append(("handout, 1,000 cards", handout_s, handout.pages))
    poster_s, poster = timed(lambda: export_pdf(project, io.BytesIO(), kind="poster", paper="A3",
                                                landscape=True, tile_scale=1.0))
    rows.append(("tiled A3 poster, 1,000 cards", poster_s, poster.pages))
    bare_s, bare_pages = timed(lambda: bare_reportlab(project))
    rows.append(("bare reportlab, same boxes + strings", bare_s, bare_pages))
    print(f"{'case':40} {'seconds':>8} {'pages':>6}")
    for name, seconds, pages in rows:
        print(f"{name:40} {seconds:8.2f} {pages:6d}")
    print(f"\nhandout / bare reportlab = {handout_s / bare_s:.1f}x   target: handout < 3 s "
          f"({'met' if handout_s < 3 else 'NOT met'})")


if __name__ == "__main__":
    main()
