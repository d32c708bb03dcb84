"""Hygiene kinds: web-chrome, spam, conversion-debris, mojibake, placeholder (H001–H005)."""
from __future__ import annotations

import os

from lintreport.config import Config
from lintreport.engine import lint
from lintreport.finding import Fix
from tests.conftest import SEEDS, run_rule

TITLE = "云岭镇2025年法治政府建设工作报告\n"


def test_web_header_and_footer_are_reported_once_each_with_their_span():
    text = ("政府信息公开\n索引号\n5334-2026-0012\n发布机构\n云岭镇人民政府\n" + TITLE +
            "2025年,云岭镇坚持依法行政,浏览群众意见。\n一、主要举措和成效\n推进依法行政。\n"
            "主办:某市人民政府 承办:某市人民政府办公室\n网站标识码5334000012 滇ICP备05000000号\n")
    found = run_rule(text, "H001")
    assert [(f.line, f.end_line) for f in found] == [(1, 5), (10, 11)]
    assert "网页页首" in found[0].message and "索引号" in found[0].message
    assert "网页页尾" in found[1].message and "主办" in found[1].message


def test_web_block_dates_are_not_seen_by_other_rules():
    # the header's 2026 publication date must not become the report's closing date
    text = "政府信息公开\n索引号\n发布日期\n2026-02-05\n" + TITLE + "推进依法行政。\n"
    assert run_rule(text, "H001")[0].end_line == 4
    assert run_rule(TITLE + "推进依法行政。", "H001") == []


def test_seed_web_page_blocks():
    result = lint([str(SEEDS[4])], Config(select=("H001",)), jobs=1)
    assert [(f.line, f.end_line) for f in result.findings] == [(1, 8), (10, 12), (125, 128)]


def test_spam_is_an_error_wherever_it_stands():
    found = run_rule(TITLE + "深入贯彻《中共中央关于全面推进依法治国华体会体育平台若干决定》。\n"
                     "更多足球比分请访问,注册送彩金。", "H002")
    assert [f.line for f in found] == [2, 3, 3, 3]
    assert found[0].severity.label == "error" and "体育平台" in found[0].message


def test_gambling_words_in_sentences_about_fighting_gambling_are_not_spam():
    text = TITLE + "严厉打击网络博彩等违法犯罪活动。开展棋牌室专项整治;老年活动中心设有棋牌室。"
    assert run_rule(text, "H002") == []
    assert len(run_rule(TITLE + "欢迎来到博彩天地,每日更新。", "H002")) == 1


def test_word_bookmark_is_debris_with_a_deleting_fix():
    found = run_rule(TITLE + "[bookmark: _GoBack](二)加强学习。", "H003")
    assert len(found) == 1
    assert "[bookmark: _GoBack]" in found[0].message and "Word书签" in found[0].message
    assert found[0].fix == Fix(2, 1, 20, "")


def test_image_link_html_and_entities():
    text = TITLE + "推进依法行政。<br/>调解&nbsp;成功&amp;完成。\n![]()\n见[通知](https://www.gov.cn/a.html)。"
    found = run_rule(text, "H003")
    fixes = [(f.line, f.fix.replacement) for f in found]
    assert fixes == [(2, ""), (2, ""), (2, "&"), (3, ""), (4, "通知")]


def test_nbsp_between_latin_words_becomes_a_space():
    found = run_rule(TITLE + "使用Windows&nbsp;10系统。", "H003")
    assert found[0].fix.replacement == " "


def test_invisible_control_characters():
    found = run_rule(TITLE + "推进\u200b依法\u0007行政。", "H003")
    assert [f.fix.replacement for f in found] == ["", ""]
    assert "\\u200b" in found[0].message


def test_markdown_links_are_markdown_but_empty_images_are_debris(tmp_path):
    md = tmp_path / "r.md"
    md.write_text("# 云岭镇2025年法治政府建设工作报告\n详见[通知](https://www.gov.cn/a.html)。\n"
                  "![图一](img/a.png)\n![]()\n", encoding="utf-8")
    result = lint([str(md)], Config(select=("H003",)), jobs=1)
    assert [f.line for f in result.findings] == [4]


def test_clean_text_has_no_debris():
    text = TITLE + "落实“谁执法谁普法”责任制,开展[法治讲座]3场,A<B的情形依法处理。"
    assert run_rule(text, "H003") == []


