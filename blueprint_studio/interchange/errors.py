"""The one error type of the interchange layer: a sentence the user can act on."""

from __future__ import annotations


class InterchangeError(ValueError):
    """A file could not be imported or exported. The message is one clear sentence.

    CSV errors name the spreadsheet row (the header is row 1) and the column.
    """
