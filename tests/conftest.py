"""Shared test setup. Qt must run offscreen before anything imports it."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("BLUEPRINT_STUDIO_LANG", "en")

# Applies the PySide6 6.12 / CPython 3.11 "deallocating None" guard before any Qt call.
import blueprint_studio  # noqa: E402,F401
