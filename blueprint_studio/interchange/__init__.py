"""JSON and CSV import/export. Formats: docs/json-format.md and docs/csv-format.md."""

from .errors import InterchangeError
from .json_format import (
    FORMAT_NAME, FORMAT_VERSION, dump_json, dumps_json, load_json, loads_json,
    project_from_dict, project_to_dict,
)

__all__ = [
    "FORMAT_NAME", "FORMAT_VERSION", "InterchangeError", "dump_json", "dumps_json", "load_json",
    "loads_json", "project_from_dict", "project_to_dict",
]
