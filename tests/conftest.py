"""Shared test setup. Qt must run offscreen before anything imports it."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("BLUEPRINT_STUDIO_LANG", "en")
