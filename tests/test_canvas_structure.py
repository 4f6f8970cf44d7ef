"""The canvas's shape: modules small enough to read, no import cycle among them, a generic
diagram layer that knows nothing of the blueprint, gestures that talk to their scene
only through its host interface, and collaborators that use only public members."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CANVAS = ROOT / "blueprint_studio" / "canvas"
PACKAGE = "blueprint_studio.canvas"
MAX_LINES = 600


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(CANVAS).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join([PACKAGE, *parts])


MODULES = {_module_name(path): path for path in sorted(CANVAS.rglob("*.py"))}


def _package_of(module: str, path: Path) -> str:
    return module if path.name == "__init__.py" else module.rpartition(".")[0]


def _canvas_imports(module: str) -> set[str]:
    """The canvas modules `module` imports, every import statement counted (those only for
    type checking too): `from . import style` is an edge to `style`, `from .x import y`
    to `x` (or to `x.y` when that is a module)."""
    path = MODULES[module]
    package = _package_of(module, path)
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                target = f"{base}.{node.module}" if node.module else base
            else:
                target = node.module or ""
            names = [f"{target}.{alias.name}" for alias in node.names]
        elif isinstance(node, ast.Import):
            target, names = "", [alias.name for alias in node.names]
        else:
            continue
        for name in names:
            if name in MODULES:
                found.add(name)
            elif target in MODULES:
                found.add(target)
    found.discard(module)
    return found


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt):] + [nxt]
            if nxt not in state:
                found = visit(nxt)
                if found:
                    return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state:
            found = visit(node)
            if found:
                return found
    return None


def test_the_import_scan_sees_the_canvas_modules():
    graph = {module: _canvas_imports(module) for module in MODULES}
    assert f"{PACKAGE}.diagram.scene" in graph[f"{PACKAGE}.scene"]
    assert f"{PACKAGE}.style" in graph[f"{PACKAGE}.diagram.editor"]  # `from .. import style as S`
    assert f"{PACKAGE}.scene" in graph[f"{PACKAGE}.view"]
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]


def test_no_import_cycle_between_the_canvas_modules():
    graph = {module: _canvas_imports(module) for module in MODULES}
    assert _cycle(graph) is None


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_canvas_file_is_over_600_lines(module):
    lines = MODULES[module].read_text(encoding="utf-8").count("\n")
    assert lines <= MAX_LINES, f"{module} has {lines} lines"


def test_the_diagram_layer_knows_nothing_of_the_blueprint():
    """A stakeholder map can build on canvas.diagram: it imports only its own modules and
    the canvas's shared look (style) from the canvas folder."""
    allowed_prefix, shared = f"{PACKAGE}.diagram", {f"{PACKAGE}.style"}
    for module in MODULES:
        if module.startswith(allowed_prefix):
            outside = {m for m in _canvas_imports(module) if not m.startswith(allowed_prefix)}
            assert outside <= shared, f"{module} imports {outside - shared}"
        text = MODULES[module].read_text(encoding="utf-8")
        if module.startswith(allowed_prefix):
            assert not re.search(r"\b(stage|lane|cell)\b", _code_only(text)), module


def _code_only(text: str) -> str:
    """The source without docstrings and comments (names only)."""
    tree = ast.parse(text)
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef)) and ast.get_docstring(node):
            node.body = node.body[1:] or [ast.Pass()]
    return ast.unparse(tree)


def _members(protocol: type) -> set[str]:
    names = set()
    for klass in protocol.__mro__:
        if klass is object or klass.__name__ in ("Protocol", "Generic"):
            continue
        names.update(n for n in vars(klass) if not n.startswith("_"))
        names.update(getattr(klass, "__annotations__", {}))
    return names


def _host_uses(path: Path) -> set[str]:
    """Every attribute a module's gestures take from their host (`host.x`, `self.host.x`)."""
    used = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Attribute):
            value = node.value
            if (isinstance(value, ast.Name) and value.id == "host") or (
                    isinstance(value, ast.Attribute) and value.attr == "host"
                    and isinstance(value.value, ast.Name) and value.value.id == "self"):
                used.add(node.attr)
    return used


def test_gestures_use_only_their_host_interface():
    from blueprint_studio.canvas.diagram.host import GestureHost
    from blueprint_studio.canvas.grid_gestures import GridHost

    generic = _host_uses(CANVAS / "diagram" / "gestures.py") | _host_uses(CANVAS / "diagram" / "connecting.py")
    grid = _host_uses(CANVAS / "grid_gestures.py")
    assert generic and grid, "the scan is broken"
    assert generic <= _members(GestureHost), generic - _members(GestureHost)
    assert grid <= _members(GridHost), grid - _members(GridHost)
    assert len(_members(GestureHost)) <= 16  # narrow: gestures knew ~20 scene members and the grid


