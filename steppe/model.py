"""Cell parsers shared by the loader and the builders: the small vocabulary of the data's cells."""
from __future__ import annotations


def split_ids(cell: str) -> list[str]:
    """'a; b;;c' -> ['a', 'b', 'c']"""
    return [part.strip() for part in (cell or "").split(";") if part.strip()]


def parse_figures(cell: str) -> dict[str, int]:
    """'farms=3436;livestock=187909' -> {'farms': 3436, 'livestock': 187909} (checked at load: whole numbers)"""
    out = {}
    for part in split_ids(cell):
        key, _, value = part.partition("=")
        out[key.strip()] = int(value)
    return out
