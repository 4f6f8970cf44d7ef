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
