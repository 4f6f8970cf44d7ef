"""Saves a project over and over until killed; used by test_storage_crash.py.

    python storage_crash_saver.py PATH incremental|whole
    python storage_crash_saver.py serve      (forks one saver per "PATH MODE" line)

`incremental`: opens PATH (state A) and alternates an edit and its undo, saving after
each, so the file goes A, B, A, B... through incremental saves.
`whole`: alternates write_project(A) and write_project(B) (temp file + rename).
Prints "ready" once the first save is done. The test kills it with SIGKILL.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from blueprint_studio.model import (
    Card,
    CardKind,
    Channel,
    Connector,
    Lane,
    LaneKind,
    MapKind,
    Project,
    ProjectInfo,
    ServiceMap,
    Stage,
)
from blueprint_studio.model import operations as ops

STANDARD = [kind for kind in LaneKind if kind.is_standard]


def _grid_map(map_id: str, name: str, stage_names: list[str], lanes: list[Lane], cards: int,
              step: int, text: str, kind: MapKind = MapKind.BLUEPRINT) -> ServiceMap:
    """A map with fixed ids: `cards` cards spread over its cells, and an arrow from each
    card to the one `step` places later."""
    stages = [Stage(name=stage_name, id=f"{map_id}-stage-{i}", phase=("before", "during", "after")[i % 3])
              for i, stage_name in enumerate(stage_names)]
    service_map = ServiceMap(name=name, kind=kind, description=f"{name}: " + "说明" * 20,
                             stages=stages, lanes=lanes, id=map_id)
    per_cell: dict[tuple[str, str], int] = {}
    kinds, channels = list(CardKind), [None, *Channel]
    for index in range(cards):
        stage, lane = stages[index % len(stages)], lanes[(index // len(stages)) % len(lanes)]
        order = per_cell.get((stage.id, lane.id), 0)
        per_cell[(stage.id, lane.id)] = order + 1
        card = Card(stage_id=stage.id, lane_id=lane.id, order=order, id=f"{map_id}-card-{index}",
                    text=f"{text} {index} " + "文字" * 30, notes="n" * 150,
                    kind=kinds[index % len(kinds)], channel=channels[index % len(channels)],
                    emotion=(index % 5) - 2 if index % 3 == 0 else None,
                    wait_minutes=float(index % 7) if index % 4 == 0 else None)
        service_map.cards[card.id] = card
    for index in range(cards - step):
        connector = Connector(f"{map_id}-card-{index}", f"{map_id}-card-{index + step}",
                              label="" if index % 5 else f"→ {index}", id=f"{map_id}-arrow-{index}")
        service_map.connectors[connector.id] = connector
    return service_map


def state_a() -> Project:
    """A deterministic project (fixed ids) of three different maps, big enough that a save
    spans many pages of several tables."""
    blueprint = _grid_map("map-1", "Crash 测试", [f"阶段 {i}" for i in range(8)],
                          [Lane(kind=kind, id=f"map-1-lane-{kind.value}") for kind in STANDARD],
                          cards=180, step=1, text="Card")
    journey = _grid_map("map-2", "旅程 Journey", [f"Step {i}" for i in range(6)],
                        [Lane(kind=LaneKind.CUSTOMER, id="map-2-lane-customer"),
                         Lane(kind=LaneKind.FRONTSTAGE, id="map-2-lane-front"),
                         Lane(name="情绪与想法", colour="#aa3366", id="map-2-lane-custom")],
                        cards=90, step=2, text="Journey", kind=MapKind.JOURNEY)
    journey.show_emotion_curve = False
    support = _grid_map("map-3", "Support", ["Ask", "Wait", "Fix", "Close"],
                        [*(Lane(kind=kind, id=f"map-3-lane-{kind.value}") for kind in STANDARD),
                         Lane(name="Vendors", colour="#336699", id="map-3-lane-vendors")],
                        cards=60, step=3, text="Support")
    return Project(info=ProjectInfo(title="Crash", organisation="测试机构", trainer="T"),
                   maps=[blueprint, journey, support], id="project-1")


def edit() -> ops.Batch:
    """The edit that turns state A into state B: rows of every table in two maps changed,
    one whole map removed and another added (in front, so every map's position moves)."""
    added = _grid_map("map-4", "Added in B", ["One", "Two", "Three"],
                      [Lane(kind=kind, id=f"map-4-lane-{kind.value}") for kind in STANDARD[:3]],
                      cards=40, step=1, text="New")
    texts = [ops.UpdateCard("map-1", f"map-1-card-{i}", {"text": f"B {i} " + "改" * 50, "emotion": 2})
             for i in range(0, 180, 7)]
    return ops.Batch([
        ops.UpdateProjectInfo({"title": "Crash B", "notes": "B " * 100}),
        # map 1: cards, stages and arrows
        *texts,
        ops.MoveStage("map-1", "map-1-stage-6", 1),
        ops.RemoveCard("map-1", "map-1-card-100"),
        ops.AddCard("map-1", Card(stage_id="map-1-stage-3", lane_id="map-1-lane-support", order=0,
                                  text="new in B", id="map-1-card-new")),
        ops.AddStage("map-1", Stage(name="B stage", id="map-1-stage-b"), 4),
        ops.UpdateConnector("map-1", "map-1-arrow-10", {"label": "changed in B"}),
        # map 2: the map itself, its lanes and stages, cards moved, arrows added and removed
        ops.UpdateMap("map-2", {"name": "旅程 B", "description": "B"}),
        ops.UpdateLane("map-2", "map-2-lane-custom", {"name": "Thoughts", "colour": "#117755"}),
        ops.MoveLane("map-2", "map-2-lane-custom", 0),
        ops.UpdateStage("map-2", "map-2-stage-2", {"width": 320.0}),
        *(ops.MoveCard("map-2", f"map-2-card-{i}", "map-2-stage-5", "map-2-lane-front", 0)
          for i in range(0, 90, 11)),
        ops.RemoveConnector("map-2", "map-2-arrow-40"),
        ops.AddConnector("map-2", Connector("map-2-card-3", "map-2-card-80", label="B",
                                            id="map-2-arrow-b")),
        ops.UpdateCard("map-2", "map-2-card-7", {"emotion": -2, "moment_of_truth": True}),
        # whole maps
        ops.RemoveMap("map-3"),
        ops.AddMap(added, 0),
    ])


def state_b() -> Project:
    project = state_a()
    edit().apply(project)
    return project


def save_forever(path: Path, mode: str) -> None:
    from blueprint_studio.storage import ProjectFile, write_project

    if mode == "whole":
        states = [state_a(), state_b()]
        write_project(states[1], path)
        print(f"ready {os.getpid()}", flush=True)
        index = 0
        while True:
            write_project(states[index % 2], path)
            index += 1
    project_file = ProjectFile.open(path)
    undo = edit().apply(project_file.project)
    project_file.save()
    print(f"ready {os.getpid()}", flush=True)
    while True:
        undo = undo.apply(project_file.project)
        project_file.save()


def serve() -> None:
    """Read "PATH MODE" lines; for each, fork a saver and report "pid N", then "done N"
    once it has died. Forking from a warm process keeps each run to milliseconds."""
    import blueprint_studio.storage  # noqa: F401  (import once, before forking)

    for line in sys.stdin:
        path, mode = line.rstrip("\n").rsplit(" ", 1)
        pid = os.fork()
        if pid == 0:
            try:
                save_forever(Path(path), mode)
            finally:
                os._exit(1)
        print(f"pid {pid}", flush=True)
        os.waitpid(pid, 0)
        print(f"done {pid}", flush=True)


if __name__ == "__main__":
    if sys.argv[1:] == ["serve"]:
        serve()
    else:
        save_forever(Path(sys.argv[1]), sys.argv[2])
