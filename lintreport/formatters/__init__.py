"""Formatters: a LintResult → text. Machine formats (json, sarif, github) are contracts.

FORMATTERS is the one list of output formats: the CLI's --format choices are its names. A
new output format is one entry: a module of this package with format(result) -> str, or the
function itself."""
from __future__ import annotations

import importlib

# name → module (or function); each module has format(result) -> str
FORMATTERS: dict = {
    "text": "text",
    "json": "json",
    "sarif": "sarif",
    "github": "github",
    "rdjson": "rdjson",
}


def get(name: str):
    """The format(result) -> str function of the named format."""
    formatter = FORMATTERS[name]
    if callable(formatter):
        return formatter
    return importlib.import_module(f".{formatter}", __name__).format
