"""Writers of one project file, released at the same instant; used by test_concurrent_writers.py.

    python concurrent_writer.py serve

A warm server: it imports the program once, then for each round reads one JSON line

    {"tasks": [TASK, ...]}
    TASK = {"kind": "cli", "argv": [...], "out": PATH, "err": PATH, "gate": 0}
         | {"kind": "window", "path": PROJECT, "edit": "map" | "info", "out": ..., "err": ...,
            "gate": 0, "jitter": SECONDS}

and forks one child per task. A child sends its stdout and stderr to the task's files
and does everything that comes before the race: a `cli` child has nothing left to do
(the program is imported), a `window` child opens the project through the window's
`Document`, as the window does, and applies its edit through an undo command. Then it
reports ready and blocks on its gate. Once every child is ready the server prints
`{"ready": true}` and waits for the test to answer `go`.

The start barrier: a gate is a pipe whose write end only the server keeps; every child
of that gate blocks in os.read() on the read end. Closing the write end wakes them all at
the same moment (end of file), so no child can start before another has finished loading,
and no sleep is involved. Gates open in ascending order, each one after every child of
the previous gate has exited ("the command line saves first, then the window").

A `cli` child runs the real command line, `blueprint_studio.cli.main(argv)`, and exits
with its return value. A `window` child waits `jitter` seconds (0 by default: this only
varies the moment of its save against the command line's load and save from round to
round; it orders nothing), calls `Document.save()` and prints `saved`, or
`refused: MESSAGE` when the save was refused as stale (StaleSaveError); anything else
escapes as a traceback and a non-zero exit, which the test reports. The server answers
`{"status": [code, ...], "seconds": [...]}`: each child's exit status (negative: killed
by that signal) and the time from the opening of its gate to its exit.
"""

from __future__ import annotations

import json
import os
import sys
import time
import traceback


def _redirect(out: str, err: str) -> None:
    for path, fd in ((out, 1), (err, 2)):
        target = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        os.dup2(target, fd)
        os.close(target)


def _wait_at(gate: int) -> None:
    while os.read(gate, 1):  # the server never writes: this returns only at end of file
        pass


def _window_edit(kind: str):
    from blueprint_studio.model import operations as ops
    from blueprint_studio.model.factory import new_map

    if kind == "map":
        return ops.AddMap(new_map("Window", ["Arrive", "Stay", "Leave"]))
    if kind == "info":
        return ops.UpdateProjectInfo({"title": "Window title", "trainer": "Window"})
    raise ValueError(kind)


def _child(task: dict, ready: int, gate: int) -> int:
    """Runs in the forked child; returns its exit status."""
    _redirect(task["out"], task["err"])
    try:
        if task["kind"] == "window":
            from PySide6.QtCore import QCoreApplication

            from blueprint_studio.app.document import Document
            from blueprint_studio.commands import push_operation
            from blueprint_studio.storage.errors import StaleSaveError

            _app = QCoreApplication.instance() or QCoreApplication(["window"])
            document = Document.open(task["path"])  # loaded before any writer may start
            push_operation(document.undo_stack, document.project, _window_edit(task["edit"]),
                           "edit")
        elif task["kind"] != "cli":
            raise ValueError(task["kind"])
    except BaseException:
        traceback.print_exc()
        os.write(ready, b"f")
        return 70
    os.write(ready, b"r")
    os.close(ready)
    _wait_at(gate)

    if task["kind"] == "cli":
        from blueprint_studio.cli import main

        return main(task["argv"])
    if task.get("jitter"):
        time.sleep(task["jitter"])
    try:
        document.save()
    except StaleSaveError as error:
        print(f"refused: {error}")
    else:
        print("saved")
    document.close()
    return 0


def run_round(tasks: list[dict]) -> tuple[list[int], list[float]]:
    gate_numbers = sorted({task.get("gate", 0) for task in tasks})
    gates = {number: os.pipe() for number in gate_numbers}
    ready_read, ready_write = os.pipe()
    pids: list[int] = []
    sys.stdout.flush()
    sys.stderr.flush()
    for task in tasks:
        pid = os.fork()
        if pid == 0:
            status = 1
            try:
                os.close(ready_read)
                for read_end, write_end in gates.values():
                    os.close(write_end)  # only the server may hold a gate open
                status = _child(task, ready_write, gates[task.get("gate", 0)][0])
            except BaseException:
                traceback.print_exc()
            finally:
                try:
                    sys.stdout.flush()
                    sys.stderr.flush()
                finally:
                    os._exit(status if isinstance(status, int) and 0 <= status < 256 else 1)
        pids.append(pid)
    os.close(ready_write)
    for read_end, _write_end in gates.values():
        os.close(read_end)

    answers = b""
    while len(answers) < len(tasks):
        chunk = os.read(ready_read, len(tasks) - len(answers))
        if not chunk:
            break  # a child died before it was ready
        answers += chunk
    os.close(ready_read)
    print(json.dumps({"ready": answers == b"r" * len(tasks)}), flush=True)
    go = sys.stdin.readline()
    if go.strip() != "go":
        raise SystemExit(f"expected go, got {go!r}")

    ended: dict[int, tuple[int, float]] = {}  # pid -> (exit code, when)
    opened: dict[int, float] = {}
    for number in gate_numbers:
        os.close(gates[number][1])  # every child of this gate wakes now
        opened[number] = time.monotonic()
        members = {pids[index] for index, task in enumerate(tasks) if task.get("gate", 0) == number}
        while not members <= ended.keys():
            pid, status = os.wait()  # in the order they end, to time each one
            ended[pid] = (os.waitstatus_to_exitcode(status), time.monotonic())
    statuses = [ended[pid][0] for pid in pids]
    seconds = [round(ended[pid][1] - opened[task.get("gate", 0)], 4) for pid, task in zip(pids, tasks)]
    return statuses, seconds


def warm_up() -> None:
    """Run the command line once on a scratch project, so that every child starts with
    what a first run loads lazily (modules, SQLAlchemy's compiled statements) and all
    writers of a round race on equal terms. Nothing stays open: no engine keeps a
    connection (the file is never held between saves)."""
    import contextlib
    import io
    import tempfile

    from blueprint_studio.cli import main
    from blueprint_studio.model.factory import new_map, new_project
    from blueprint_studio.storage import ProjectFile, read_project, write_project

    csv = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixtures",
                       "enterprise_training_zh.csv")
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "warm.bpstudio")
        write_project(new_project("warm", [new_map("warm", ["one", "two"])]), path)
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            main(["import", csv, "-o", path, "--map", "warm up", "--lang", "en"])
        read_project(path)
        with ProjectFile.open(path):
            pass


def serve() -> None:
    # Everything the children need, imported once before forking (no engine, no file,
    # no Qt application: those are made after the fork, in the child).
    import PySide6.QtCore  # noqa: F401
    import blueprint_studio.app.document  # noqa: F401
    import blueprint_studio.cli  # noqa: F401
    import blueprint_studio.commands  # noqa: F401
    import blueprint_studio.interchange  # noqa: F401
    import blueprint_studio.model.factory  # noqa: F401
    import blueprint_studio.storage  # noqa: F401
    import blueprint_studio.storage.errors  # noqa: F401

    warm_up()
    for line in sys.stdin:
        if not line.strip():
            continue
        statuses, seconds = run_round(json.loads(line)["tasks"])
        print(json.dumps({"status": statuses, "seconds": seconds}), flush=True)


if __name__ == "__main__":
    if sys.argv[1:] != ["serve"]:
        raise SystemExit(__doc__)
    serve()
