"""Small naming schemes shared by several layers."""


def column_letters(index: int) -> str:
    """Spreadsheet-style letters for a 0-based index: A, B, … Z, AA, AB …

    Used for CSV column names in error messages and for the rows of tiled posters.
    """
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters


def shortened(text: str, limit: int) -> str:
    """`text` on one line, cut at a word near `limit` characters with "…": how a card is
    named where it is mentioned rather than shown (findings, lists, the command line)."""
    line = " ".join(text.split())
    if len(line) <= limit:
        return line
    cut = line[:limit - 1]
    space = cut.rfind(" ")
    if space > limit * 0.6:  # Chinese has no spaces: cut anywhere; Latin: at a word
        cut = cut[:space]
    return cut.rstrip() + "…"
