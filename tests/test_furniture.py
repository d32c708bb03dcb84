"""Page furniture: blocks found by label density and position, fields read from the table."""
from __future__ import annotations

from lintreport.furniture import find_blocks

REPORT = ["柳城县东泉镇2022年法治政府建设工作报告",
          "2022年，东泉镇坚持依法行政，法治政府建设取得新成效。现将有关情况报告如下：",
          "一、主要举措和成效", "全年化解矛盾纠纷35起。", "东泉镇人民政府", "2023年1月6日"]


def spans(texts):
    return [(b.first, b.last, b.where) for b in find_blocks(texts)]


def test_spaced_and_half_width_labels_make_one_header_block():
    head = ["索 引 号：11450222MB0000000X/2023-0001", "发布时间:2023-01-09", "浏览次数:57"]
    blocks = find_blocks(head + REPORT)
    assert [(b.first, b.last, b.where) for b in blocks] == [(0, 2, "header")]
    assert dict(blocks[0].fields) == {"索引号": "11450222MB0000000X/2023-0001",
                                       "发布日期": "2023-01-09"}


def test_a_label_alone_takes_the_value_on_the_next_line():
    head = ["成文日期", "2023-01-06", "发布机构", "东泉镇人民政府"]
    block = find_blocks(head + REPORT)[0]
    assert (block.first, block.last) == (0, 3)
    assert dict(block.fields) == {"成文日期": "2023-01-06", "发布机构": "东泉镇人民政府"}


def test_widgets_breadcrumb_font_size_and_date_widget():
    head = ["当前位置：首页 > 信息公开", "今天是：2019年10月31日 星期四", "【字号：大 中 小】"]
    assert spans(head + REPORT) == [(0, 2, "header")]


def test_the_title_may_stand_between_two_header_blocks():
    texts = ["您现在的位置：首页>>法治政府", REPORT[0], "发布时间：2023-01-09  来源：东泉镇  点击数：12"] + REPORT[1:]
    assert spans(texts) == [(0, 0, "header"), (2, 2, "header")]


def test_a_lone_weak_label_is_not_a_block():
    assert spans(["来源：东泉镇"] + REPORT) == []
    # a 来源 sentence inside the report is its text
    texts = REPORT[:3] + ["来源：镇司法所统计的调解台账。"] + REPORT[3:]
    assert spans(texts) == []


def test_footer_with_related_links_runs_to_the_end():
    foot = ["相关链接：", "柳城县2022年政府信息公开工作年度报告", "东泉镇2021年法治政府建设工作报告",
            "主办单位：柳城县人民政府办公室", "桂ICP备05000000号  网站标识码：4502220001"]
    assert spans(REPORT + foot) == [(6, 10, "footer")]


def test_the_issuer_and_date_are_not_taken_into_the_footer():
    foot = ["【打印本页】【关闭窗口】"]
    assert spans(REPORT + foot) == [(6, 6, "footer")]


def test_a_footer_word_in_the_report_text_is_not_a_footer():
    texts = REPORT[:4] + ["开通联系我们专栏，收集群众意见建议。"] + REPORT[4:]
    assert spans(texts) == []


def test_a_clean_report_has_no_blocks():
    assert spans(REPORT) == []


def test_a_mirror_site_footer():
    foot = ["本站为凤山县人民政府门户网站镜像站点", "原文链接：http://www.gxfs.gov.cn/xxgk/2023/0106.html"]
    assert spans(REPORT + foot) == [(6, 7, "footer")]


def test_more_cms_layouts():
    assert spans(["首页 / 政务公开 / 法治政府建设", "阅读：318次  【我要打印】"] + REPORT) == [(0, 1, "header")]
    assert spans(REPORT + ["分享：", "党政机关", "主办单位：柳城县人民政府"]) == [(6, 8, "footer")]
