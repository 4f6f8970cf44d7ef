"""The command line: `blueprint-studio [PROJECT]` opens the window; subcommands run headless.

    blueprint-studio templates
    blueprint-studio new --template NAME -o PROJECT [--lang zh|en]
    blueprint-studio import SOURCE.csv|SOURCE.json -o PROJECT [--map NAME]
    blueprint-studio export PROJECT -o OUT.json|OUT.csv|OUT.pdf [--map NAME] [PDF options]
    blueprint-studio info PROJECT [--json]

A user error prints one line, "blueprint-studio: error: ...", on stderr and exits with 2;
input files are never modified. Qt, SQLAlchemy and reportlab are imported only by the
commands that need them, so headless use stays quick. See docs/cli.md.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn, TypeVar

from . import __version__
from .i18n import LANGUAGES, describe, plural, set_language, system_language, tr
from .interchange import InterchangeError
from .model import Project, ServiceMap
from .model.errors import ModelError
from .templates import TemplateError
from .cli_info import print_json as _print_json, run_info

PROG = "blueprint-studio"
T = TypeVar("T")

COMMANDS = ("templates", "new", "import", "export", "info")
USER_ERROR = 2
SHEET_KINDS = ("screening", "ahp", "solidification", "usertest")
PDF_KINDS = ("handout", "poster", "blank", "blank_blueprint", "blank_journey") + SHEET_KINDS
PAPERS = {"a4": "A4", "a3": "A3", "letter": "Letter"}
STALE_RETRIES = 50  # re-reads when another writer saved the project first


class UserError(Exception):
    """Something the user can fix; the message is one sentence."""


class _Parser(argparse.ArgumentParser):
    """argparse that reports mistakes as our one-line error instead of usage + exit."""

    def error(self, message: str) -> NoReturn:
        raise UserError(tr("{problem} (see {prog} --help)").format(problem=message, prog=self.prog))


# -- entry point ------------------------------------------------------------------------

class Terminated(KeyboardInterrupt):
    """SIGTERM, raised where the program was, so that cleanup runs as for Ctrl+C."""


def _stop_on_sigterm() -> None:
    """SIGTERM (a closed terminal, `kill`, a session ending) unwinds like Ctrl+C, so every
    half-written temporary file is removed by the code that made it."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        return

    def stop(_signum: int, _frame: object) -> None:
        raise Terminated

    try:
        signal.signal(signal.SIGTERM, stop)
    except (ValueError, OSError):  # not settable here (embedded interpreter)
        pass


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    _tolerant_output()
    set_language(_language_from(args))
    try:
        if not args or (args[0] not in COMMANDS and not args[0].startswith("-")):
            return _open_window(args)
        _stop_on_sigterm()
        options = _build_parser().parse_args(args)
        return options.run(options)
    except SystemExit as done:  # --help and --version
        return done.code if isinstance(done.code, int) else 0
    except Terminated:
        return 143  # 128 + SIGTERM, as the shell reports a terminated program
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `blueprint-studio info x | head`: the reader left early
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except Exception as error:  # noqa: BLE001 - the last line of defence: never a traceback
        message = _user_message(error)
        if message is None:
            if os.environ.get("BLUEPRINT_STUDIO_DEBUG"):
                raise
            _print_error(tr("internal error: {kind}: {problem} (set BLUEPRINT_STUDIO_DEBUG=1 "
                            "to see the details)").format(kind=type(error).__name__, problem=error))
            return 1
        _print_error(message)
        return USER_ERROR


def _user_message(error: Exception) -> str | None:
    """The sentence for errors the user can act on; None for a bug in the program."""
    if isinstance(error, (UserError, InterchangeError, TemplateError)):
        return str(error)
    if isinstance(error, ModelError):  # a refused edit, e.g. one map past the project's limit
        return describe(error)
    name = type(error).__name__
    if name in ("ProjectFileError", "ExportError"):  # imported lazily, so matched by name
        return str(error)
    return None


def _cards(count: int) -> str:
    return plural(count, "{count} card", "{count} cards")


def _print_error(message: str) -> None:
    one_line = " ".join(message.split())
    print(f"{PROG}: {tr('error')}: {one_line}", file=sys.stderr)


