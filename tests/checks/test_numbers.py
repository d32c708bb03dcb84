"""Check kinds part-exceeds-whole, parts-exceed-total, rate-over-100, rate-arithmetic,
count-conflict and approximate-exact (rules N001–N006)."""
from __future__ import annotations

from tests.conftest import SEEDS, run_rule

HEAD = "那吾镇2025年法治政府建设工作报告\n一、主要举措和成效\n"


def fired(body: str, rule: str):
    return run_rule(HEAD + body, rule)


def test_part_larger_than_whole():
    found = fired("目前仅有2名执法人员持有有效执法证,其中3名为工勤岗。", "N001")
    assert len(found) == 1
    assert "3名" in found[0].message and "2名" in found[0].message
    assert fired("全镇受理行政复议案件4件,其中维持原决定6件。", "N001")
    # the whole is the nearest count of the same kind, past a count of something else
    assert fired("开展执法检查10次,出动执法人员120人次,其中联合检查12次。", "N001")
    # 人 and 名 count the same kind of thing
    assert fired("现有执法人员10名,其中新招录12人。", "N001")


def test_consistent_parts_do_not_fire():
    assert fired("共排查矛盾纠纷132起,其中化解131起,化解率99.2%。", "N001") == []
    assert fired("现有执法人员10名,其中2025年新招录3人。", "N001") == []
    # 其中 after a list of several totals: the whole is their sum
    assert fired("受理行政复议案件5件、行政诉讼案件8件,其中败诉6件。", "N001") == []
    assert fired("受理行政复议案件5件,行政诉讼案件8件,其中败诉6件。", "N001") == []
    # different units are not a part and a whole
    assert fired("开展培训3场,受教育群众500人次,其中领导干部20人。", "N001") == []
    assert fired("开展执法检查45次,出动执法人员120人次,其中联合检查12次。", "N001") == []
    # an approximate whole allows more than its round number
    assert fired("排查矛盾纠纷100余起,其中化解105起。", "N001") == []


def test_part_compared_with_the_nearest_whole_not_an_earlier_one():
    text = "持有执法证人数34人,综合行政执法队现有执法人员10名,其中2025年新招录3人,但有2人证件尚未下发," \
           "目前仅有2名执法人员持有有效执法证,其中3名为工勤岗,3名为公益岗。"
    found = fired(text, "N001")
    assert len(found) == 1 and "“2名”" in found[0].message


def test_parts_adding_up_to_more_than_the_total():
    found = fired("现有执法人员10名,其中6名为工勤岗,5名为公益岗。", "N002")
    assert len(found) == 1 and "11" in found[0].message
    assert fired("现有执法人员10名,其中男性6名、女性4名。", "N002") == []
    # a single part larger than the whole is N001's, not reported twice
    assert fired("目前仅有2名执法人员持证,其中3名为工勤岗,3名为公益岗。", "N002") == []
    # a clause that goes on about the same people is not another part
    assert fired("新招录执法人员5人,其中3人已到岗,3人均已参加考试。", "N002") == []


def test_bounded_rate_over_100_percent():
    found = fired("全年受理信访事项20件,办结率达105%。", "N003")
    assert len(found) == 1 and "办结率" in found[0].message and "105%" in found[0].message
    assert fired("群众满意度为120%。", "N003")


def test_rates_that_may_exceed_100_percent_do_not_fire():
    assert fired("矛盾纠纷化解率达99%,参考率、合格率均达100%。", "N003") == []
    assert fired("案件数量同比增长120%,增长率150%。", "N003") == []
    assert fired("投入经费较上年提高130%。", "N003") == []


def test_rate_against_numerator_and_denominator():
    found = fired("共排查矛盾纠纷132起,其中化解120起,化解率99.2%。", "N004")
    assert len(found) == 1
    assert "120起" in found[0].message and "132起" in found[0].message and "90.9%" in found[0].message
    assert fired("12345受理354件,办结350件,办结率96.9%。", "N004")


def test_consistent_or_undecidable_rates_do_not_fire():
    assert fired("共排查矛盾纠纷132起,其中化解131起,化解率99.2%。", "N004") == []
    assert fired("共排查矛盾纠纷132起,其中化解131起,化解率99%。", "N004") == []
    assert fired("12345受理354件,办结350件,办结率98.9%。", "N004") == []
    assert fired("共受理矛盾纠纷200起,化解190起,化解率90%以上。", "N004") == []
    assert fired("共受理矛盾纠纷200起,化解190起,化解率98%以上。", "N004")
    # the total comes after the numerator: no denominator can be told (那吾镇)
    assert fired("排查化解矛盾纠纷15起,警调对接矛盾纠纷111起,现实矛盾纠纷6起,化解率达99%。",
                 "N004") == []
    # two totals, none marked: ambiguous, so silent
    assert fired("受理案件20件,调解12件,化解10件,化解率50%。", "N004") == []


