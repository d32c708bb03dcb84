"""JSON: the documented contract (docs/output-formats.md).

`format` gives the whole output as one string; `write` streams the same bytes to a file one
report at a time (the header, then each report's object, joined by commas), so a batch of
10,000 reports never holds the whole dict tree and its 40 MB string at once."""
from __future__ import annotations

import json

from ..version import VERSION

SCHEMA_VERSION = 1
NEEDS_LINES = False     # only findings and facts: the records need not carry the source lines
FILES_KEY = "files"


def _dumps(value) -> str:
    # compact: the pretty printer is pure Python and costs a noticeable share of a big batch
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def file_dict(r) -> dict:
    return {
        "path": r.path,
        "report_year": r.report_year,
        "title": r.title,
        "error": r.error,
        "parts": r.parts,
        "stats": r.stats,
        "findings": [f.to_dict() for f in r.findings],
    }


def _header(result) -> dict:
    return {
        "version": SCHEMA_VERSION,
        "tool": {"name": "lintreport", "version": VERSION},
        "checklist": result.checklist.name,
        "config": getattr(result, "config", None),
    }


def as_dict(result) -> dict:
    return {**_header(result), FILES_KEY: [file_dict(r) for r in result.files]}


def format(result) -> str:
    return _dumps(as_dict(result)) + "\n"


def write(result, stream) -> None:
    """Write format(result) to a text stream, report by report: `files` is the header's
    last key, so the header is its dumps without the closing brace."""
    head = _dumps({**_header(result), FILES_KEY: []})
    stream.write(head[:-2])             # …,"files":[ (no reports yet: "]}")
    for n, r in enumerate(result.files):
        if n:
            stream.write(",")
        stream.write(_dumps(file_dict(r)))
    stream.write("]}\n")
