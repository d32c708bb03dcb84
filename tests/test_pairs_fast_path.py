"""unbalanced-pairs skips a line whose marks nest (pairs.nested); it reports what running
the stack on every line reports, on random and sample texts."""
import pytest
from hypothesis import given, settings, strategies as st

from lintreport import checklist as cl
from lintreport import document
from lintreport.checks import pairs
from lintreport.read import Line, Source

from .conftest import FIXTURES, ROOT

RULE = next(r for r in cl.load("township").rules if r.check == "unbalanced-pairs")
ALPHABET = "“”‘’（）()《》〈〉【】a1法 、，1)一"


def both(lines):
    doc = document.parse(Source("t.txt", [Line(t, i) for i, t in enumerate(lines, 1)]))
    fast = [(h.line, h.column, h.args) for h in pairs.unbalanced_pairs(doc, RULE, None)]
    with pytest.MonkeyPatch.context() as m:
        m.setattr(pairs, "nested", lambda t: False)
        plain = [(h.line, h.column, h.args) for h in pairs.unbalanced_pairs(doc, RULE, None)]
    return fast, plain


@settings(max_examples=500, deadline=None)
@given(st.lists(st.text(ALPHABET, max_size=24), min_size=1, max_size=5))
def test_same_findings_as_the_stack_on_every_line(lines):
    fast, plain = both(["法治政府建设年度报告"] + lines)
    assert fast == plain


def test_same_findings_on_the_sample_reports():
    paths = sorted(FIXTURES.glob("*.txt")) + sorted((ROOT / "tests" / "texts").glob("*.txt"))
    total = 0
    for path in paths:
        lines = path.read_text(encoding="utf-8").splitlines()
        # marks that lose their partners
        cut = [t.replace("》", "", 1) if n % 3 == 1 else t.replace("“", "", 1) if n % 3 == 2
               else t for n, t in enumerate(lines)]
        for text in (lines, cut):
            fast, plain = both(text)
            assert fast == plain
            total += len(fast)
    assert total > 30
