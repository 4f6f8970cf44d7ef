"""AHP (analytic hierarchy process) weights from pairwise judgements. Pure functions.

A reciprocal matrix on Saaty's 1–9 scale: a[i][j] says how much more important criterion i
is than j; a[j][i] = 1 / a[i][j]; a[i][i] = 1. The weights are the principal eigenvector,
normalised to sum to 1; λmax is the principal eigenvalue; CI = (λmax − n) / (n − 1) and
CR = CI / RI(n), with Saaty's random index, named wherever the result is shown because other
tables are in use. CR ≤ 0.10 is consistent; n ≤ 2 needs no test. See ../shared/domain.md.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

from ..model.errors import ModelError

# Saaty's random consistency index for n = 1 … 15 (Saaty 1980; the first ten as in the brief).
SAATY_RI: tuple[float, ...] = (0.0, 0.0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49,
                               1.51, 1.48, 1.56, 1.57, 1.59)
RI_TABLE_NAME = "Saaty (1980)"
CONSISTENT_CR = 0.10
MIN_JUDGEMENT, MAX_JUDGEMENT = 1 / 9, 9.0

# The verbal scale, each with its number (the even numbers lie between).
VERBAL_SCALE: tuple[tuple[int, str], ...] = (
    (1, "equally important"), (3, "moderately more important"), (5, "strongly more important"),
    (7, "very strongly more important"), (9, "extremely more important"),
)


@dataclass(frozen=True)
class Disagreement:
    """The judgement that disagrees most with the weights, and what would agree."""

    first: int
    second: int
    given: float
    implied: float  # w[first] / w[second]
    suggested: float  # the nearest Saaty value (or reciprocal) to `implied`


@dataclass(frozen=True)
class AhpResult:
    weights: tuple[float, ...]
    lambda_max: float
    ci: float
    cr: float | None  # None for n <= 2: no consistency test is needed
    random_index: float
    worst: Disagreement | None

    @property
    def consistent(self) -> bool:
        return self.cr is None or self.cr <= CONSISTENT_CR


def parse_judgement(text: str) -> float:
    """A judgement typed as "3", "1/3" or "0.333" (a full-width slash too); ModelError else."""
    cleaned = text.strip().replace("／", "/").replace(" ", "")
    if not cleaned:
        raise ModelError("A judgement cannot be empty")
    try:
        value = float(Fraction(cleaned))
    except (ValueError, ZeroDivisionError):
        raise ModelError("{value} is not a judgement; type a number from 1 to 9 or a fraction "
                         "such as 1/3", value=text.strip()[:20]) from None
    return check_judgement(value)


def check_judgement(value: float) -> float:
    if not math.isfinite(value) or value <= 0:
        raise ModelError("A judgement must be a positive number from 1/9 to 9")
    if value > MAX_JUDGEMENT + 1e-9 or value < MIN_JUDGEMENT - 1e-9:
        raise ModelError("A judgement must lie on Saaty's scale, from 1/9 to 9")
    return value


def reciprocal_matrix(n: int, judgements: Mapping[tuple[int, int], float]) -> list[list[float]]:
    """The full matrix from judgements given for either triangle (i, j) with i != j.

    Every pair must be judged once (in either direction); a contradictory double entry or a
    missing pair is a ModelError naming the pair (1-based, as shown to people)."""
    matrix = [[1.0 if i == j else math.nan for j in range(n)] for i in range(n)]
    for (i, j), value in judgements.items():
        if i == j or not (0 <= i < n and 0 <= j < n):
            raise ModelError("A judgement must compare two different criteria")
        value = check_judgement(value)
        if not math.isnan(matrix[i][j]) and not math.isclose(matrix[i][j], value, rel_tol=1e-9):
            raise ModelError("Criteria {first} and {second} are compared twice, differently",
                             first=i + 1, second=j + 1)
        matrix[i][j], matrix[j][i] = value, 1 / value
    for i in range(n):
        for j in range(i + 1, n):
            if math.isnan(matrix[i][j]):
                raise ModelError("Criteria {first} and {second} are not compared yet",
                                 first=i + 1, second=j + 1)
    return matrix


def check_square(matrix: Sequence[Sequence[float]]) -> int:
    n = len(matrix)
    if any(len(row) != n for row in matrix):
        raise ModelError("The comparison matrix must be square")
    for i in range(n):
        if not math.isclose(matrix[i][i], 1.0):
            raise ModelError("A criterion compared with itself must be 1")
        for j in range(n):
            check_judgement(matrix[i][j])
            if not math.isclose(matrix[i][j] * matrix[j][i], 1.0, rel_tol=1e-6):
                raise ModelError("The matrix is not reciprocal at criteria {first} and {second}",
                                 first=i + 1, second=j + 1)
    return n


def principal_eigenvector(matrix: Sequence[Sequence[float]], tolerance: float = 1e-12,
                          max_steps: int = 10_000) -> tuple[tuple[float, ...], float]:
    """(weights summing to 1, λmax) by power iteration: a positive reciprocal matrix has a
    unique positive principal eigenvector (Perron–Frobenius), which this converges to."""
    n = len(matrix)
    weights = [1.0 / n] * n
    for _ in range(max_steps):
        product = [sum(row[j] * weights[j] for j in range(n)) for row in matrix]
        total = sum(product)
        following = [value / total for value in product]
        if max(abs(a - b) for a, b in zip(following, weights)) < tolerance:
            weights = following
            break
        weights = following
    product = [sum(row[j] * weights[j] for j in range(n)) for row in matrix]
    lambda_max = sum(product[i] / weights[i] for i in range(n)) / n
    return tuple(weights), lambda_max


def random_index(n: int) -> float:
    if not 1 <= n <= len(SAATY_RI):
        raise ModelError("AHP takes from 1 to {most} criteria", most=len(SAATY_RI))
    return SAATY_RI[n - 1]


def nearest_saaty(value: float) -> float:
    """The scale value (1…9 or its reciprocal) nearest to `value` on a log scale."""
    candidates = [float(k) for k in range(1, 10)] + [1 / k for k in range(2, 10)]
    return min(candidates, key=lambda c: abs(math.log(c) - math.log(value)))


def analyse(matrix: Sequence[Sequence[float]]) -> AhpResult:
    """Weights, λmax, CI, CR (Saaty's RI), and the judgement that disagrees most."""
    n = check_square(matrix)
    index = random_index(n)
    if n == 1:
        return AhpResult((1.0,), 1.0, 0.0, None, index, None)
    weights, lambda_max = principal_eigenvector(matrix)
    ci = max(0.0, (lambda_max - n) / (n - 1))
    cr = None if n <= 2 else ci / index
    worst = None
    if cr is not None:
        i, j = max(((i, j) for i in range(n) for j in range(i + 1, n)),
                   key=lambda p: abs(math.log(matrix[p[0]][p[1]] * weights[p[1]] / weights[p[0]])))
        implied = weights[i] / weights[j]
        worst = Disagreement(i, j, matrix[i][j], implied, nearest_saaty(implied))
    return AhpResult(weights, lambda_max, ci, cr, index, worst)
