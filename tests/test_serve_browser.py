"""The drafter's page in a real browser (Debian's chromium driven by Playwright): upload a
sample report and see 河市镇's missing part, click a finding and see its place in the text,
drop a file, download the fixed copy, upload a corrupt file and read a clear message while the
server keeps serving; on a narrow window too, and with nothing loaded from anywhere else.

Writes tests/artifacts/serve-hesizhen.png (the page with 河市镇's findings) and prints its path.
Like tests/test_review_browser.py: skipped without chromium or playwright, except under CI.
"""
from __future__ import annotations

import threading
from pathlib import Path

import pytest

from lintreport.serve import make_server
from lintreport.serve.work import Checker
from tests.test_review_browser import CHROMIUM, FLAGS, _need_browser
from tests.test_serve import HESHI

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
MAX = 2 * 1024 * 1024
REPORT = {"name": "河市镇.txt", "mimeType": "text/plain", "buffer": HESHI.read_bytes()}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The server on a free port, and a browser that may talk to nothing else."""
    _need_browser()
    from playwright.sync_api import sync_playwright
    tmp = tmp_path_factory.mktemp("serve-browser")
    srv = make_server("127.0.0.1", 0, Checker(tmp_root=str(tmp)), MAX, log=lambda text: None)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield browser, srv.url, tmp
        browser.close()
    srv.shutdown()
    srv.server_close()


@pytest.fixture
def page(site):
    browser, url, _ = site
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(15000)
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(url)
               else (errors.append("network: " + route.request.url), route.abort()))
    page.goto(url)
    yield page
    context.close()
    assert errors == []


def check(page, files=REPORT, checklist="乡镇、街道"):
    page.get_by_label(checklist).check()
    page.set_input_files("#file", files)
    page.click("#go")


def test_sample_report_shows_hesizhens_missing_part(page, site):
    from playwright.sync_api import expect
    check(page)
    result = page.locator("#res")
    expect(result.locator("h1")).to_have_text("河市镇")
    expect(result.locator(".parts a.no")).to_have_text("✗ 缺少 第一责任人")
    # the missing part's finding, under that part's heading
    heading = result.locator("tr.group", has_text="党政主要负责人履行推进法治建设第一责任人职责情况")
    expect(heading).to_contain_text("报告中没有这一部分")
    row = result.locator("tr.finding", has_text="S004")
    expect(row).to_contain_text("缺少“党政主要负责人履行推进法治建设第一责任人职责情况”部分")
    expect(row).to_contain_text("依据：《法治政府建设与责任落实督察工作规定》")
    assert row.evaluate("r => r.previousElementSibling.classList.contains('group')")
    # every finding is listed and marked in the text
    assert result.locator("tr.finding").count() >= 10 and result.locator("mark").count() >= 10
    # clicking the part in the summary leads to its group of findings
    result.locator(".parts a.no").click()
    expect(heading).to_be_in_viewport()
    # the screenshot: the form and the findings down to the missing part's, as a drafter sees them
    page.set_viewport_size({"width": 1280, "height": 1800})
    page.evaluate("window.scrollTo(0, 0)")
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "serve-hesizhen.png"
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 10000
    print(f"\n河市镇检查结果截图：{shot}")


def test_clicking_a_finding_highlights_the_text(page):
    from playwright.sync_api import expect
    check(page)
    row = page.locator("tr.finding", has_text="DT002")
    row.locator(".msg").click()
    line = page.locator(".ln.flash")
    expect(line).to_have_count(1)
    expect(line).to_have_id("res-L4")
    expect(line).to_be_in_viewport()
    picked = page.locator("mark.picked")
    expect(picked.first).to_be_visible()
    assert "2023年理论学习计划" in "".join(picked.all_inner_texts())
    # and a mark in the text leads back to its finding, with its source and fix
    page.locator("#res-L4 mark", has_text="一是").first.click()
    flashed = page.locator("tr.finding.flash")
    expect(flashed).to_contain_text("NB004")
    expect(flashed).to_be_in_viewport()
    page.locator("tr.finding", has_text="P002").locator(".msg").click()
    expect(page.locator("tr.finding", has_text="P002")).to_contain_text("修正：下载的修正稿中，本条所说的各处一并改正")


def test_corrupt_file_gets_a_clear_message_and_the_server_keeps_serving(page):
    from playwright.sync_api import expect
    check(page)
    expect(page.locator("#res h1")).to_have_text("河市镇")
    check(page, {"name": "河市镇.docx", "mimeType": "application/octet-stream",
                 "buffer": b"PK\x03\x04 this is not a Word file"})
    message = page.locator("#message")
    expect(message).to_be_visible()
    expect(message).to_contain_text("无法读取“河市镇.docx”：不是有效的docx文件")
    expect(page.locator("#res")).to_have_count(0)
    # too large: said at once, without sending anything
    check(page, {"name": "大.txt", "mimeType": "text/plain", "buffer": b"a" * (MAX + 1)})
    expect(message).to_contain_text("文件过大")
    check(page)
    expect(page.locator("#res h1")).to_have_text("河市镇")
    expect(message).to_be_hidden()


def test_dropped_file_and_fixed_copy(page):
    from playwright.sync_api import expect
    text = "云岭镇2025年法治政府建设工作报告\n一、主要举措和成效\n我镇开展普法宣传,发放资料500份。\n"
    page.evaluate("""text => {
        const data = new DataTransfer();
        data.items.add(new File([text], "云岭镇.txt", {type: "text/plain"}));
        document.getElementById("drop").dispatchEvent(
            new DragEvent("drop", {dataTransfer: data, bubbles: true, cancelable: true}));
    }""", text)
    expect(page.locator("#chosen")).to_contain_text("云岭镇.txt")
    expect(page.locator("#res h1")).to_have_text("云岭镇")
    with page.expect_download() as info:
        page.locator(".fixbar button").click()
    download = info.value
    assert download.suggested_filename == "云岭镇（修正）.txt"
    fixed = Path(download.path()).read_text(encoding="utf-8")
    assert fixed == text.replace("宣传,", "宣传，")
    expect(page.locator("#message")).to_contain_text("共自动修正1处")


def test_pasted_text_with_the_county_checklist(page):
    from playwright.sync_api import expect
    page.get_by_label("政府部门（按县级清单检查）").check()
    page.fill("#text", "××县司法局2025年法治政府建设年度报告\n一、主要举措和成效\n局长带头学法。")
    page.click("#go")
    expect(page.locator("#res .parts a.no").first).to_be_visible()
    expect(page.locator("#res .facts")).to_contain_text("粘贴的文本.txt")


def test_narrow_window(site):
    from playwright.sync_api import expect
    browser, url, tmp = site
    page = browser.new_page(viewport={"width": 360, "height": 740})
    page.goto(url)
    page.set_input_files("#file", REPORT)
    page.click("#go")
    expect(page.locator("#res h1")).to_have_text("河市镇")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, f"页面比窗口宽：{width}px"
    assert page.locator("#go").bounding_box()["width"] < 360
    page.locator("tr.finding", has_text="S004").locator(".msg").click()
    expect(page.locator(".ln.flash")).to_be_in_viewport()
    page.close()
    assert list(tmp.iterdir()) == []        # nothing left behind by any of the uploads


def test_page_works_without_script(site):
    browser, url, _ = site
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(url)
    page.set_input_files("#file", REPORT)
    page.click("#go")
    assert page.locator("#res h1").inner_text() == "河市镇"
    assert page.locator("#res tr.finding").count() >= 10
    context.close()