def test_same_yearly_total_stated_twice():
    body = "全年共开展普法宣传活动23场。\n（二）普法宣传\n今年共开展普法宣传活动25场,发放资料2000余份。"
    found = fired(body, "N005")
    assert len(found) == 1 and found[0].line == 5
    assert "25场" in found[0].message and "23场" in found[0].message
    assert found[0].related[0].line == 3


def test_different_things_or_years_are_not_a_conflict():
    # the same words in different counts: 排查 vs 化解
    assert fired("全年共排查矛盾纠纷132起。全年共化解矛盾纠纷131起。", "N005") == []
    # not yearly totals: two villages, each its own count
    assert fired("在甲村开展普法宣传3场。在乙村开展普法宣传5场。", "N005") == []
    # last year's figure
    assert fired("全年共开展普法宣传活动23场,2024年共开展普法宣传活动18场。", "N005") == []
    # next year's plan is not this year's count
    body = "全年共开展普法宣传活动23场。\n二、下一年度工作安排\n全年共开展普法宣传活动30场。"
    assert fired(body, "N005") == []
    # an approximate count that allows the exact one
    assert fired("全年共开展普法宣传活动20余场。全年共开展普法宣传活动23场。", "N005") == []


def test_yu_after_an_exact_number():
    found = fired("开展专项检查4余次,拆除违法构筑物29余处。", "N006")
    assert [f.excerpt for f in found] == ["4余次", "29余处"]
    assert "4次" in found[0].message
    assert fired("入户走访3多户。", "N006")


def test_yu_after_round_numbers_does_not_fire():
    text = "开展检查10余次,发放资料15000余份,投入资金10余万元,送书三百余册,覆盖十余个村,走访1000余人次。"
    assert fired(text, "N006") == []
    assert fired("推动多元化解,建成5个多元解纷中心。", "N006") == []


def test_sample_reports():
    by_file = {p.name[:3]: p.read_text(encoding="utf-8") for p in SEEDS}
    found = run_rule(by_file["004"], "N001")
    assert [f.line for f in found] == [34]
    for rule in ("N001", "N002", "N003", "N004", "N005"):
        for key in ("000", "001", "002", "003"):
            assert run_rule(by_file[key], rule) == [], (rule, key)


# N004 may only divide counts the sentence ties to the rate (issue 11): many shapes both ways.
RATE_TIED_WRONG = [
    "共受理行政复议案件12件,办结10件,办结率100%。",
    "受理群众来信来访56件,按时办结50件,按时办结率98%。",
    "全年排查各类矛盾纠纷87起,成功调解80起,调解成功率97.7%。",
    "12345热线转办工单430件,其中按期办结400件,按期办结率99.5%。",
    "抽查行政执法案卷40件,其中合格36件,合格率100%。",
    "2023年累计办理行政应诉案件9件,其中胜诉7件,胜诉率100%。",
]
RATE_TIED_RIGHT = [
    "共受理行政复议案件12件,办结10件,办结率83.3%。",
    "受理群众来信来访56件,按时办结50件,按时办结率89.3%。",
    "全年排查各类矛盾纠纷87起,成功调解80起,调解成功率92%。",
    "12345热线转办工单430件,其中按期办结400件,按期办结率93%。",
]
RATE_NOT_TIED = [
    # two parallel counts and a rate of a third thing (issue 11)
    "行政复议案件21件,行政应诉案件9件,行政机关负责人出庭应诉率100%。",
    "办理行政复议案件21件,行政应诉案件9件,行政机关负责人出庭应诉率100%。",
    "发生行政诉讼案件6件,行政复议案件3件,复议纠错率0%。",
    "全街道共有村(社区)法律顾问18名,调解组织15个,调解成功率98%。",
    "开展执法检查45次,查处违法行为12起,办结8起,群众满意度100%。",
    "镇村两级调解员62人,调解纠纷41起,调解成功率100%。",
    # 按时办结率 is not 办结÷受理 when only 办结 is given
    "受理群众来信来访56件,办结50件,按时办结率100%。",
]


def test_rates_from_tied_counts_are_checked():
    for text in RATE_TIED_WRONG:
        assert fired(text, "N004"), text
    for text in RATE_TIED_RIGHT:
        assert fired(text, "N004") == [], text


def test_rates_of_untied_counts_are_not_recomputed():
    for text in RATE_NOT_TIED:
        assert fired(text, "N004") == [], text
