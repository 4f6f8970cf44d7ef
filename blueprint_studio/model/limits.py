"""What a project may hold: limits far above any real workshop, so that a runaway paste, a
damaged or hostile file never makes the program or its exports crawl.

Enforced by the model itself (every way in: the window, imports, loading a file), named
in one sentence when exceeded, and listed in docs/file-format.md ("Limits"). A real
workshop map has tens to a few hundred cards; at these limits every export still
finishes (benchmarks/bench_limits.py measures it).
"""

from __future__ import annotations

# Text, in characters.
CARD_TEXT = 2_000  # what fits on a sticky note, many times over
NOTES = 10_000  # a card's or the project's notes, a map's description
NAME = 1_000  # names, labels, owners, phases, the cover's fields

# Counts.
MAPS_PER_PROJECT = 100
STAGES_PER_MAP = 200
LANES_PER_MAP = 50
CARDS_PER_MAP = 5_000
CARDS_PER_PROJECT = 10_000
ARROWS_PER_MAP = 10_000

# Import files.
CSV_ROWS = 100_000  # blank ones included: a sheet of empty rows must not take minutes

# Concept screening.
IDEAS_PER_ROUND = 1_000
CRITERIA_PER_SCREENING = 15  # Saaty's random index is tabled up to 15
VOTERS_PER_SCREENING = 50
CONCEPTS_PER_SCREENING = 200
SCORES_PER_SCREENING = CONCEPTS_PER_SCREENING * CRITERIA_PER_SCREENING * VOTERS_PER_SCREENING

# Touchpoint evaluation (moments of truth, survey results, KPIs).
ANSWER_COUNTS_PER_MAP = 20_000  # one row per card, question, phase and answer given
KPIS_PER_MAP = 10_000
RESPONDENTS = 1_000_000  # who gave one answer about one card
KPI_VALUE = 1_000_000_000_000  # a KPI's before or after value, either sign