def test_mojibake():
    found = run_rule(TITLE + "全面推进? ? ?建设,法治\ufffd府,\ue001符号。", "H004")
    assert len(found) == 3
    assert "问号" in found[0].message and "替换字符" in found[1].message and "私用区" in found[2].message


def test_a_single_question_mark_is_not_mojibake():
    assert run_rule(TITLE + "如何普法?群众说了算。向谁普、普什么?", "H004") == []


def test_mojibake_at_the_start_of_a_line():
    found = run_rule(TITLE + "\ufffd\ufffd镇开展普法\n??年度总结\n\ue000\ue001", "H004")
    assert [(f.line, f.column) for f in found] == [(2, 1), (3, 1), (4, 1)]


def test_template_placeholders():
    text = "XX镇2024年法治政府建设工作报告\n已于××年××月签订协议,由【单位名称】负责,联系人____。\nX月X日召开会议。"
    found = run_rule(text, "H005")
    assert [f.excerpt for f in found] == ["XX", "××", "××", "【单位名称】", "____", "X", "X"]


def test_latin_x_that_is_not_a_placeholder():
    text = TITLE + "配备X光安检机2台,推广QQ群、LED屏幕和XXL号服装,3×4米展板。"
    assert run_rule(text, "H005") == []


def test_seeds_debris_where_the_reviewers_found_it():
    found = lint([str(p) for p in SEEDS], Config(select=("H003",)), jobs=1).findings
    assert sorted((os.path.basename(f.path)[:3], f.line) for f in found) == [("002", 31), ("003", 9)]


def test_template_wording_left_in_a_heading():
    text = "桃源县司法局2021年法治政府建设年度报告\n一、上一年度推进法治政府建设的主要举措和成效\n推进。\n" \
           "二、上一年度推进法治政府建设存在的不足和原因\n原因在于培训不足。\n"
    found = run_rule(text, "H005")
    assert [f.line for f in found] == [2, 4] and "上一年度" in found[0].message


def test_previous_year_in_body_text_is_not_a_placeholder():
    text = "桃源县司法局2021年法治政府建设年度报告\n一、2021年推进法治政府建设的主要举措和成效\n" \
           "对照上一年度督察反馈的问题逐项整改，上一年度推进法治政府建设的短板已补齐。\n"
    assert run_rule(text, "H005") == []


def _garbled_gbk(text: str) -> str:
    """What a UTF-8 text looks like opened as GBK, as editors show it (lost bytes as ?)."""
    return text.encode("utf-8").decode("gbk", errors="replace").replace("\ufffd", "?")


def test_text_decoded_with_the_wrong_codec():
    head = "金沙县人民政府2022年法治政府建设年度报告\n一、主要举措和成效\n"
    line = "2022年，" + _garbled_gbk("全面推进依法行政，严格规范公正文明执法") + "。"
    found = run_rule(head + line, "H004")
    assert len(found) == 1 and "全面推进依法行政" in found[0].message
    latin = "全县" + "法治政府建设".encode("utf-8").decode("cp1252", errors="replace") + "取得成效。"
    assert "法治政府建设" in run_rule(head + latin, "H004")[0].message


def test_characters_lost_with_debris_left():
    head = "金沙县人民政府2022年法治政府建设年度报告\n一、主要举措和成效\n"
    found = run_rule(head + "不断提升基层治理水平?,F將法治建设引向深入。", "H004")
    assert len(found) == 1 and found[0].excerpt == "?,F將"


def test_real_chinese_is_not_taken_for_garble():
    head = "金沙县人民政府2022年法治政府建设年度报告\n一、主要举措和成效\n"
    for body in ("如何普法?群众说了算。", "开展“法律进乡村”活动?群众满意。",
                 "王喆同志、李堃同志获评法治先进个人。",   # names with characters outside GB2312
                 "全面推进依法行政，严格规范公正文明执法，深化行政执法体制改革。",
                 "落实Q&A答疑?不再需要。"):
        assert run_rule(head + body, "H004") == [], body


def test_suspects_byte_classes_agree_with_the_regex():
    from lintreport.garble import UTF8_HAN, suspects
    for text in ("我们依法行政", "鎴戜滑", "浣犲ソ涓栫晫", "abc", "法治政府建设年度报告鎴"):
        gbk = text.encode("gbk", errors="ignore")
        assert suspects(text)[0] == (UTF8_HAN.search(gbk) is not None)
