"""JSON: the documented contract (docs/output-formats.md)."""
from __future__ import annotations

import json

from ..version import VERSION

SCHEMA_VERSION = 1


def as_dict(result) -> dict:
    return {
        "version": SCHEMA_VERSION,
        "tool": {"name": "lintreport", "version": VERSION},
        "checklist": result.checklist.name,
        "config": getattr(result, "config", None),
        "files": [{
            "path": r.path,
            "report_year": r.report_year,
            "title": r.title,
            "error": r.error,
            "parts": r.parts,
            "stats": r.stats,
            "findings": [f.to_dict() for f in r.findings],
        } for r in result.files],
    }


def format(result) -> str:
    # compact: the pretty printer is pure Python and costs a noticeable share of a big batch
    return json.dumps(as_dict(result), ensure_ascii=False, separators=(",", ":")) + "\n"
