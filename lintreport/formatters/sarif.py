"""SARIF 2.1.0 for GitHub code scanning: rules from the rule metadata, stable fingerprints."""
from __future__ import annotations

import hashlib
import json
import os

from ..version import VERSION
from ..finding import Severity

LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
MAX_RESULTS = 25000
URI = "https://github.com/lintreport/lintreport/blob/main/docs/rules.md"


def _uri(path: str) -> str:
    rel = os.path.relpath(path) if os.path.isabs(path) else path
    return rel.replace(os.sep, "/")


def _fingerprint(f) -> str:
    # the rule and the words flagged, not the line, so an alert survives edits above it
    key = f"{f.rule}|{_uri(f.path)}|{f.excerpt or f.message}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def as_dict(result) -> dict:
    rules = sorted(result.rules, key=lambda r: r.id)
    index = {r.id: i for i, r in enumerate(rules)}
    results = []
    for f in result.findings[:MAX_RESULTS]:
        region = {"startLine": f.line, "startColumn": f.column, "endLine": f.end_line}
        if f.end_column and f.end_line == f.line and f.end_column > f.column:
            region["endColumn"] = f.end_column
        res = {
            "ruleId": f.rule,
            "ruleIndex": index.get(f.rule, 0),
            "level": LEVELS[f.severity],
            "message": {"text": f.message},
            "locations": [{"physicalLocation": {
                "artifactLocation": {"uri": _uri(f.path)}, "region": region}}],
            "partialFingerprints": {"primaryLocationLineHash": _fingerprint(f)},
            "properties": {"category": f.category, "source": f.source},
        }
        if f.related:
            res["relatedLocations"] = [{
                "id": i, "message": {"text": r.note or "相关位置"},
                "physicalLocation": {"artifactLocation": {"uri": _uri(r.path)},
                                     "region": {"startLine": r.line}}}
                for i, r in enumerate(f.related[:1000])]
        results.append(res)
    errors = [{"level": "error", "message": {"text": f"{r.path}: {r.error}"}}
              for r in result.files if r.error]
    return {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "lintreport",
                "version": VERSION,
                "informationUri": "https://github.com/lintreport/lintreport",
                "rules": [{
                    "id": r.id,
                    "name": r.name,
                    "shortDescription": {"text": r.title or r.name},
                    "fullDescription": {"text": r.rationale},
                    "help": {"text": f"{r.rationale}\n依据：{r.source}",
                             "markdown": f"{r.rationale}\n\n**依据**：{r.source}"},
                    "helpUri": f"{URI}#{r.id.lower()}",
                    "defaultConfiguration": {"level": LEVELS[r.severity]},
                    "properties": {"category": r.category, "source": r.source,
                                   "tags": [r.category]},
                } for r in rules],
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
            "invocations": [{"executionSuccessful": not errors,
                             "toolExecutionNotifications": errors}],
        }],
    }


def format(result) -> str:
    return json.dumps(as_dict(result), ensure_ascii=False, indent=2) + "\n"
