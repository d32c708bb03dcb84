"""Running heads in PDFs (某某县人民政府办公室文件 on every page) are not report text."""
from __future__ import annotations

import pytest

from lintreport.document import parse
from lintreport.read import read
from tests.test_read_pdf import make_pdf

pytest.importorskip("pypdfium2")

BODY = "\n".join(
    [f"（{n}）第{n}项工作扎实推进，全年开展专项检查{n + 3}次，依法办理各类案件，执法行为进一步规范，群众满意度持续提高。"
     for n in range(1, 25)])
REPORT = ("禄劝彝族苗族自治县撒营盘镇2024年法治政府建设工作报告\n"
          "2024年，撒营盘镇坚持依法行政，法治政府建设取得新成效。现将有关情况报告如下：\n"
          "一、主要举措和成效\n" + BODY + "\n撒营盘镇人民政府\n2025年1月10日")


def test_a_head_on_every_page_is_dropped(tmp_path):
    head = "禄劝县人民政府办公室文件"
    make_pdf(tmp_path / "r.pdf", REPORT, per_page=10, header=head)
    lines = read(str(tmp_path / "r.pdf")).lines
    assert len({l.page for l in lines}) >= 4
    assert not any(head in l.text for l in lines)
    doc = parse(read(str(tmp_path / "r.pdf")))
    assert doc.title_text.startswith("禄劝彝族苗族自治县撒营盘镇2024年")
    assert doc.report_year == 2024
    # no paragraph was cut where a page began
    assert all(l.text.endswith(("。", "：", "成效", "报告", "政府", "日")) for l in lines)


def test_a_head_that_also_stands_in_the_text_is_kept_there(tmp_path):
    head = "撒营盘镇人民政府"      # the issuer's name: also the closing line
    make_pdf(tmp_path / "r.pdf", REPORT, per_page=10, header=head)
    texts = [l.text for l in read(str(tmp_path / "r.pdf")).lines]
    assert texts.count(head) == 1 and texts[-2] == head


def test_a_first_page_head_alone_is_kept(tmp_path):
    make_pdf(tmp_path / "r.pdf", "撒营盘镇人民政府文件\n" + REPORT, per_page=10)
    texts = [l.text for l in read(str(tmp_path / "r.pdf")).lines]
    assert texts[0] == "撒营盘镇人民政府文件"
