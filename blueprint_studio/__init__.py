"""Blueprint Studio: an offline workshop tool for service blueprints and journey maps."""

__version__ = "0.1.0"

# PySide6 6.12 + CPython 3.11 would otherwise abort after a few thousand Qt calls.
from ._none_guard import keep_none_alive as _keep_none_alive  # noqa: E402

_keep_none_alive()
