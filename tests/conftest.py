"""Shared test setup. Qt must run offscreen before anything imports it."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("BLUEPRINT_STUDIO_LANG", "en")

import logging  # noqa: E402

import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def _listeners_never_fail(caplog):
    """A view that raises while following a change set is logged, not raised, so the user
    keeps working; in the tests such a failure is a failure."""
    caplog.set_level(logging.ERROR, logger="blueprint_studio.model.events")
    yield
    failures = [r for r in caplog.records if r.name == "blueprint_studio.model.events"]
    assert not failures, "a change-set listener failed:\n" + "\n".join(
        r.getMessage() + "\n" + (r.exc_text or "") for r in failures)
