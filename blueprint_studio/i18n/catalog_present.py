"""Simplified Chinese for presentation mode, the workshop timer and the interface settings."""

ZH: dict[str, str] = {}