def test_the_map_scene_provides_every_host_interface(qtbot):
    from PySide6.QtGui import QUndoStack

    from blueprint_studio.canvas import MapScene
    from blueprint_studio.canvas.diagram.host import GestureHost
    from blueprint_studio.canvas.grid_gestures import GridHost
    from blueprint_studio.canvas.map_host import MapHost
    from canvas_helpers import sample_project

    project = sample_project()
    stack = QUndoStack()
    scene = MapScene(project, project.maps[0].id, stack)
    try:
        assert isinstance(scene, GestureHost)
        for protocol in (GestureHost, GridHost, MapHost):
            missing = sorted(name for name in _members(protocol) if not hasattr(scene, name))
            assert missing == [], f"{protocol.__name__}: {missing}"
    finally:
        scene.detach()
        scene.deleteLater()


def test_no_canvas_module_reaches_into_another_objects_private_state():
    """Collaborators (editing, keyboard, menus, clipboard, drops, frame) use the scene's
    public members: no `scene._x`, `item._y` anywhere, only `self._z`."""
    found = []
    for module, path in MODULES.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Attribute) and node.attr.startswith("_")
                    and not node.attr.startswith("__")
                    and not (isinstance(node.value, ast.Name) and node.value.id in ("self", "cls"))):
                found.append(f"{module}:{node.lineno} {ast.unparse(node)}")
    assert found == []


def test_every_string_of_every_canvas_module_has_a_chinese_translation():
    """test_canvas's scan reads canvas/*.py; this one reads the sub-folders too."""
    from blueprint_studio.i18n import tr

    texts = set()
    for path in MODULES.values():
        texts.update(re.findall(r'\btr\("([^"]+)"\)', path.read_text(encoding="utf-8")))
    assert len(texts) >= 30, "no strings found: the scan is broken"
    assert sorted(t for t in texts if tr(t, "zh") == t) == []


def test_a_session_torn_down_as_documented_exits_cleanly(tmp_path):
    """PySide6 aborts at exit (134) or crashes (139) when a scene, its items or Python-made
    clipboard data outlive their parts in the wrong order. Drag, undo mid-drag, edit in
    place, copy, then tear down as `MapArea` does and exit: status 0."""
    script = textwrap.dedent("""
        import os, sys
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        sys.path[:0] = [{root!r}, {tests!r}]  # this tree's package, not an installed one
        from PySide6.QtCore import QPoint, Qt
        from PySide6.QtGui import QKeySequence, QUndoStack
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QApplication
        app = QApplication([])
        from blueprint_studio.canvas import MapScene, MapView
        from canvas_helpers import sample_project
        project = sample_project()
        stack = QUndoStack()
        scene = MapScene(project, project.maps[0].id, stack)
        view = MapView(scene)
        undo = stack.createUndoAction(view)
        undo.setShortcuts(QKeySequence.StandardKey.Undo)
        view.addAction(undo)
        view.resize(1200, 800)
        view.show()
        app.processEvents()
        service_map = project.maps[0]
        card_id = scene.add_card(service_map.stages[0].id, service_map.lanes[3].id, text="x")
        scene.finish_editing(True)
        start = view.mapFromScene(scene.card_item(card_id).sceneBoundingRect().center())
        port = view.viewport()
        QTest.mousePress(port, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
        for i in range(1, 5):
            QTest.mouseMove(port, start + QPoint(60 * i, 20 * i))
        QTest.keyClick(port, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        QTest.mouseRelease(port, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start + QPoint(240, 80))
        assert card_id not in service_map.cards and stack.index() == 0, "the undo did not run"
        scene.select_all()
        scene.copy_selection()
        scene.edit_card(scene.selected_card_ids()[0])
        scene.detach()
        view.setScene(None)
        view.close()
        view.deleteLater()
        scene.deleteLater()
        stack.clear()
        app.processEvents()
        print("done")
    """).format(root=str(ROOT), tests=str(ROOT / "tests"))
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            timeout=120, cwd=tmp_path)
    assert result.returncode == 0, (result.returncode, result.stderr[-2000:])
    assert result.stdout.strip().endswith("done")
    assert "Traceback" not in result.stderr


def test_a_detached_scene_ignores_the_calls_a_view_or_model_still_makes(qtbot):
    """Between detach and deletion a view may still scroll and the project may still change:
    the scene follows neither and touches none of its (deleted) items."""
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QUndoStack

    from blueprint_studio.canvas import MapScene
    from blueprint_studio.model import operations as ops
    from canvas_helpers import sample_project

    project = sample_project()
    stack = QUndoStack()
    scene = MapScene(project, project.maps[0].id, stack)
    service_map = project.maps[0]
    scene.detach()
    assert scene.detached and scene.items() == [] and scene.card_items() == {}
    scene.set_visible_origin(QPointF(40, 30))  # the view scrolled
    ops.UpdateMap(service_map.id, {"name": "Renamed"}).apply(project)  # another panel edited
    scene.flush()
    scene.continue_interaction(QPointF(5, 5))
    assert not scene.is_interacting() and scene.items() == []
    scene.deleteLater()
