"""The model's one exception: a message template and its values, translated when shown.

The model knows no language. `str(error)` is the English sentence (for logs and tests);
a user interface shows `error.message(tr)`, which translates the template and every value
marked as `Phrase`, then fills the template in. Templates are registered in the
translation table (i18n/catalog_core.py), and a test checks that each one is there.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


class Phrase(str):
    """A value that is itself English text for the user (a field's name, a kind's name)."""


class ModelError(ValueError):
    """An edit or a piece of data that would make the model invalid."""

    def __init__(self, template: str, **values: Any) -> None:
        self.template = template
        self.values = values
        super().__init__(template.format(**values) if values else template)

    def message(self, translate: Callable[[str], str] = lambda text: text) -> str:
        """The sentence in the language `translate` gives (English by default)."""
        values = {name: translate(value) if isinstance(value, Phrase) else value
                  for name, value in self.values.items()}
        template = translate(self.template)
        try:
            return template.format(**values) if values else template
        except (KeyError, IndexError, ValueError):  # a translation with a broken placeholder
            return self.template.format(**self.values) if self.values else self.template


class LimitError(ModelError):
    """More than the program takes (model.limits): not damage, and said differently."""
