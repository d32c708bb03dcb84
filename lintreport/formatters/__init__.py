"""Formatters: a LintResult → text. Machine formats (json, sarif, github) are contracts."""
from __future__ import annotations

import importlib

# name → module; each module has format(result) -> str
FORMATTERS = {
    "text": "text",
    "json": "json",
    "sarif": "sarif",
    "github": "github",
    "rdjson": "rdjson",
}


def get(name: str):
    return importlib.import_module(f".{FORMATTERS[name]}", __name__).format
