"""Built-in templates: bilingual example projects kept as data in resources/templates/*.json.

A template file describes its maps with short keys ("C1", "customer") instead of ids;
`build_template` resolves each text to the chosen language, gives every entity a fresh UUID
and validates the result through the JSON importer, so a template can never produce a
project the rest of the program would refuse. The file format is described in
resources/templates/README.md.
"""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from .i18n import LANGUAGES, tr
from .model import Project, new_id
from .model.kinds import CARD, LANE, MAP, STAGE, Kind
from .resources import templates_dir

# The order trainers see them in; any further files follow alphabetically.
BUILT_IN_ORDER = ("blank_blueprint", "blank_journey", "enterprise_training",
                  "bank_account_opening", "hotel_stay")

_STANDARD_LANE_KEYS = ("physical_evidence", "customer", "frontstage", "backstage", "support")


class TemplateError(ValueError):
    """An unknown template name or a broken template file (one sentence for the user)."""


@dataclass(frozen=True)
class TemplateInfo:
    name: str
    title_en: str
    title_zh: str
    description_en: str
    description_zh: str

    def title(self, lang: str) -> str:
        return self.title_zh if lang == "zh" else self.title_en

    def description(self, lang: str) -> str:
        return self.description_zh if lang == "zh" else self.description_en


def _local(value: Any, lang: str) -> str:
    """A template text: either the same for both languages, or {"en": ..., "zh": ...}."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        return str(value.get(lang) or value.get("en") or "")
    raise TemplateError(f"Template text must be a string or an en/zh object, not {value!r}")


def _template_files() -> dict[str, Path]:
    directory = templates_dir()
    files = {path.stem: path for path in directory.glob("*.json")}
    ordered = [name for name in BUILT_IN_ORDER if name in files]
    ordered += sorted(name for name in files if name not in BUILT_IN_ORDER)
    return {name: files[name] for name in ordered}


@lru_cache(maxsize=None)
def _load(name: str) -> dict[str, Any]:
    files = _template_files()
    if name not in files:
        raise TemplateError(
            tr("There is no template named \"{name}\"; choose one of: {names}.").format(
                name=name, names=", ".join(files)))
    try:
        data = json.loads(files[name].read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise TemplateError(tr("The template \"{name}\" cannot be read: {reason}.").format(
            name=name, reason=error)) from None
    if not isinstance(data, dict):
        raise TemplateError(tr("The template \"{name}\" cannot be read: {reason}.").format(
            name=name, reason="not a JSON object"))
    return data


def list_templates() -> list[TemplateInfo]:
    """The built-in templates, in the order a trainer meets them."""
    infos = []
    for name in _template_files():
        data = _load(name)
        infos.append(TemplateInfo(
            name=name,
            title_en=_local(data.get("title"), "en"), title_zh=_local(data.get("title"), "zh"),
            description_en=_local(data.get("description"), "en"),
            description_zh=_local(data.get("description"), "zh"),
        ))
    return infos


def build_template(name: str, lang: str = "en") -> Project:
    """A new project from a template, in Chinese (`zh`) or English (`en`), with fresh ids."""
    if lang not in LANGUAGES:
        raise TemplateError(tr("Unknown language \"{lang}\"; use one of: {langs}.").format(
            lang=lang, langs=", ".join(LANGUAGES)))
    data = copy.deepcopy(_load(name))
    from .interchange import InterchangeError, project_from_dict

    try:
        return project_from_dict(_to_interchange(data, lang))
    except (InterchangeError, KeyError, TypeError) as error:
        raise TemplateError(tr("The template \"{name}\" is broken: {reason}").format(
            name=name, reason=error)) from None


def _to_interchange(data: dict[str, Any], lang: str) -> dict[str, Any]:
    info = {field: _local(value, lang) for field, value in data.get("info", {}).items()}
    info.setdefault("title", _local(data.get("title"), lang))
    return {
        "format": "blueprint-studio",
        "version": 1,
        "project": {"id": new_id(), "info": info,
                    "maps": [_map_to_interchange(m, lang) for m in data.get("maps", [])]},
    }


def _fields(kind: Kind, data: dict[str, Any], lang: str) -> dict[str, Any]:
    """A template entity's own fields, by its kind: text in the chosen language, other
    values as written; refs and ids are the template's keys, mapped by the caller."""
    entry = {}
    for spec in kind.fields:
        if spec.type in ("ref", "order") or spec.json_name not in data:
            continue
        value = data[spec.json_name]
        entry[spec.json_name] = _local(value, lang) if spec.type == "text" else value
    return entry


def _map_to_interchange(data: dict[str, Any], lang: str) -> dict[str, Any]:
    stage_ids: dict[str, str] = {}
    stages = []
    for stage in data.get("stages", []):
        stage_ids[stage["key"]] = new_id()
        stages.append({"id": stage_ids[stage["key"]], **_fields(STAGE, stage, lang)})
    lane_ids: dict[str, str] = {}
    lanes = []
    for lane in data.get("lanes") or [{"kind": kind} for kind in _STANDARD_LANE_KEYS]:
        key = lane.get("key", lane["kind"])
        lane_ids[key] = new_id()
        lanes.append({"id": lane_ids[key], **_fields(LANE, lane, lang)})
    card_ids = {card["key"]: new_id() for card in data.get("cards", [])}
    cards, connectors = [], []
    for card in data.get("cards", []):
        if card["stage"] not in stage_ids or card["lane"] not in lane_ids:
            raise TemplateError(f"card {card['key']} names an unknown stage or lane")
        cards.append({"id": card_ids[card["key"]], "stage_id": stage_ids[card["stage"]],
                      "lane_id": lane_ids[card["lane"]], **_fields(CARD, card, lang)})
        for step in card.get("next", []):
            target, label = (step, "") if isinstance(step, str) else (step["to"], step.get("label"))
            if target not in card_ids:
                raise TemplateError(f"card {card['key']} leads to an unknown card {target}")
            connectors.append({"id": new_id(), "source_id": card_ids[card["key"]],
                               "target_id": card_ids[target], "label": _local(label, lang)})
    return {"id": new_id(), **_fields(MAP, data, lang),
            "stages": stages, "lanes": lanes, "cards": cards, "connectors": connectors}
