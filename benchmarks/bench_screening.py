"""How fast the screening matrix recomputes: it runs on every typed score.

Run: python3 benchmarks/bench_screening.py
Target: 30 concepts x 10 criteria x 30 voters in under 20 ms, so typing a score never lags.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import median_ms  # noqa: E402

from blueprint_studio.analysis import ahp  # noqa: E402
from blueprint_studio.analysis.screening import evaluate  # noqa: E402
from blueprint_studio.model.screening import (  # noqa: E402
    Comparison, Concept, Criterion, Score, Screening, Voter, WeightSource,
)


def screening(concepts: int, criteria: int, voters: int, source: WeightSource) -> Screening:
    rng = random.Random(1)
    result = Screening(name="bench", weight_source=source)
    result.criteria = [Criterion(f"K{i}", weight=100 / criteria) for i in range(criteria)]
    result.voters = [Voter(f"V{i}") for i in range(voters)]
    result.concepts = [Concept(f"C{i}") for i in range(concepts)]
    for concept in result.concepts:
        for criterion in result.criteria:
            for voter in result.voters:
                score = Score(concept.id, criterion.id, voter.id, rng.randint(1, 5))
                result.scores[score.id] = score
    ids = [c.id for c in result.criteria]
    for i in range(criteria):
        for j in range(i + 1, criteria):
            judgement = Comparison(ids[i], ids[j], rng.choice([1 / 5, 1 / 3, 1, 3, 5]))
            result.comparisons[judgement.id] = judgement
    return result


def main() -> None:
    print(f"{'case':46} {'median ms':>10}")
    for concepts, criteria, voters in ((10, 5, 5), (30, 10, 30), (100, 15, 50)):
        for source in WeightSource:
            case = screening(concepts, criteria, voters, source)
            ms = median_ms(lambda: evaluate(case), 9)
            label = f"{concepts} concepts x {criteria} criteria x {voters} voters, {source.value}"
            print(f"{label:46} {ms:10.2f}")
    matrix = [[1.0] * 15 for _ in range(15)]
    print(f"{'AHP of a 15 x 15 matrix':46} {median_ms(lambda: ahp.analyse(matrix), 9):10.2f}")
    print("target: 30 x 10 x 30 under 20 ms")


if __name__ == "__main__":
    main()
