"""duplicate-text (D001): paragraphs, sentences and long clauses repeated inside one report."""
from __future__ import annotations

import pytest

from lintreport.config import Config
from lintreport.engine import lint
from lintreport.shingles import grams, normalize, repeats

from ..conftest import FIXTURES, lines_of, run_rule

GRID = ("聚焦基层治理痛点,积极构建网格化管理基层治理体系,坚持“小事不出村,大事不出镇,矛盾不上交”的原则,"
        "将12个网格纳入法治管理范畴,全年排查化解矛盾纠纷15起,化解率达99%。")


def test_repeated_paragraph_points_at_the_later_copy():
    findings = run_rule(f"""
        一、主要举措和成效
        4.{GRID}
        5.{GRID}
        6.深入各村走访调研,建立台账并逐一按要求记录,开通企业反馈绿色通道,畅通沟通渠道。
        """, "D001")
    assert lines_of(findings) == [3]
    f = findings[0]
    assert "重复" in f.message and "第2行" in f.message and "100%" in f.message
    assert [(r.line, r.path) for r in f.related] == [(2, "<text>")]
    assert f.category == "duplicate"


def test_copy_with_other_numbers_and_full_width_punctuation_is_found():
    edited = GRID.replace("12个", "10个").replace("15起", "21起").replace(",", "，")
    findings = run_rule(f"""
        一、主要举措和成效
        {GRID}
        二、下一年度工作安排
        {edited}
        """, "D001")
    assert lines_of(findings) == [4]
    assert "100%" in findings[0].message    # numbers and width do not count as differences


def test_sentences_repeated_inside_one_paragraph_make_one_finding():
    a = "并严格建立健全按照法定权限和程序行使权力的制约机制,在规范性文件制定中,严格限制新设行政审批事项或增设行政审批环节。"
    b = "加强规范性文件的监督管理,切实做到有件必备,有错必纠,强化规范性文件制定的合法性、科学性、民主性,维护法治统一。"
    findings = run_rule(f"""
        一、主要举措和成效
        一是严格落实第一责任人职责。{a}{b}二是完善依法行政制度体系。按照相互制约又相互协调的原则,{a}{b}三是建立健全依法决策机制。
        """, "D001")
    assert len(findings) == 1
    f = findings[0]
    assert f.line == 2 and "这几句" in f.message and "本段前文" in f.message
    # the finding covers both repeated sentences of the second copy, nothing before them
    text = f"一是严格落实第一责任人职责。{a}{b}二是完善依法行政制度体系。按照相互制约又相互协调的原则,{a}{b}"
    assert f.end_column - 1 == len(text)


def test_plan_repeating_a_results_sentence_in_the_past_tense():
    findings = run_rule("""
        一、工作开展情况
        今年共开展法律宣传12场次,培养法律明白人680余人。通过法治宣传培训,进一步增强了广大干部群众的法律意识和法治观念,提高了群众“学法、守法、用法”的思想自觉。
        二、未来的工作打算
        一要加大普法宣传力度。通过法制宣传培训教育,进一步增强广大干部群众的法律意识和法治观念,提高了群众“学法、守法、用法”的思想自觉。
        """, "D001")
    assert lines_of(findings) == [4]
    assert "本句与第2行的句子重复" in findings[0].message


def test_long_clause_repeated_in_different_sentences():
    clause = "整合司法所、综治办、派出所和村级调解委员会等各方力量常态化开展矛盾纠纷排查化解"
    findings = run_rule(f"""
        一、主要举措和成效
        全年召开专题会议4次,{clause},化解率达99%。
        二、下一年度工作安排
        明年将继续把基层治理作为重点,{clause},确保小事不出村。
        """, "D001")
    assert lines_of(findings) == [4]
    assert "分句" in findings[0].message


def test_clause_level_can_be_switched_off():
    clause = "整合司法所、综治办、派出所和村级调解委员会等各方力量常态化开展矛盾纠纷排查化解"
    findings = run_rule(f"""
        一、主要举措和成效
        全年召开专题会议4次,{clause},化解率达99%。
        二、下一年度工作安排
        明年将继续把基层治理作为重点,{clause},确保小事不出村。
        """, "D001", min_clause=0)
    assert findings == []


