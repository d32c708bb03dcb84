"""Character helpers: quotations are cut where a reader would cut them."""
from __future__ import annotations

from lintreport.hanzi import clip


def test_short_text_is_kept_whole():
    assert clip("  推进依法行政。 ", 20) == "推进依法行政。"


def test_cut_after_a_clause_mark_in_the_second_half():
    text = "全面推行行政执法三项制度，严格规范公正文明执法，提升执法质效"
    assert clip(text, 20) == "全面推行行政执法三项制度……"


def test_cut_after_a_whole_word_when_no_mark_is_near():
    text = "坚持以习近平法治思想为指导深入推进法治政府建设各项工作任务落实"
    assert clip(text, 20) == "坚持以习近平法治思想为指导……"        # not 法治政…
    assert clip("2024年河市镇法治建设工作在区管委的统一领导下", 20) == \
        "2024年河市镇法治建设工作在区管委的……"                               # not 的统…


def test_clipping_needs_no_jieba():
    """jieba's dictionary takes about a second to load: an ordinary report without a title
    must not pay for it."""
    import subprocess
    import sys
    code = ("import sys; from lintreport.hanzi import clip; "
            "print(clip('2024年河市镇法治建设工作在区管委的统一领导下', 20)); "
            "print('jieba' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout
    assert out.split() == ["2024年河市镇法治建设工作在区管委的……", "False"]
