"""trigger.trigger is a necessary condition: wherever one of the patterns matches, the
trigger matches at the same place. So the checks that look only at the lines the trigger
finds (existence, substitution) report exactly what looking at every line reports."""
import re

import pytest
from hypothesis import given, settings, strategies as st

from lintreport import checklist as cl
from lintreport import checks
from lintreport import document, trigger as P
from lintreport.checks import wording
from lintreport.read import Line, Source

from .conftest import FIXTURES, ROOT

TRICKY = [
    r"(?:体育|娱乐)(?:平台|app)", r"[XxＸｘ×](?<![A-Za-z][XxＸｘ×])(?=[年月日号])",
    r"【[^】\n]{0,16}(?:填写|XX)[^】\n]{0,16}】", r"\{\{[^}\n]{0,30}\}\}", r"___+|＿＿+",
    r"x{3,}y", r"(?:a?){3}b", r"(?:ab|c)*d", r"[^a]b", r"\d+(?:\.\d+)?%", r"\s+[，。]",
    r"[a-c]{2}", r"(?>ab|a)c", r"a.b", r"(?<=法)治", r"^第", r"年$", r"(?:x|y)?z",
    r"[\u4e00-\u9fff]{2}(?:率)", r"Ab", r"(a)\1", r"(?i:ab)c", r"a++b", r"(?:)", r"q*",
]
ALPHABET = "abcdqxyzABXY法治年第率体育娱乐平台app【】填写{}_＿×Ｘｘ0123.% ，。\n月"


def shipped_patterns():
    """(patterns, flags) of every existence and substitution rule of the shipped checklists."""
    for name in ("township", "county"):
        for rule in cl.load(name).rules:
            o = rule.options
            if rule.check == "existence":
                flags = re.I if o["ignore_case"] else 0
                yield list(o["patterns"]) + list(o["guarded"]), flags
                if o["heading_patterns"]:
                    yield list(o["heading_patterns"]), flags
            elif rule.check == "substitution":
                yield list(o["swaps"]), 0


def other_triggers():
    """The other checks' triggers: partial-period's phrases, the dated table's names (eight
    characters deep, as event_dates asks)."""
    from lintreport.checks.dates import PARTIAL
    from lintreport.events import dated_table
    yield [PARTIAL.pattern], 0, 2
    for entries in dated_table("events"):
        yield [e["regex"].pattern for e in entries], 0, 8


CASES = [([p], f, d) for p in TRICKY for f in (0, re.I) for d in (1, 2, 4)] + \
    [(p, f, 2) for p, f in shipped_patterns()] + list(other_triggers())


def assert_covers(patterns, flags, text, depth=2):
    found = P.trigger(patterns, flags, depth)
    if found is None:
        return
    for p in patterns:
        compiled = re.compile(p, flags)
        for i in range(len(text) + 1):
            m = compiled.match(text, i)
            if m and m.end() > m.start():
                assert found.match(text, i), (p, text, i)


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(CASES), st.text(ALPHABET, max_size=40), st.data())
def test_the_trigger_matches_wherever_a_pattern_does(case, noise, data):
    patterns, flags, depth = case
    planted = data.draw(st.from_regex(re.compile(data.draw(st.sampled_from(patterns)), flags)))
    assert_covers(patterns, flags, noise[:len(noise) // 2] + planted + noise[len(noise) // 2:],
                  depth)


def test_shipped_wording_rules_have_a_trigger():
    # else the optimisation silently does nothing for them
    for patterns, flags in shipped_patterns():
        assert P.trigger(patterns, flags) is not None, patterns
    for patterns, flags, depth in other_triggers():
        assert P.trigger(patterns, flags, depth) is not None, patterns


@pytest.mark.parametrize("patterns", [["a*"], ["(?:)"], ["(?s)a.b"], ["(a)\\1"], ["x|y?"]])
def test_no_trigger_where_every_place_could_match_or_the_pattern_is_not_modelled(patterns):
    assert P.trigger(patterns) is None


def texts():
    """Real reports, and the same with spam and placeholders put into some lines."""
    paths = sorted(FIXTURES.glob("*.txt")) + sorted((ROOT / "tests" / "texts").glob("*.txt"))
    plants = ["三升体育平台", "XX镇", "××年××月", "【单位名称】", "{{日期}}", "请填写", "___", "澳门新葡京",
              "博彩", "（2023）16号", "Ｘ月"]
    for n, path in enumerate(paths):
        lines = path.read_text(encoding="utf-8").splitlines()
        yield lines
        yield [t[:len(t) // 3] + plants[(n + i) % len(plants)] + t[len(t) // 3:] if i % 7 == 3 else t
               for i, t in enumerate(lines)]


def hits(lines, rules, monkeypatch, plain):
    with monkeypatch.context() as m:
        if plain:
            m.setattr(wording, "_trigger", lambda patterns, flags: None)
        doc = document.parse(Source("t.txt", [Line(t, i) for i, t in enumerate(lines, 1)]))
        return [(r.id, h) for r in rules for h in checks.get(r.check).func(doc, r, None)]


def test_existence_and_substitution_find_what_the_line_by_line_scan_finds(monkeypatch):
    rules = [r for name in ("township", "county") for r in cl.load(name).rules
             if r.check in ("existence", "substitution")]
    total = 0
    for lines in texts():
        fast = hits(lines, rules, monkeypatch, plain=False)
        assert fast == hits(lines, rules, monkeypatch, plain=True)
        total += len(fast)
    assert total > 100      # the planted words were found


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_every_heading_marker_starts_with_a_marker_start(data):
    from lintreport.headings import MARKER_START, MARKERS
    _, pattern = data.draw(st.sampled_from(MARKERS))
    text = data.draw(st.from_regex(pattern)) + data.draw(st.text(ALPHABET, max_size=5))
    for i in range(len(text)):
        if pattern.match(text, i):
            assert MARKER_START.match(text, i), (pattern.pattern, text, i)


def test_the_checks_with_a_trigger_find_what_they_find_without(monkeypatch):
    """partial-period, the event checks, existence and substitution, on the sample reports
    with phrases and names planted: the same findings with and without their triggers."""
    from lintreport.checks import dates, event_dates
    from lintreport.config import Config
    from lintreport.engine import lint_text
    kinds = ("partial-period", "event-upcoming", "event-before", "plan-period", "existence",
             "substitution")
    rules = [r for r in cl.load("township").rules if r.check in kinds]
    plants = ["上半年", "截至10月", "1-10月", "迎接党的二十大胜利召开", "学习贯彻党的二十届三中全会精神",
              "“七五”普法", "八五普法", "民法典", "澳门新葡京", "XX镇"]
    total = 0
    for n, lines in enumerate(texts()):
        lines = [t[:5] + plants[(n + i) % len(plants)] + t[5:] if i % 9 == 4 else t
                 for i, t in enumerate(lines)]
        text = "\n".join(lines)
        fast = lint_text(text, Config(), rules=rules).findings
        with monkeypatch.context() as m:
            for module in (dates, event_dates, wording):
                m.setattr(module, "_trigger", lambda *a, **k: None)
            assert lint_text(text, Config(), rules=rules).findings == fast
        total += len(fast)
    assert total > 100


def test_a_trigger_is_made_from_its_second_use_on_and_kept():
    made = []
    key = ("test", object())
    assert P.when_reused(key, lambda: made.append(1) or "t") is None     # a one-report run
    assert P.when_reused(key, lambda: made.append(1) or "t") == "t"
    assert P.when_reused(key, lambda: made.append(1) or "t") == "t"
    assert made == [1]