def _tolerant_output() -> None:
    """Chinese text must never crash on a terminal that cannot show it."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(errors="backslashreplace")  # type: ignore[union-attr]
        except (AttributeError, ValueError):
            pass


def _language_from(args: list[str]) -> str:
    for index, arg in enumerate(args):
        value = None
        if arg == "--lang" and index + 1 < len(args):
            value = args[index + 1]
        elif arg.startswith("--lang="):
            value = arg.split("=", 1)[1]
        if value in LANGUAGES:
            return value
    return system_language()


def _open_window(args: list[str]) -> int:
    if len(args) > 1:
        raise UserError(tr("Unknown command \"{command}\"; commands are: {commands}.").format(
            command=args[0], commands=", ".join(COMMANDS)))
    path = args[0] if args else None
    if path is not None and not Path(path).exists() and not Path(path).suffix:
        raise UserError(tr("Unknown command \"{command}\"; commands are: {commands}.").format(
            command=path, commands=", ".join(COMMANDS)))
    # A project file that is not there (moved, a typo, a stale shortcut) opens the window all
    # the same, which says so in the interface's language (see app.main.open_at_start).
    if path is not None and Path(path).is_dir():
        raise UserError(tr("{path} is a folder, not a file.").format(path=path))
    from .app.main import run_gui  # Qt only when a window is wanted

    return run_gui(path)


# -- the parser -----------------------------------------------------------------------------

def _build_parser() -> argparse.ArgumentParser:
    common = _Parser(add_help=False)
    common.add_argument("--lang", choices=LANGUAGES,
                        help=tr("language of messages and new content (default: the system's)"))
    parser = _Parser(prog=PROG, parents=[common], description=tr(
        "Service blueprints and customer journey maps. Without a command, or with a "
        "project file, the window opens."))
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    templates = commands.add_parser("templates", parents=[common],
                                    help=tr("list the built-in templates"))
    templates.add_argument("--json", action="store_true", help=tr("machine-readable output"))
    templates.set_defaults(run=_run_templates)

    new = commands.add_parser("new", parents=[common], help=tr("create a project from a template"))
    new.add_argument("--template", required=True, metavar="NAME",
                     help=tr("template name (see the templates command)"))
    new.add_argument("-o", "--output", required=True, metavar="PROJECT",
                     help=tr("the project file to create"))
    new.set_defaults(run=_run_new)

    importer = commands.add_parser("import", parents=[common],
                                   help=tr("make a project from a CSV or JSON file"))
    importer.add_argument("source", metavar="SOURCE", help=tr("a .csv or .json file"))
    importer.add_argument("-o", "--output", required=True, metavar="PROJECT",
                          help=tr("the project file to create (or to add the map to, with --map)"))
    importer.add_argument("--map", metavar="NAME",
                          help=tr("add the CSV as a new map with this name to the project "
                                  "(survey responses: the map whose cards they are about)"))
    importer.add_argument("--as", dest="csv_kind",
                          choices=("cards", "ideas", "scores", "pairwise", "metrics"),
                          help=tr("what the CSV holds (default: recognised from its header)"))
    importer.add_argument("--screening", metavar="NAME",
                          help=tr("the screening that scores or a pairwise matrix go into"))
    importer.set_defaults(run=_run_import)

    exporter = commands.add_parser("export", parents=[common],
                                   help=tr("write a project as JSON, CSV or PDF"))
    exporter.add_argument("project", metavar="PROJECT", help=tr("the project file"))
    exporter.add_argument("-o", "--output", required=True, metavar="OUT",
                          help=tr("OUT.json, OUT.csv or OUT.pdf: the format follows the extension"))
    exporter.add_argument("--map", metavar="NAME",
                          help=tr("the map to export (CSV: default the first map; PDF: default all maps)"))
    pdf = exporter.add_argument_group(tr("PDF options"))
    pdf.add_argument("--kind", choices=PDF_KINDS, help=tr(
        "handout (default), poster, blank, or a concept-screening sheet: screening, ahp, "
        "solidification, usertest"))
    pdf.add_argument("--paper", metavar="A4|A3|Letter", help=tr("paper size (default A4)"))
    pdf.add_argument("--landscape", action="store_true", default=None, help=tr("landscape pages"))
    pdf.add_argument("--tile", type=_positive_scale, metavar="SCALE",
                     help=tr("print a poster at this scale across several pages (e.g. 1.0)"))
    pdf.add_argument("--blank", action="store_true", default=None,
                     help=tr("a screening sheet to fill in by hand, instead of the filled one"))
    pdf.add_argument("--screening", metavar="NAME",
                     help=tr("the screening a sheet shows (default: the project's first)"))
    pdf.add_argument("--concepts", type=_count, metavar="N",
                     help=tr("blank sheets: boxes for N concepts"))
    pdf.add_argument("--voters", type=_count, metavar="N",
                     help=tr("blank screening sheet: rows for N voters per concept"))
    exporter.set_defaults(run=_run_export)

    info = commands.add_parser("info", parents=[common],
                               help=tr("describe a project: maps, stages, lanes, cards"))
    info.add_argument("project", metavar="PROJECT", help=tr("the project file"))
    info.add_argument("--json", action="store_true", help=tr("machine-readable output"))
    info.set_defaults(run=run_info)
    return parser


def _positive_scale(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = float("nan")
    if not 0.05 <= value <= 20:  # also rejects NaN
        raise argparse.ArgumentTypeError(
            tr("the scale must be a number from 0.05 to 20, not {value}").format(value=text))
    return value


def _count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(
            tr("a count must be a whole number from 1, not {value}").format(value=text))
    return value


def _lang(options: argparse.Namespace) -> str:
    return options.lang or system_language()


# -- files ---------------------------------------------------------------------------------

def _project_output(text: str) -> Path:
    """Where a new project goes: the .bpstudio suffix is added when missing."""
    from .storage import FILE_SUFFIX

    path = Path(text).expanduser()
    suffix = path.suffix.lower()
    if suffix in (".json", ".csv", ".pdf"):
        raise UserError(tr("{path} is not a project file name; projects end with {suffix} "
                           "(use the export command to write {kind} files).").format(
            path=path, suffix=FILE_SUFFIX, kind=suffix))
    if suffix != FILE_SUFFIX:
        path = path.with_name(path.name + FILE_SUFFIX)
    return path


def _refuse_existing(path: Path) -> None:
    if path.exists():
        raise UserError(tr("{path} already exists; choose another name or delete it first.")
                        .format(path=path))


def _load_any(text: str) -> Project:
    """A project file, or a .json / .csv interchange file read as a project."""
    path = Path(text).expanduser()
    if not path.exists():
        raise UserError(tr("There is no file {path}.").format(path=path))
    suffix = path.suffix.lower()
    if suffix == ".json":
        from .interchange import load_json

        return load_json(path)
    if suffix == ".csv":
        return _project_from_csv(path, None)
    from .storage import read_project

    return read_project(path)


def _project_from_csv(path: Path, map_name: str | None) -> Project:
    from .interchange import read_csv_map
    from .model.factory import new_project

    service_map = read_csv_map(path, map_name)
    return new_project(path.stem, [service_map])


def _pick_map(project: Project, name: str | None) -> ServiceMap | None:
    if name is None:
        return None
    found = project.map_named(name)
    if found is None:
        names = ", ".join(f"\"{m.name}\"" for m in project.maps) or tr("none")
        raise UserError(tr("The project has no map named \"{name}\"; its maps are: {names}.")
                        .format(name=name, names=names))
    return found


# -- commands --------------------------------------------------------------------------------

def _run_templates(options: argparse.Namespace) -> int:
    from .templates import list_templates

    lang = _lang(options)
    infos = list_templates()
    if options.json:
        _print_json([{"name": t.name, "title": t.title(lang), "description": t.description(lang),
                      "title_en": t.title_en, "title_zh": t.title_zh} for t in infos])
        return 0
    width = max(len(t.name) for t in infos) + 2
    for info in infos:
        print(f"{info.name:<{width}}{info.title(lang)}")
        print(f"{'':<{width}}{info.description(lang)}")
    print()
    print(tr("Create a project with: {prog} new --template NAME -o PROJECT [--lang zh|en]")
          .format(prog=PROG))
    return 0


def _run_new(options: argparse.Namespace) -> int:
    from .storage import write_project
    from .templates import build_template

    output = _project_output(options.output)
    project = build_template(options.template, _lang(options))  # before touching the disk
    _refuse_existing(output)
    write_project(project, output, replace=False)  # never over a file made meanwhile
    print(tr("Created {path} from the template \"{name}\" ({cards}).").format(
        path=output, name=options.template, cards=_cards(sum(len(m.cards) for m in project.maps))))
    return 0


def _run_import(options: argparse.Namespace) -> int:
    source = Path(options.source).expanduser()
    suffix = source.suffix.lower()
    if suffix not in (".csv", ".json"):
        raise UserError(tr("import reads .csv or .json files, not {name}.").format(name=source.name))
    if not source.exists():
        raise UserError(tr("There is no file {path}.").format(path=source))
    output = _project_output(options.output)
    if suffix == ".csv" and (options.csv_kind or "cards") != "cards" or (
            suffix == ".csv" and options.csv_kind is None and options.map is None):
        from .interchange.screening_csv import read_kind

        text, recognised = read_kind(source)
        kind = options.csv_kind or recognised
        if kind == "metrics":
            return _add_survey_csv(text, output, options.map)
        if kind != "cards":
            return _add_screening_csv(text, kind, output, options.screening)
    elif suffix == ".csv" and options.csv_kind is None:  # --map: a map, or the map of survey answers
        from .interchange.screening_csv import read_kind

        try:
            text, recognised = read_kind(source)
        except InterchangeError:
            recognised = "cards"  # the cards reader says what is wrong, as it always did
        if recognised == "metrics":
            return _add_survey_csv(text, output, options.map)
    if options.map is not None:
        if suffix != ".csv":
            raise UserError(tr("--map adds a CSV file as a map; a JSON file is a whole project."))
        if not options.map.strip():
            raise UserError(tr("The map name must not be empty."))
        if output.exists():
            return _add_csv_map(source, output, options.map)
    _refuse_existing(output)
    if suffix == ".json":
        from .interchange import load_json

        project = load_json(source)
    else:
        project = _project_from_csv(source, options.map)
    from .storage import write_project

    write_project(project, output, replace=False)  # never over a file made meanwhile
    print(tr("Created {path} (maps: {maps}, cards: {cards}).").format(
        path=output, maps=len(project.maps), cards=sum(len(m.cards) for m in project.maps)))
    return 0


def _edit_saved_project(output: Path, edit: Callable[[Project], T], gave_up: str) -> T:
    """Apply `edit` to the project at `output` and save it, as one revision-checked save.

    Another writer may save the project between our read and our save: the save is then
    refused untouched, and we read the file again and edit what is there now; `gave_up`
    is said when that keeps happening."""
    from .storage import ProjectFile, StaleSaveError

    for attempt in range(STALE_RETRIES):
        with ProjectFile.open(output) as project_file:
            result = edit(project_file.project)
            try:
                project_file.save()
                return result
            except StaleSaveError:
                if attempt == STALE_RETRIES - 1:
                    raise UserError(gave_up) from None
    raise AssertionError("unreachable: the last attempt returns or raises")


def _add_csv_map(source: Path, output: Path, map_name: str) -> int:
    """Add the CSV as a new map to an existing project, through the model's operations."""
    from .interchange import fitting_into, read_csv_map
    from .model.operations import AddMap

    read = read_csv_map(source, map_name)  # all checks before the project is opened

    def add(project: Project) -> ServiceMap:
        if project.map_named(map_name) is not None:
            raise UserError(tr("{path} already has a map named \"{name}\"; choose another name.")
                            .format(path=output, name=map_name))
        service_map = fitting_into(project, read)
        AddMap(service_map).apply(project)
        return service_map

    service_map = _edit_saved_project(output, add, tr(
        "{path} kept being changed by other programs, so the map \"{name}\" was not added; please "
        "try again.").format(path=output, name=map_name))
    print(tr("Added the map \"{name}\" ({cards}) to {path}.").format(
        name=map_name, cards=_cards(len(service_map.cards)), path=output))
    return 0


