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

from blueprint_studio.model import Card, Connector, Lane, LaneKind, Project, ProjectInfo, ServiceMap, Stage
from blueprint_studio.model import operations as ops


def state_a(cards: int = 300) -> Project:
    """A deterministic project (fixed ids), big enough that a save spans several pages."""
    stages = [Stage(name=f"阶段 {i}", id=f"stage-{i}") for i in range(8)]
    lanes = [Lane(kind=kind, id=f"lane-{kind.value}") for kind in LaneKind if kind.is_standard]
    service_map = ServiceMap(name="Crash 测试", stages=stages, lanes=lanes, id="map-1")
    per_cell: dict[tuple[str, str], int] = {}
    for index in range(cards):
        stage, lane = stages[index % 8], lanes[(index // 8) % 5]
        order = per_cell.get((stage.id, lane.id), 0)
        per_cell[(stage.id, lane.id)] = order + 1
        card = Card(stage_id=stage.id, lane_id=lane.id, order=order, id=f"card-{index}",
                    text=f"Card {index} " + "文字" * 40, notes="n" * 200)
        service_map.cards[card.id] = card
    for index in range(cards - 1):
        connector = Connector(f"card-{index}", f"card-{index + 1}", id=f"arrow-{index}")
        service_map.connectors[connector.id] = connector
    return Project(info=ProjectInfo(title="Crash"), maps=[service_map], id="project-1")


def edit() -> ops.Batch:
    """The edit that turns state A into state B: many rows in several tables."""
    texts = [ops.UpdateCard("map-1", f"card-{i}", {"text": f"B {i} " + "改" * 50, "emotion": 2})
             for i in range(0, 300, 7)]
    return ops.Batch([
        ops.UpdateProjectInfo({"title": "Crash B"}),
        *texts,
        ops.MoveStage("map-1", "stage-6", 1),
        ops.RemoveCard("map-1", "card-100"),
        ops.AddCard("map-1", Card(stage_id="stage-3", lane_id="lane-support", order=0,
                                  text="new in B", id="card-new")),
        ops.AddStage("map-1", Stage(name="B stage", id="stage-b"), 4),
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
