"""The command line through real subprocesses: every subcommand, every user error."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).parent / "fixtures" / "enterprise_training_zh.csv"


def run(*args: str, cwd: Path, lang: str = "en", entry: str = "-m blueprint_studio.cli",
        env_extra: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ, BLUEPRINT_STUDIO_LANG=lang, PYTHONPATH=str(ROOT),
               QT_QPA_PLATFORM="offscreen")
    env.pop("BLUEPRINT_STUDIO_DEBUG", None)
    env.update(env_extra or {})
    command = [sys.executable, *entry.split(), *args]
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True,
                          encoding="utf-8", timeout=120)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def assert_user_error(result: subprocess.CompletedProcess, *fragments: str) -> None:
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("blueprint-studio: ")
    for fragment in fragments:
        assert fragment in lines[0], lines[0]


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    shutil.copy(FIXTURE, tmp_path / "training.csv")
    return tmp_path


def info_json(path: Path, cwd: Path) -> dict:
    result = run("info", str(path), "--json", cwd=cwd)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


# -- templates and new ------------------------------------------------------------------------

def test_templates_lists_the_five_in_both_languages(workdir):
    english = run("templates", cwd=workdir)
    assert english.returncode == 0
    for name in ("blank_blueprint", "blank_journey", "enterprise_training", "bank_account_opening",
                 "hotel_stay"):
        assert name in english.stdout
    assert "Overnight hotel stay" in english.stdout
    chinese = run("templates", "--lang", "zh", cwd=workdir)
    assert "酒店住宿一晚" in chinese.stdout and "空白服务蓝图" in chinese.stdout
    listed = json.loads(run("templates", "--json", cwd=workdir).stdout)
    assert [t["name"] for t in listed][:5] == ["blank_blueprint", "blank_journey",
                                               "enterprise_training", "bank_account_opening",
                                               "hotel_stay"]


def test_new_creates_a_project_that_info_describes(workdir):
    result = run("new", "--template", "enterprise_training", "-o", "course", "--lang", "zh", cwd=workdir)
    assert result.returncode == 0, result.stderr
    project = workdir / "course.bpstudio"  # the suffix is added
    summary = info_json(project, workdir)
    assert summary["title"] == "企业客户培训服务蓝图"
    [service_map] = summary["maps"]
    assert service_map["stages"] == ["提交培训需求", "培训准备", "参加培训", "培训回顾"]
    assert service_map["cards"] == sum(lane["cards"] for lane in service_map["lanes"]) >= 25
    assert service_map["connectors"] >= 10 and len(service_map["moments_of_truth"]) >= 1

    text = run("info", str(project), cwd=workdir)
    assert text.returncode == 0
    assert "Physical evidence" in text.stdout and "提交培训需求 → 培训准备" in text.stdout
    assert "Cards: " in text.stdout


def test_new_refuses_to_overwrite_and_unknown_templates(workdir):
    target = workdir / "mine.bpstudio"
    assert run("new", "--template", "hotel_stay", "-o", str(target), cwd=workdir).returncode == 0
    before = digest(target)
    assert_user_error(run("new", "--template", "blank_journey", "-o", str(target), cwd=workdir),
                      "already exists")
    assert digest(target) == before
    assert_user_error(run("new", "--template", "spaceship", "-o", "other", cwd=workdir),
                      "no template named \"spaceship\"", "hotel_stay")
    assert not (workdir / "other.bpstudio").exists()
    assert_user_error(run("new", "--template", "hotel_stay", "-o", "x.json", cwd=workdir), "export")
    assert_user_error(run("new", "-o", "x", cwd=workdir), "--template")


# -- import ---------------------------------------------------------------------------------------

def test_import_csv_then_add_a_second_map(workdir):
    source = workdir / "training.csv"
    before = digest(source)
    result = run("import", str(source), "-o", "course", cwd=workdir)
    assert result.returncode == 0, result.stderr
    project = workdir / "course.bpstudio"
    summary = info_json(project, workdir)
    assert [m["name"] for m in summary["maps"]] == ["training"]
    assert summary["maps"][0]["cards"] == 20 and summary["maps"][0]["connectors"] == 15
    assert [lane["cards"] for lane in summary["maps"][0]["lanes"]] == [4, 4, 4, 4, 4]

    added = run("import", str(source), "-o", str(project), "--map", "第二期", cwd=workdir)
    assert added.returncode == 0, added.stderr
    assert [m["name"] for m in info_json(project, workdir)["maps"]] == ["training", "第二期"]
    assert digest(source) == before

    again = run("import", str(source), "-o", str(project), "--map", "第二期", cwd=workdir)
    assert_user_error(again, "already has a map named")
    assert len(info_json(project, workdir)["maps"]) == 2


def test_adding_a_map_to_a_file_that_is_not_a_project_leaves_it_alone(workdir):
    target = workdir / "notes.bpstudio"
    target.write_bytes(b"my shopping list")
    result = run("import", "training.csv", "-o", str(target), "--map", "New", cwd=workdir)
    assert_user_error(result, "not a Blueprint Studio project")
    assert target.read_bytes() == b"my shopping list"
    assert sorted(p.name for p in workdir.iterdir()) == ["notes.bpstudio", "training.csv"]


def test_import_refuses_an_existing_output_without_map(workdir):
    target = workdir / "exists.bpstudio"
    assert run("new", "--template", "blank_blueprint", "-o", str(target), cwd=workdir).returncode == 0
    before = digest(target)
    assert_user_error(run("import", "training.csv", "-o", str(target), cwd=workdir), "already exists")
    assert digest(target) == before


def test_a_bad_csv_names_row_and_column_and_creates_nothing(workdir):
    bad = workdir / "bad.csv"
    lines = FIXTURE.read_text(encoding="utf-8").splitlines()
    assert lines[7].startswith("c2,") and ",-1," in lines[7]
    lines[7] = lines[7].replace(",-1,", ",-7,")  # the emotion of spreadsheet row 8
    bad.write_text("\n".join(lines) + "\n", encoding="gb18030")
    before = digest(bad)
    result = run("import", str(bad), "-o", "out", cwd=workdir)
    assert_user_error(result, "Row 8", "column \"emotion\" (G)", "-7")
    assert not (workdir / "out.bpstudio").exists()
    assert digest(bad) == before
    assert sorted(p.name for p in workdir.iterdir()) == ["bad.csv", "training.csv"]


def test_import_user_errors(workdir):
    assert_user_error(run("import", "missing.csv", "-o", "x", cwd=workdir), "no file")
    (workdir / "notes.txt").write_text("hello")
    assert_user_error(run("import", "notes.txt", "-o", "x", cwd=workdir), ".csv or .json")
    (workdir / "broken.json").write_text("{\"format\": \"blueprint-studio\", \"version\": 99}")
    assert_user_error(run("import", "broken.json", "-o", "x", cwd=workdir), "newer")
    (workdir / "half.json").write_text("{\"format\": ")
    assert_user_error(run("import", "half.json", "-o", "x", cwd=workdir), "not valid JSON")
    assert_user_error(run("import", "half.json", "-o", "x", "--map", "m", cwd=workdir), "CSV")
    assert not (workdir / "x.bpstudio").exists()


# -- export -----------------------------------------------------------------------------------------

def test_json_round_trip_through_the_command_line(workdir):
    assert run("new", "--template", "bank_account_opening", "-o", "bank", cwd=workdir).returncode == 0
    project = workdir / "bank.bpstudio"
    before = digest(project)
    assert run("export", str(project), "-o", "first.json", cwd=workdir).returncode == 0
    assert digest(project) == before
    assert run("import", "first.json", "-o", "copy", cwd=workdir).returncode == 0
    assert run("export", "copy.bpstudio", "-o", "second.json", cwd=workdir).returncode == 0
    assert (workdir / "first.json").read_bytes() == (workdir / "second.json").read_bytes()


def test_export_csv_picks_the_first_map_or_the_named_one(workdir):
    assert run("import", "training.csv", "-o", "p", cwd=workdir).returncode == 0
    (workdir / "other.csv").write_text("stage,lane,text\n单独,客户,一张卡\n", encoding="utf-8")
    assert run("import", "other.csv", "-o", "p.bpstudio", "--map", "Other", cwd=workdir).returncode == 0
    assert run("export", "p.bpstudio", "-o", "first.csv", cwd=workdir).returncode == 0
    first = (workdir / "first.csv").read_text(encoding="utf-8-sig").splitlines()
    assert first[0].startswith("id,stage,lane,text") and len(first) == 21
    assert run("export", "p.bpstudio", "-o", "other_out.csv", "--map", "other", cwd=workdir).returncode == 0
    other = (workdir / "other_out.csv").read_text(encoding="utf-8-sig").splitlines()
    assert len(other) == 2 and "一张卡" in other[1] and ",customer," in other[1]
    assert_user_error(run("export", "p.bpstudio", "-o", "x.csv", "--map", "nope", cwd=workdir),
                      "no map named \"nope\"", "Other")


def test_export_user_errors_leave_the_project_alone(workdir):
    assert run("new", "--template", "hotel_stay", "-o", "h", cwd=workdir).returncode == 0
    project = workdir / "h.bpstudio"
    before = digest(project)
    assert_user_error(run("export", "h.bpstudio", "-o", "out.docx", cwd=workdir), ".json, .csv or .pdf")
    assert_user_error(run("export", "h.bpstudio", "-o", "out.csv", "--kind", "poster", cwd=workdir), "PDF")
    assert_user_error(run("export", "missing.bpstudio", "-o", "out.json", cwd=workdir), "no file")
    assert_user_error(run("export", "h.bpstudio", "-o", "nofolder/out.json", cwd=workdir), "does not exist")
    assert_user_error(run("export", "h.bpstudio", cwd=workdir), "required")
    assert digest(project) == before


def test_export_pdf(workdir):
    assert run("new", "--template", "hotel_stay", "-o", "h", cwd=workdir).returncode == 0
    result = run("export", "h.bpstudio", "-o", "poster.pdf", "--kind", "poster", "--paper", "a3",
                 "--landscape", "--lang", "zh", cwd=workdir)
    assert result.returncode == 0, result.stderr
    assert (workdir / "poster.pdf").read_bytes().startswith(b"%PDF")
    assert_user_error(run("export", "h.bpstudio", "-o", "x.pdf", "--paper", "B9", cwd=workdir), "B9")
    assert_user_error(run("export", "h.bpstudio", "-o", "x.pdf", "--tile", "zero", cwd=workdir), "scale")


# -- info and files that are not projects -------------------------------------------------------------

@pytest.mark.parametrize("content", [b"", b"garbage", b"\x89PNG\r\n\x1a\n" + bytes(100),
                                     b"SQLite format 3\x00" + bytes(200)])
def test_info_refuses_files_that_are_not_projects(workdir, content):
    path = workdir / "fake.bpstudio"
    path.write_bytes(content)
    before = digest(path)
    result = run("info", str(path), cwd=workdir)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert digest(path) == before
    assert sorted(p.name for p in workdir.iterdir()) == ["fake.bpstudio", "training.csv"]


def test_info_reads_csv_and_json_directly(workdir):
    summary = info_json(workdir / "training.csv", workdir)
    assert summary["maps"][0]["cards"] == 20


def test_unknown_command_and_a_folder_never_open_a_window(workdir):
    # A project file that is missing opens the window, which says so (test_new_user_defects).
    assert_user_error(run("improt", "x.csv", cwd=workdir), "Unknown command", "import")
    assert_user_error(run("improt", cwd=workdir), "Unknown command")
    assert_user_error(run(str(workdir), cwd=workdir), "folder")
    assert_user_error(run("info", "training.csv", "--bogus", cwd=workdir), "--bogus")


def test_messages_follow_the_language(workdir):
    result = run("import", "missing.csv", "-o", "x", "--lang", "zh", cwd=workdir)
    assert result.returncode == 2 and "错误" in result.stderr and "missing.csv" in result.stderr
    environment = run("info", "training.csv", cwd=workdir, lang="zh")
    assert "有形展示" in environment.stdout


def test_entry_points_main_py_and_python_m(workdir):
    for entry in (str(ROOT / "main.py"), "-m blueprint_studio"):
        result = run("templates", cwd=workdir, entry=entry)
        assert result.returncode == 0 and "hotel_stay" in result.stdout, result.stderr
    assert run("--version", cwd=workdir).stdout.startswith("blueprint-studio ")
    assert "import" in run("--help", cwd=workdir).stdout


def test_headless_commands_do_not_load_qt(workdir):
    code = ("import sys; from blueprint_studio.cli import main; "
            "assert main(['templates']) == 0; assert main(['info', 'training.csv']) == 0; "
            "assert main(['new', '--template', 'hotel_stay', '-o', 'h']) == 0; "
            "assert main(['export', 'h.bpstudio', '-o', 'h.pdf']) == 0; "
            "assert 'PySide6' not in sys.modules, 'Qt was imported'")
    result = run("-c", code, cwd=workdir, entry="")
    assert result.returncode == 0, result.stderr


def test_a_terminal_without_unicode_does_not_crash(workdir):
    result = run("info", "training.csv", cwd=workdir, env_extra={"PYTHONIOENCODING": "ascii"})
    assert result.returncode == 0, result.stderr
    assert "\\u" in result.stdout  # Chinese shown escaped rather than crashing



def test_exports_get_ordinary_file_permissions(tmp_path):
    """Atomic writes start from a private temp file; the result must still be shareable."""
    assert run("new", "--template", "blank_blueprint", "-o", "p.bpstudio", cwd=tmp_path).returncode == 0
    old_mask = os.umask(0o022)  # inherited by the subprocess
    try:
        for name in ("out.json", "out.csv", "out.pdf"):
            result = run("export", "p.bpstudio", "-o", name, cwd=tmp_path)
            assert result.returncode == 0, result.stderr
            assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o644, name
    finally:
        os.umask(old_mask)
