"""The HTML reader: the report out of a saved government web page, without the page's menus,
header, footer and information panel; the publication date as metadata."""
from __future__ import annotations

import datetime
import html

import pytest

from lintreport.config import Config
from lintreport.engine import lint
from lintreport.errors import InputError
from lintreport.read import read
from lintreport.document import parse
from lintreport.furniture import find_blocks
from tests.conftest import SEEDS


def _lines(text: str) -> list[str]:
    return [" ".join(l.split()) for l in text.splitlines() if l.strip(" \u3000\t\xa0")]


def make_page(text: str, *, charset: str = "utf-8", published: str | None = "2026-02-05",
              meta: bool = True) -> bytes:
    """A report as a government site publishes it: top bar, site header, menu, breadcrumb,
    the article's title and information panel, the text, share links, a side column of
    related links and the site footer, with a script and a style in the head."""
    lines = _lines(text)
    own_title = lines[0] if "报告" in lines[0] and "。" not in lines[0] else None
    title = own_title or "关于2025年法治政府建设工作情况的报告"
    body = lines[1:] if own_title else lines
    paras = "\n".join(f'<p style="text-indent:2em">&nbsp;&nbsp;{html.escape(l)}</p>' for l in body)
    head_meta = (f'<meta name="ArticleTitle" content="{html.escape(title)}">'
                 + (f'<meta name="PubDate" content="{published} 10:19">' if published else "")
                 ) if meta else ""
    info = f"发布时间:{published} 10:19 " if published else ""
    page = f"""<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">
{head_meta}<title>{html.escape(title)}_某某市人民政府门户网站</title>
<style>.nav li {{ display: inline }}</style>
<script>var _hmt = _hmt || []; document.write("欢迎访问某某市人民政府门户网站");</script>
</head><body>
<div class="top"><span>今天是2026年2月5日 星期四</span><a href="#">无障碍浏览</a></div>
<div class="header"><h1>某某市人民政府门户网站</h1></div>
<div class="nav"><ul><li><a href="#">首页</a></li><li><a href="#">政务公开</a></li>
<li><a href="#">政务服务</a></li><li><a href="#">互动交流</a></li></ul></div>
<div class="main">
<div class="position">当前位置:<a href="#">首页</a> &gt; <a href="#">政务公开</a></div>
<div class="article">
<div class="article-title"><h2>{html.escape(title)}</h2></div>
<div class="info">{info}来源:某某镇人民政府 浏览次数:311 字体:[大 中 小]</div>
<div id="zoom">
{paras}
</div>
<div class="share">分享到:<a href="#">微信</a><a href="#">微博</a></div>
<p class="print"><a href="#">【打印本页】</a><a href="#">【关闭窗口】</a></p>
</div>
<div class="side"><h3>相关链接</h3><ul><li><a href="#">某某县2024年法治政府建设年度报告</a></li></ul></div>
</div>
<div class="footer"><p>主办:某某市人民政府 承办:某某市人民政府办公室</p>
<p>网站标识码:5300000001 滇ICP备05000001号</p></div>
</body></html>
"""
    encoding = "gb18030" if charset.lower() in ("gbk", "gb2312", "gb18030") else charset
    return page.encode(encoding)


def _texts(path) -> list[str]:
    return [" ".join(l.text.split()) for l in read(str(path)).lines]


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem[:3])
def test_the_report_comes_out_of_the_page(seed, tmp_path):
    text = seed.read_text(encoding="utf-8")
    (tmp_path / "r.html").write_bytes(make_page(text))
    got = _texts(tmp_path / "r.html")
    want = _lines(text)
    if not ("报告" in want[0] and "。" not in want[0]):
        want = ["关于2025年法治政府建设工作情况的报告"] + want
    # a web page's header and footer copied into the text (虎跳峡镇) stay in what the reader
    # gives; the document model takes them out (once, for every kind of file)
    assert got == want
    chrome = {i for b in find_blocks(want) for i in range(b.first, b.last + 1)}
    assert (len(chrome) > 10) == seed.name.startswith("004")
    doc = parse(read(str(tmp_path / "r.html")))
    report = [" ".join(l.text.split()) for l in doc.lines]
    assert report == [w for i, w in enumerate(want) if i not in chrome]
    page_words = ("首页", "浏览次数", "主办", "打印本页", "相关链接", "欢迎访问", "分享到")
    assert not any(w in line for line in report for w in page_words)


def test_gbk_page_declared_in_meta(tmp_path):
    text = SEEDS[1].read_text(encoding="utf-8")
    (tmp_path / "r.htm").write_bytes(make_page(text, charset="gb2312"))
    assert _texts(tmp_path / "r.htm")[1] == _lines(text)[0]