def _add_screening_csv(text: str, kind: str, output: Path, screening: str | None) -> int:
    """Ideas, scores or a pairwise matrix into an existing project, as one edit."""
    from .interchange import screening_csv

    if not output.exists():
        raise UserError(tr("{kind} are added to an existing project; create {path} first (for "
                           "example with the new command).").format(kind=tr(kind.capitalize()), path=output))
    def add(project: Project) -> int:
        if kind == "ideas":
            batch, count = screening_csv.ideas_operations(project, text)
        elif kind == "scores":
            batch, count = screening_csv.scores_operations(project, text, screening)
        else:
            batch, count = screening_csv.pairwise_operations(project, text, screening)
        batch.apply(project)
        return count

    count = _edit_saved_project(output, add, tr(
        "{path} kept being changed by other programs; please try again.").format(path=output))
    forms = {"ideas": ("{count} idea", "{count} ideas"), "scores": ("{count} score", "{count} scores"),
             "pairwise": ("{count} pairwise judgement", "{count} pairwise judgements")}[kind]
    print(tr("Added {items} to {path}.").format(items=plural(count, *forms), path=output))
    return 0


def _add_survey_csv(text: str, output: Path, map_name: str | None) -> int:
    """Raw survey responses into an existing project's cards, as one edit."""
    from .interchange.metrics_csv import survey_operations

    if not output.exists():
        raise UserError(tr("Survey responses are added to an existing project; create {path} "
                           "first (for example with the new command).").format(path=output))
    def add(project: Project):
        read = survey_operations(project, text, map_name)
        read.batch.apply(project)
        return read

    read = _edit_saved_project(output, add, tr(
        "{path} kept being changed by other programs; please try again.").format(path=output))
    print(tr("Added {count} survey responses about {cards} cards to {path}.").format(
        count=read.responses, cards=read.cards, path=output))
    if read.skipped:
        print(tr("Skipped {count} rows without a score.").format(count=read.skipped))
    return 0


