"""JSON and CSV import/export. Formats: docs/json-format.md and docs/csv-format.md."""

from .csv_format import COLUMNS, csv_text, parse_csv_text, read_csv_map, write_csv_map
from .errors import InterchangeError
from .fresh_ids import fitting_into, with_fresh_ids
from .json_format import (
    FORMAT_NAME, FORMAT_VERSION, dump_json, dumps_json, load_json, loads_json,
    project_from_dict, project_to_dict,
)

__all__ = [
    "COLUMNS", "csv_text", "parse_csv_text", "read_csv_map", "write_csv_map",
    "FORMAT_NAME", "FORMAT_VERSION", "InterchangeError", "dump_json", "dumps_json", "load_json",
    "fitting_into", "loads_json", "project_from_dict", "project_to_dict", "with_fresh_ids",
]
