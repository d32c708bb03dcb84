"""Count, on the issue-11 texts (tests/texts/{miss,rate,struct}-*.txt), how many expected
findings are found, how many findings fall on rules that must stay silent, and all findings.

    .venv/bin/python bench/measure_texts.py tests/texts
Run it from another checkout (PYTHONPATH=that checkout) to compare before and after.
"""
from __future__ import annotations

import collections
import pathlib
import sys

import yaml

from lintreport.config import Config
from lintreport.engine import lint_text


def main(folder: str) -> None:
    expected = found = silent = everything = 0
    severity = collections.Counter()
    for path in sorted(pathlib.Path(folder).glob("*.txt")):
        if not path.name.startswith(("miss-", "rate-", "struct-")):
            continue
        expect = yaml.safe_load(path.with_suffix(".yaml").read_text(encoding="utf-8")) or {}
        config = Config(checklist=expect.get("checklist", "township"))
        findings = lint_text(path.read_text(encoding="utf-8"), config, path=path.name).findings
        everything += len(findings)
        severity.update(f.severity.name for f in findings)
        for rule, lines in (expect.get("fire") or {}).items():
            expected += len(lines)
            found += sum(any(f.rule == rule and f.line == n for f in findings) for n in lines)
        silent += sum(f.rule in (expect.get("silent") or []) for f in findings)
        print(path.name, sorted((f.rule, f.line) for f in findings if not f.rule.startswith("C0")))
    print(f"expected findings found {found}/{expected}; findings on must-be-silent rules {silent}; "
          f"all findings {everything} {dict(severity)}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "tests/texts")
