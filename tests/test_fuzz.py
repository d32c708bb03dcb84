"""Property tests of the text path: random and mutated report text never raises, and the
output is deterministic."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lintreport.config import Config
from lintreport.engine import lint_text

from tests.conftest import SEEDS

REPORT_CHARS = (
    "一二三四五六七八九十是要第其（）()、，,。.．：:；;“”《》〔〕[]!！?？ \t\u3000\n0123456789"
    "年月日镇政府法治建设报告问题原因不足下一年度安排党委书记镇长述法三项制度其中共名次%余约"
    "#*![]<>-—…·\ufffd\ue000")
ALPHABET = st.sampled_from(list(REPORT_CHARS)) | st.characters()
SEED_TEXTS = [p.read_text(encoding="utf-8") for p in SEEDS]
CONFIG = Config()


def findings_of(text: str):
    result = lint_text(text, CONFIG)
    assert result.error is None, result.error
    return [f.to_dict() for f in result.findings]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(ALPHABET, max_size=600))
def test_random_text_never_raises_and_is_deterministic(text):
    assert findings_of(text) == findings_of(text)


@st.composite
def mutated_report(draw):
    text = draw(st.sampled_from(SEED_TEXTS))
    for _ in range(draw(st.integers(1, 8))):
        pos = draw(st.integers(0, len(text)))
        kind = draw(st.sampled_from(["insert", "delete", "duplicate", "newline"]))
        if kind == "insert":
            text = text[:pos] + draw(st.text(ALPHABET, min_size=1, max_size=20)) + text[pos:]
        elif kind == "delete":
            text = text[:pos] + text[pos + draw(st.integers(1, 200)):]
        elif kind == "duplicate":
            text = text[:pos] + text[pos:pos + draw(st.integers(1, 300))] * 2 + text[pos + 300:]
        else:
            text = text[:pos] + "\n" + text[pos:]
    return text


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_report())
def test_mutated_reports_never_raise_and_are_deterministic(text):
    first = findings_of(text)
    assert first == findings_of(text)
    for f in first:
        assert f["line"] >= 1 and f["column"] >= 1 and f["message"]
