"""Stable identifiers. UUIDs survive save, copy/paste, undo and merging files."""

import uuid


def new_id() -> str:
    return uuid.uuid4().hex
