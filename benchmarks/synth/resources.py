"""Loading the generator's data files (``data/*.json``): names, places, outlets, phrase pools.

The data is plain JSON so it can be read and edited without touching the code; JSON arrays come
back as tuples, because the code compares and concatenates the pools as tuples.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any


def _tuples(value: Any) -> Any:
    if isinstance(value, list):
        return tuple(_tuples(v) for v in value)
    if isinstance(value, dict):
        return {k: _tuples(v) for k, v in value.items()}
    return value


def load(name: str) -> Any:
    """The parsed ``data/<name>.json`` (``name`` may hold a folder: ``events/flood``)."""
    text = resources.files(__package__).joinpath("data", f"{name}.json").read_text("utf-8")
    return _tuples(json.loads(text))
