"""Realistic report texts for issue 11 (misses, rate arithmetic, structure on real layouts):
tests/texts/{miss,rate,struct}-*.txt, each with a .yaml beside it that says which rules must
fire at which lines (exactly those lines) and which must stay silent."""
from __future__ import annotations

import pathlib

import pytest
import yaml

from lintreport.config import Config
from lintreport.engine import lint_text

TEXTS = pathlib.Path(__file__).parent / "texts"
CASES = sorted(p for prefix in ("miss-", "rate-", "struct-") for p in TEXTS.glob(prefix + "*.txt"))


def _findings(path: pathlib.Path, expect: dict):
    config = Config(checklist=expect.get("checklist", "township"))
    result = lint_text(path.read_text(encoding="utf-8"), config, path=path.name)
    assert result.error is None, result.error
    return result.findings


def test_there_are_enough_varied_texts():
    assert len(CASES) >= 15
    for prefix in ("miss-", "rate-", "struct-"):
        assert any(p.name.startswith(prefix) for p in CASES), prefix


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_text_fires_where_expected_and_nowhere_else(path):
    expect = yaml.safe_load(path.with_suffix(".yaml").read_text(encoding="utf-8")) or {}
    assert expect.get("fire") or expect.get("silent"), "an expectation that asserts nothing"
    findings = _findings(path, expect)
    for rule, lines in (expect.get("fire") or {}).items():
        got = sorted(f.line for f in findings if f.rule == rule)
        assert got == sorted(lines), f"{rule}: {got} != {lines}"
    for rule in expect.get("silent") or []:
        got = [(f.line, f.message) for f in findings if f.rule == rule]
        assert got == [], f"{rule} fired: {got}"
