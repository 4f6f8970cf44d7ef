"""Simplified Chinese for the canvas layer's strings (English source -> 中文)."""

ZH: dict[str, str] = {
}
