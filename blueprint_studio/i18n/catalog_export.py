"""Simplified Chinese for the export layer's strings (English source -> 中文)."""

ZH: dict[str, str] = {
}
