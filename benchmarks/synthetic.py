"""Shared by the benchmark scripts: one realistic synthetic project and one timer.

A map of `cards` cards spread over the stages and the five lanes, with mixed Chinese and
English text, every kind, emotions, moments of truth, fail points, waits, owners and notes,
and `arrows` arrows that mostly lead to the same or the next stages, as real blueprints do.
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from blueprint_studio.model import Card, CardKind, Channel, Connector, Project  # noqa: E402
from blueprint_studio.model.factory import new_map, new_project  # noqa: E402

WORDS = ["客户", "submits", "the form", "审核材料", "checks", "等待排期", "回访", "NPS 净推荐值 ✓",
         "activates account", "培训", "讲师", "sends", "invoice", "确认", "上机演练"]


def synthetic_project(cards: int, arrows: int | None = None, stages: int | None = None,
                      seed: int = 7) -> Project:
    """A project with one map; `arrows` defaults to 1.5 per card, `stages` to one per 40 cards."""
    rng = random.Random(seed)
    stages = stages or max(4, cards // 40)
    arrows = cards * 3 // 2 if arrows is None else arrows
    service_map = new_map("Benchmark 基准", [f"阶段 Stage {i + 1}" for i in range(stages)])
    lanes = service_map.lanes
    fill: dict[tuple[int, int], int] = {}
    by_stage: dict[int, list[str]] = {}
    for index in range(cards):
        stage, lane = index % stages, rng.randrange(len(lanes))
        order = fill.get((stage, lane), 0)
        fill[(stage, lane)] = order + 1
        card = Card(service_map.stages[stage].id, lanes[lane].id, order,
                    text=" ".join(rng.choice(WORDS) for _ in range(rng.randint(2, 6))),
                    kind=rng.choice(list(CardKind)),
                    channel=rng.choice([None, *Channel]),
                    emotion=rng.choice([None, -2, -1, 0, 1, 2]),
                    moment_of_truth=rng.random() < 0.1, fail_point=rng.random() < 0.1,
                    wait_minutes=rng.choice([None, None, None, 15.0, 1440.0]),
                    duration_minutes=rng.choice([None, 5.0, 30.0]),
                    owner=rng.choice(["", "讲师", "IT 系统", "Front desk"]),
                    notes=rng.choice(["", "Observed in the workshop; 需要跟进。"]))
        service_map.cards[card.id] = card
        by_stage.setdefault(stage, []).append(card.id)
    pairs: set[tuple[str, str]] = set()
    while cards > 1 and len(pairs) < arrows:
        source_stage = rng.randrange(stages)
        target_stage = min(stages - 1, max(0, source_stage + rng.choice([0, 1, 1, 2, -1])))
        if not by_stage.get(source_stage) or not by_stage.get(target_stage):
            continue
        source, target = rng.choice(by_stage[source_stage]), rng.choice(by_stage[target_stage])
        if source != target:
            pairs.add((source, target))
    for source, target in sorted(pairs):
        connector = Connector(source, target, rng.choice(["", "", "", "next", "转交"]))
        service_map.connectors[connector.id] = connector
    return new_project("Benchmark workshop 基准", [service_map])


def median_ms(action: Callable[[], object], repeats: int) -> float:
    """Median wall time of `action` over `repeats` runs, in milliseconds."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)