def test_publication_date_from_meta_or_from_the_information_panel(tmp_path):
    text = SEEDS[0].read_text(encoding="utf-8")
    (tmp_path / "a.html").write_bytes(make_page(text, published="2026-03-28"))
    assert read(str(tmp_path / "a.html")).meta["published"] == datetime.date(2026, 3, 28)
    (tmp_path / "b.html").write_bytes(make_page(text, published="2026-04-15", meta=False))
    assert read(str(tmp_path / "b.html")).meta["published"] == datetime.date(2026, 4, 15)
    (tmp_path / "c.html").write_bytes(make_page(text, published=None, meta=False))
    assert "published" not in read(str(tmp_path / "c.html")).meta


def test_chinese_date_label(tmp_path):
    page = ("<html><body><div>发布日期:2026年4月20日</div><div id=content>"
            + "".join(f"<p>第{i}段。这是正文,内容很多,足以成为正文。</p>" for i in range(9))
            + "</div></body></html>")
    (tmp_path / "r.html").write_text(page, encoding="utf-8")
    assert read(str(tmp_path / "r.html")).meta["published"] == datetime.date(2026, 4, 20)


def test_published_after_the_deadline_is_reported(tmp_path):
    text = SEEDS[4].read_text(encoding="utf-8")     # 虎跳峡镇, report on 2025
    (tmp_path / "late.html").write_bytes(make_page(text, published="2026-06-30"))
    (tmp_path / "on-time.html").write_bytes(make_page(text, published="2026-02-05"))
    late, on_time = lint([str(tmp_path / "late.html"), str(tmp_path / "on-time.html")],
                         Config(select=("M004",))).files
    assert [f.rule for f in late.findings] == ["M004"] and "发布日期" in late.findings[0].message
    assert on_time.findings == []


def test_headings_nested_lists_tables_and_line_breaks(tmp_path):
    page = """<html><body><nav>首页 | 政务公开</nav><article>
    <h1>某某镇2025年法治政府建设工作报告</h1>
    <h3>一、主要举措和成效</h3>
    <p>今年以来,我镇<b>认真</b>落实<a href="#">法治政府</a>建设各项任务。<br>第二行在换行之后。</p>
    <ul><li>(一)加强组织领导</li><li>(二)深化普法宣传</li></ul>
    <table><tr><td>调解纠纷</td><td>56件</td></tr></table>
    <div hidden>隐藏的内容不是报告</div><div style="display: none">也不是</div>
    <h3>二、存在的不足和原因</h3><p>基层法治力量仍然薄弱,原因是人员不足。</p>
    </article><footer>版权所有:某某镇人民政府</footer></body></html>"""
    (tmp_path / "r.html").write_text(page, encoding="utf-8")
    assert _texts(tmp_path / "r.html") == [
        "某某镇2025年法治政府建设工作报告", "一、主要举措和成效",
        "今年以来,我镇认真落实法治政府建设各项任务。", "第二行在换行之后。",
        "(一)加强组织领导", "(二)深化普法宣传", "调解纠纷", "56件",
        "二、存在的不足和原因", "基层法治力量仍然薄弱,原因是人员不足。"]


def test_a_report_split_over_sibling_blocks_is_read_whole(tmp_path):
    lines = _lines(SEEDS[1].read_text(encoding="utf-8"))
    pages = [lines[:12], lines[12:]]     # the second block holds about a fifth of the text
    page = ("<html><body><div class='side'><a>首页</a></div><div id='content'>"
            + "".join("<div class='page'>" + "".join(f"<p>{html.escape(l)}</p>" for l in part)
                      + "</div>" for part in pages)
            + "</div><div class='links'><a>某某县人民政府</a></div></body></html>")
    (tmp_path / "r.html").write_text(page, encoding="utf-8")
    assert _texts(tmp_path / "r.html") == lines


def test_suppression_comments_are_kept(tmp_path):
    page = ("<html><body><div id=zoom><!-- lintreport-disable C001 -->"
            + "".join(f"<p>第{i}段。这是正文,内容很多,足以成为正文。</p>" for i in range(9))
            + "<!-- 普通注释不是正文 --></div></body></html>")
    (tmp_path / "r.html").write_text(page, encoding="utf-8")
    texts = _texts(tmp_path / "r.html")
    assert texts[0] == "<!-- lintreport-disable C001 -->"
    assert not any("普通注释" in t for t in texts)


@pytest.mark.parametrize("page", [
    "<html><body><img src='scan.png'></body></html>",
    "<html><head><script>load('report')</script></head><body><div id=app></div></body></html>",
    ""], ids=["image-only", "script-only", "empty"])
def test_page_without_report_text(tmp_path, page):
    (tmp_path / "r.html").write_text(page, encoding="utf-8")
    with pytest.raises(InputError, match="没有找到报告正文|无法解析网页"):
        read(str(tmp_path / "r.html"))


def test_xml_declaration_and_bom(tmp_path):
    page = ('<?xml version="1.0" encoding="utf-8"?><html><body><div>'
            + "".join(f"<p>第{i}段。这是正文,内容很多。</p>" for i in range(5)) + "</div></body></html>")
    (tmp_path / "r.html").write_bytes(b"\xef\xbb\xbf" + page.encode("utf-8"))
    assert _texts(tmp_path / "r.html")[0] == "第0段。这是正文,内容很多。"
