"""Simplified Chinese for the app layer's strings (English source -> 中文)."""

ZH: dict[str, str] = {
}
