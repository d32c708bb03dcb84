"""Formatters: a LintResult → text. Machine formats (json, sarif, github) are contracts.

FORMATTERS is the one list of output formats: the CLI's --format choices are its names. A
new output format is one entry: a module of this package with format(result) -> str, or the
function itself. A module may also have `write(result, stream)`, the same text streamed
report by report (the CLI then uses it: a big batch never holds the whole output), and
`NEEDS_LINES = False` when it reads only findings and facts, not the source lines."""
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


def _module(name: str):
    formatter = FORMATTERS[name]
    return formatter if callable(formatter) else \
        importlib.import_module(f".{formatter}", __name__)


def get(name: str):
    """The format(result) -> str function of the named format."""
    formatter = _module(name)
    return formatter if callable(formatter) else formatter.format


def writer(name: str):
    """The named format's write(result, stream), or None if it has only format()."""
    return getattr(_module(name), "write", None)


def needs_lines(name: str) -> bool:
    """Whether the named format reads the records' source lines (rdjson does, for byte
    columns); a function given as a formatter is assumed to."""
    return getattr(_module(name), "NEEDS_LINES", True)
