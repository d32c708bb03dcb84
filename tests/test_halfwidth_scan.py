"""punctuation.halfwidth_places finds the half-width , ; : ? ! in one regex scan of the whole
text; it finds the same places as the plain line-by-line loop it replaced (below)."""
import re

from hypothesis import given, settings, strategies as st

from lintreport import document
from lintreport.checks import punctuation as PU
from lintreport.hanzi import HAN
from lintreport.read import Line, Source

from .conftest import FIXTURES, ROOT

ALPHABET = ",;:?!()（），；：！？。法治a1/ ]\u3400\uf900"


def plain(doc):
    places = []
    for line in doc.lines:
        t = line.text
        if re.search(r"[,;:?!()]", t) is None:
            continue
        marks, stack = [], []
        for m in re.finditer(r"[,;:?!()（）]", t):
            i, c = m.start(), m.group(0)
            if c in "(（":
                stack.append(i)
            elif c in ")）" and stack:
                a = stack.pop()
                if (t[a] == "(" or c == ")") and t[a - 1:a] != "]" and HAN.search(t, a, i):
                    marks += [j for j in (a, i) if t[j] in "()"]
            elif c in ",;:?!":
                left, right = t[i - 1:i], t[i + 1:i + 2]
                family = PU.FAMILY_OF[c]
                if left and left in family or right and right in family or t[i + 1:i + 3] == "//":
                    continue
                if (PU.cjk(left) or PU.cjk(right)) and not (PU.word(left) and PU.word(right)):
                    marks.append(i)
        places += [(line.number, i) for i in sorted(marks)]
    return places


def fast(lines):
    doc = document.parse(Source("t.txt", [Line(t, i) for i, t in enumerate(lines, 1)]))
    return [(line.number, i) for line, i in PU.halfwidth_places(doc)], plain(doc)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.text(ALPHABET, max_size=30), min_size=1, max_size=6))
def test_same_places_as_the_line_by_line_loop(lines):
    lines = ["法治政府建设年度报告"] + lines     # a title, so that the lines are body text
    got, want = fast(lines)
    assert got == want


def test_same_places_on_the_sample_reports():
    total = 0
    paths = sorted(FIXTURES.glob("*.txt")) + sorted((ROOT / "tests" / "texts").glob("*.txt"))
    for path in paths:
        lines = path.read_text(encoding="utf-8").splitlines()
        half = [t.replace("，", ",").replace("：", ":") if n % 5 == 2 else t
                for n, t in enumerate(lines)]
        for text in (lines, half):
            got, want = fast(text)
            assert got == want
            total += len(got)
    assert total > 100
