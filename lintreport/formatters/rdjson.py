"""reviewdog's rdjson (DiagnosticResult): one diagnostic per finding, for `reviewdog -f=rdjson`.

reviewdog counts columns in UTF-8 bytes (1-based, end exclusive), not in characters: a Chinese
character is 3 bytes, so each finding's columns are converted with the text of its line,
which the report's record holds (no file is read again).
"""
from __future__ import annotations

import json

from ..finding import Severity
from .sarif import URI

SEVERITY = {Severity.ERROR: "ERROR", Severity.WARNING: "WARNING", Severity.INFO: "INFO"}
SOURCE = {"name": "lintreport", "url": "https://github.com/lintreport/lintreport"}


def byte_column(text: str, column: int) -> int:
    """A 1-based character column of `text` as a 1-based UTF-8 byte column."""
    return len(text[:column - 1].encode("utf-8")) + 1


class Lines:
    """The text of each linted file's lines as the findings count them (without the
    characters a reader made up), from the records; made per file when first asked."""

    def __init__(self, files=()):
        self.records = {r.path: r for r in files}
        self.files: dict[str, dict[int, str]] = {}

    def get(self, path: str, number: int) -> str | None:
        if path not in self.files:
            record = self.records.get(path)
            self.files[path] = record.line_texts() if record is not None else {}
        return self.files[path].get(number)


def _position(lines: Lines, path: str, line: int, column: int | None) -> dict:
    text = lines.get(path, line)
    if column is None or text is None:
        return {"line": line}
    return {"line": line, "column": byte_column(text, column)}


def diagnostic(f, lines: Lines) -> dict:
    if f.end_column:
        where = {"start": _position(lines, f.path, f.line, f.column),
                 "end": _position(lines, f.path, f.end_line, f.end_column)}
    else:   # whole lines: reviewdog reads a range without columns linewise
        where = {"start": {"line": f.line}, "end": {"line": f.end_line}}
    out = {
        "message": f"{f.message}（依据：{f.source}）",
        "location": {"path": f.path, "range": where},
        "severity": SEVERITY[f.severity],
        "source": SOURCE,
        "code": {"value": f.rule, "url": f"{URI}#{f.rule.lower()}"},
    }
    if f.fix is not None:
        out["suggestions"] = [{"range": {
            "start": _position(lines, f.path, f.fix.line, f.fix.column),
            "end": _position(lines, f.path, f.fix.line, f.fix.end_column)},
            "text": f.fix.replacement}]
    return out


def as_dict(result) -> dict:
    lines = Lines(result.files)
    diagnostics = [diagnostic(f, lines) for f in result.findings]
    for r in result.files:
        if r.error:
            diagnostics.append({"message": r.error, "location": {"path": r.path},
                                "severity": "ERROR", "source": SOURCE})
    return {"source": SOURCE, "diagnostics": diagnostics}


def format(result) -> str:
    return json.dumps(as_dict(result), ensure_ascii=False, indent=2) + "\n"
