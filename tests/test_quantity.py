"""Quantity extraction: numbers with units, qualifiers, Chinese numerals, the counted thing."""
from __future__ import annotations

import pytest

from lintreport.counted import counted
from lintreport.quantity import clause, quantities, same_family


def one(text: str):
    found = quantities(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("text,value,unit,quals", [
    ("化解矛盾纠纷131起", 131, "起", ()),
    ("发放资料15000余份", 15000, "份", ("余",)),
    ("受教育群众近万人次", 10000, "人次", ("近",)),
    ("投入资金10余万元", 100000, "元", ("余",)),
    ("覆盖群众1.5万人", 15000, "人", ()),
    ("化解率99.2%", 99.2, "%", ()),
    ("满意率百分之九十五", 95, "%", ()),
    ("保持在96%以上", 96, "%", ("以上",)),
    ("每月推送不少于7条", 7, "条", ("不少于",)),
    ("先后四次召开专题会议", 4, "次", ()),
    ("培养法律明白人三千余人", 3000, "人", ("余",)),
    ("聘请一名律师", 1, "名", ()),
    ("两名执法人员", 2, "名", ()),
    ("发放资料15,000份", 15000, "份", ()),
    ("开展培训１２场", 12, "场", ()),
])
def test_number_unit_and_qualifiers(text, value, unit, quals):
    q = one(text)
    assert (q.value, q.unit, q.qualifiers) == (value, unit, quals)
    assert text[q.start:q.end] == q.text


@pytest.mark.parametrize("text", [
    "2025年,我镇推进依法行政",          # a year is a date, not a count
    "一是加强学习,二是规范执法",         # enumeration
    "第一责任人,其一",                   # ordinals
    "本站已支持IPV6访问,联系电话:0887-8222511",
    "结合“3.8国际妇女节”开展宣传",
    "镇村干部一起参加,统一部署",          # 一起 = together
    "垫江委法治委〔2022〕4号",
])
def test_not_quantities(text):
    assert quantities(text) == []


def test_bounds_of_approximate_numbers():
    assert one("10余次").bounds() == (10, 20)
    assert one("15000余份").bounds() == (15000, 16000)
    assert one("4余次").bounds() == (4, 5)
    assert one("近万人次").bounds() == (8000, 10000)
    assert one("96%以上").bounds()[1] == float("inf")
    assert one("8次").exact and not one("约8次").exact


def test_yu_inside_marks_yu_between_number_and_unit():
    assert one("4余次").yu_inside and one("10余万元").yu_inside
    assert not one("8次").yu_inside


def test_unit_families():
    assert same_family("人", "名") and same_family("次", "场次")
    assert not same_family("人", "人次") and not same_family("件", "人")
    assert not same_family("", "")


def test_clause_is_bounded_by_commas_and_stops():
    text = "共排查矛盾纠纷132起,其中化解131起。"
    assert text[slice(*clause(text, text.index("化解")))] == "其中化解131起"


def test_counted_thing_before_or_after_the_number():
    text = "全年共开展普法宣传12场次"
    assert counted(text, quantities(text)[0]) == ("普法", "宣传")
    text = "今年共组织了23场法治宣传活动"
    assert "活动" in counted(text, quantities(text)[0])
    a, b = "共排查化解矛盾纠纷15起", "共化解矛盾纠纷15起"
    assert counted(a, quantities(a)[0]) != counted(b, quantities(b)[0])


def test_matches_are_those_of_the_plain_regex_scan():
    """_matches() only skips ahead to where a quantity can start: same matches as finditer."""
    import random

    from lintreport.quantity import QUANTITY, _matches
    pieces = ["近", "约", "大约", "超过", "不少于", "最多", "百分之", "12", "1,200", "３", ".5",
              "十", "二百", "两", "万", "余", "多", "人", "人次", "个百分点", "%", "以上", "左右",
              "第", "统一", "依法", "，", "。", "IPV", "-", "高达", "多达", "至少", "超", "逾",
              "不低于", "不超过", "大", "高", "不", "至", "最", "近日", "约谈"]
    rng = random.Random(7)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        assert [m.span() for m in _matches(text, start, end)] == \
            [m.span() for m in QUANTITY.finditer(text, start, end)], (text, start, end)


def test_clause_and_sentence_reach_the_nearest_stops():
    from lintreport.quantity import sentence
    text = "开展普法12场,覆盖3000人;化解纠纷5起。其中调解4起"
    assert text[slice(*clause(text, text.index("3000")))] == "覆盖3000人"
    assert text[slice(*sentence(text, text.index("3000")))] == "开展普法12场,覆盖3000人"
    assert text[slice(*sentence(text, text.index("调解")))] == "其中调解4起"
    assert clause(text, 0) == (0, text.index(","))
    assert sentence("无标点的一句", 3) == (0, 6)


def test_common_chinese_numerals_are_read_as_cn2an_reads_them():
    """chinese_value() reads 二十, 十二, 三十五, 三百, 两万 itself (cn2an costs 0.1 s to load):
    every numeral of those shapes has the value cn2an gives it."""
    import cn2an

    from lintreport.quantity import _TENS, _TIMES, chinese_value
    digits = ["", *"一二两三四五六七八九"]
    shapes = [t + "十" + u for t in digits for u in digits] + \
        [d + unit for d in digits[1:] for unit in "百千万亿"]
    for numeral in shapes:
        assert _TENS.fullmatch(numeral) or _TIMES.fullmatch(numeral) or numeral == "十"
        assert chinese_value(numeral) == float(cn2an.cn2an(numeral, "smart")), numeral
    # other shapes still go through cn2an
    assert chinese_value("一百五十") == 150 and chinese_value("千一") == 1100
    assert chinese_value("零十") is None     # cn2an cannot read it either