@pytest.mark.parametrize("text", [
    # a heading and its sub-heading say almost the same thing: structure, not a copy
    """
    三、党政主要负责人履行推进法治建设第一责任人职责、加强法治政府建设等情况
    (一)党委主要负责人履行推进法治建设第一责任人职责、加强法治政府建设等情况
    镇党委书记带头学法,全年主持召开党委会议研究法治建设工作4次。
    (二)政府主要负责人履行推进法治建设第一责任人职责、加强法治政府建设等情况
    镇长带头遵守民主集中制,重大事项均经集体讨论决定。
    """,
    # a stock phrase below the minimum length, used twice
    """
    一、主要举措和成效
    全面推进政务公开,切实保障群众的知情权、参与权和监督权。
    二、下一年度工作安排
    拓宽政务公开渠道,切实保障群众的知情权、参与权和监督权。
    """,
    # parallel items with the same pattern but different content
    """
    一、主要举措和成效
    一是规范信访工作办理。健全班子成员定期接访、变上访为下访的工作机制,全年受理并办结信访事项1件。
    二是强化矛盾纠纷调处。完善镇、村、组三级矛盾纠纷排查调处机制,全年化解各类民事纠纷217件。
    三是推进综治中心建设。投入资金10余万元对镇综治中心进行升级改造,集中办公、联勤联动。
    """,
])
def test_no_false_alarms(text):
    assert run_rule(text, "D001") == []


def test_a_repeated_paragraph_is_not_reported_again_sentence_by_sentence():
    para = ("严格落实重大行政决策程序,全面推行重大行政决策目录化管理。对涉及全镇发展规划的决策事项,"
            "严格执行公众参与、专家论证、风险评估、合法性审查和集体讨论决定的法定程序。")
    findings = run_rule(f"""
        一、主要举措和成效
        {para}
        {para}
        {para}
        """, "D001")
    assert lines_of(findings) == [3, 4]
    assert all(f.related[0].line == 2 for f in findings)    # each names the first place


def test_sample_reports():
    result = lint(sorted(str(p) for p in FIXTURES.glob("0*.txt")), Config(select=("D001",)), jobs=1)
    found = {r.path.rsplit("/", 1)[-1][:3]: lines_of(r.findings) for r in result.files}
    assert found == {"000": [26], "001": [6], "002": [], "003": [15], "004": []}


def test_repeats_and_grams():
    texts = [normalize(t) for t in ("法治建设第一责任人职责落实到位,全年学法12次",
                                    "全年组织专题学习4次,推动法治建设",
                                    "法治建设第一责任人职责落实到位,全年学法8次")]
    assert repeats(texts, 4, 0.5, 0.85) == [(2, 0, 1.0)]
    full, some = grams(texts[0], 4), grams(texts[0], 4, sample=4)
    assert some <= full and len(some) < len(full)
    assert grams("", 4) == set() and grams("依法", 4) == {"依法"}


def test_repeats_finds_what_comparing_every_pair_finds():
    """Only k-grams shared by two texts are indexed: the pairs found are those of comparing
    every earlier text with every later one."""
    import random

    from lintreport.shingles import similarity
    words = ["依法行政", "法治宣传", "矛盾纠纷", "化解", "全年", "开展", "群众", "镇村", "学法", "#次"]
    rng = random.Random(3)
    base = ["".join(rng.choice(words) for _ in range(rng.randint(1, 10))) for _ in range(20)]
    texts = base + [t[:-2] + "排查" for t in base[::3]] + [t[1:] for t in base[1::4]]
    rng.shuffle(texts)
    expected = []
    for j, text in enumerate(texts):
        mine = grams(text, 4)
        best = None
        for i in range(j):
            theirs = grams(texts[i], 4)
            if len(mine & theirs) and len(mine & theirs) >= 0.5 * min(len(mine), len(theirs)):
                score = similarity(texts[i], text, 0.85)
                if score and (best is None or score > best[1]):
                    best = (i, score)
        if best:
            expected.append((j, *best))
    assert expected and repeats(texts, 4, 0.5, 0.85) == expected


def test_sampled_grams_start_with_a_code_point_that_is_a_multiple_of_the_sample():
    import random
    rng = random.Random(5)
    alphabet = "依法行政治宣传矛盾纠纷化解#abc\U00020000\U0002a6d6"
    for _ in range(500):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        for k, sample in ((4, 4), (5, 2), (3, 1)):
            expected = {text[i:i + k] for i in range(len(text) - k + 1) if ord(text[i]) % sample == 0}
            if len(text) <= k:
                expected = {text} if text else set()
            assert grams(text, k, sample) == expected
    with pytest.raises(ValueError):
        grams("依法行政法治宣传", 4, sample=3)
