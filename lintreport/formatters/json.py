"""JSON: the documented contract (docs/output-formats.md).

`format` gives the whole output as one string; `write` streams the same bytes to a file one
report at a time (the header, then each report's object, joined by commas), so a batch of
10,000 reports never holds the whole dict tree and its 40 MB string at once."""
from __future__ import annotations

import json
from json.encoder import encode_basestring as _quote    # json.dumps's own (C) string encoder

from ..finding import Severity
from ..version import VERSION

SCHEMA_VERSION = 1
NEEDS_LINES = False     # only findings and facts: the records need not carry the source lines
FILES_KEY = "files"


def _dumps(value) -> str:
    # compact: the pretty printer is pure Python and costs a noticeable share of a big batch
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def file_dict(r, findings: bool = True) -> dict:
    out = {
        "path": r.path,
        "report_year": r.report_year,
        "title": r.title,
        "error": r.error,
        "parts": r.parts,
        "stats": r.stats,
    }
    if findings:
        out["findings"] = [f.to_dict() for f in r.findings]
    return out


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
        stream.write(_file_json(r))
    stream.write("]}\n")


def _file_json(r) -> str:
    """_dumps(file_dict(r)), with each finding written by finding_json: `findings` is the
    last key of a report's object."""
    head = _dumps(file_dict(r, findings=False))
    return f'{head[:-1]},"findings":[{",".join(map(finding_json, r.findings))}]}}'


_LABELS = {s: s.label for s in Severity}     # plain ASCII words: nothing to escape


def _null(value) -> str:
    return "null" if value is None else str(value)


def finding_json(f) -> str:
    """_dumps(f.to_dict()) without building the dict: in a batch of 10,000 reports the
    parent writes 137,000 findings after the last report came back (its serial tail), and
    this takes about half the time. tests/test_formatters.py checks it against _dumps on
    random findings."""
    related = ",".join(
        f'{{"path":{_quote(r.path)},"line":{r.line}' +
        (f',"note":{_quote(r.note)}}}' if r.note else "}") for r in f.related) \
        if f.related else ""
    fix = f.fix
    fixed = "null" if fix is None else (
        f'{{"line":{fix.line},"column":{fix.column},"end_column":{fix.end_column},'
        f'"replacement":{_quote(fix.replacement)}}}')
    return (f'{{"rule":{_quote(f.rule)},"category":{_quote(f.category)},'
            f'"severity":"{_LABELS[f.severity]}","line":{f.line},"column":{f.column},'
            f'"end_line":{f.end_line},"end_column":{_null(f.end_column)},'
            f'"message":{_quote(f.message)},"source":{_quote(f.source)},'
            f'"excerpt":{_quote(f.excerpt)},"related":[{related}],"fix":{fixed}}}')
