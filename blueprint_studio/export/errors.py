"""What an export returns or raises."""

from __future__ import annotations

from dataclasses import dataclass, field


class ExportError(Exception):
    """The export cannot be made; the message is one clear sentence for the user."""


@dataclass(slots=True)
class ExportResult:
    pages: int
    warnings: list[str] = field(default_factory=list)