def _run_export(options: argparse.Namespace) -> int:
    output = Path(options.output).expanduser()
    suffix = output.suffix.lower()
    if suffix not in (".json", ".csv", ".pdf"):
        raise UserError(tr("export writes .json, .csv or .pdf files; the extension of {name} "
                           "decides the format.").format(name=output.name))
    pdf_options = [flag for flag, value in (("--kind", options.kind), ("--paper", options.paper),
                                            ("--landscape", options.landscape),
                                            ("--tile", options.tile), ("--blank", options.blank),
                                            ("--screening", options.screening),
                                            ("--concepts", options.concepts),
                                            ("--voters", options.voters)) if value is not None]
    if pdf_options and suffix != ".pdf":
        raise UserError(tr("The PDF options ({options}) need an output ending in .pdf.").format(
            options=", ".join(pdf_options)))
    sheet_options = [flag for flag, value in (("--blank", options.blank),
                                              ("--screening", options.screening),
                                              ("--concepts", options.concepts),
                                              ("--voters", options.voters)) if value is not None]
    if sheet_options and options.kind not in SHEET_KINDS:
        raise UserError(tr("{options} go with a screening sheet: --kind screening, ahp, "
                           "solidification or usertest.").format(options=", ".join(sheet_options)))
    source = Path(options.project).expanduser()
    if output.exists() and source.exists() and output.resolve() == source.resolve():
        raise UserError(tr("The output must not be the project file itself."))
    project = _load_any(options.project)
    chosen = _pick_map(project, options.map) if options.kind not in SHEET_KINDS else None
    if suffix == ".json":
        from .interchange import dump_json

        if chosen is not None:
            project = Project(info=project.info, maps=[chosen], id=project.id)
        dump_json(project, output)
        print(tr("Wrote {path}.").format(path=output))
    elif suffix == ".csv":
        from .interchange import write_csv_map

        service_map = chosen or (project.maps[0] if project.maps else None)
        if service_map is None:
            raise UserError(tr("The project has no map to export."))
        write_csv_map(service_map, output)
        print(tr("Wrote {path} ({cards} of the map \"{name}\").").format(
            path=output, cards=_cards(len(service_map.cards)), name=service_map.name))
    else:
        _export_pdf(project, output, chosen, options)
    return 0


def _export_pdf(project: Project, output: Path, chosen: ServiceMap | None,
                options: argparse.Namespace) -> None:
    from .export import export_pdf

    paper = PAPERS.get((options.paper or "A4").lower(), options.paper)
    sheets = dict(blank=bool(options.blank), screening=options.screening,
                  concepts=options.concepts, voters=options.voters) if options.kind in SHEET_KINDS else {}
    result = export_pdf(project, output, kind=options.kind or "handout",
                        map_id=chosen.id if chosen else None, paper=paper,
                        landscape=bool(options.landscape), tile_scale=options.tile,
                        lang=_lang(options), **sheets)
    for warning in getattr(result, "warnings", []) or []:
        print(f"{PROG}: {tr('warning')}: {warning}", file=sys.stderr)
    pages = getattr(result, "pages", None)
    if pages:
        print(tr("Wrote {path} (pages: {pages}).").format(path=output, pages=pages))
    else:
        print(tr("Wrote {path}.").format(path=output))


if __name__ == "__main__":
    sys.exit(main())
