"""parts.matches joins a part's heading patterns into one regex; it says what Part.matches
says, for every part of the shipped checklists, on the sample reports' headings and on
random titles."""
import re

from hypothesis import given, settings, strategies as st

from lintreport import checklist as cl
from lintreport import document
from lintreport.parts import any_of, matches
from lintreport.read import Line, Source

from .conftest import FIXTURES, ROOT

PARTS = [p for name in ("township", "county") for p in cl.load(name).parts.values()]
WORDS = ["下一年度", "2024年度的主要工作安排", "存在的问题", "不足", "主要举措", "成效", "第一责任人",
         "述职", "党政主要负责人", "打算", "一、", "法治", "整改措施", "工作情况"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS) | st.text("年度的工作安排问题1234", max_size=3), max_size=5))
def test_same_as_part_matches_on_random_titles(pieces):
    title = "".join(pieces)
    for part in PARTS:
        assert matches(part, title) == part.matches(title), (part.key, title)


def test_same_on_the_sample_reports_headings():
    titles = []
    for path in sorted(FIXTURES.glob("*.txt")) + sorted((ROOT / "tests" / "texts").glob("*.txt")):
        lines = path.read_text(encoding="utf-8").splitlines()
        doc = document.parse(Source(str(path), [Line(t, i) for i, t in enumerate(lines, 1)]))
        titles += [h.title for h in doc.headings]
    assert len(titles) > 100
    for part in PARTS:
        for title in titles:
            assert matches(part, title) == part.matches(title), (part.key, title)


def test_patterns_that_cannot_be_joined_are_tried_one_by_one():
    by_number = [re.compile(r"(a)\1"), re.compile("b")]
    assert any_of(by_number)("xaax") and not any_of(by_number)("xax")
    twice = [re.compile("(?P<n>a)"), re.compile("(?P<n>b)")]
    assert any_of(twice)("b") and not any_of(twice)("c")
    assert not any_of([])("anything")
