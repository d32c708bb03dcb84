"""The review page in a real browser (Debian's chromium driven by Playwright): it loads
without script errors, the overview lists every report and sorts and filters, clicking a
report shows its text with the findings marked, and a mark leads to its explanation.

Needs `chromium` (Debian package; `.ci/run` installs it) and the `playwright` package (test
extra; it never downloads a browser of its own). Skipped where either is missing, except in
CI, where a missing browser is a failure.
"""
from __future__ import annotations

import os
import shutil

import pytest
from click.testing import CliRunner

from lintreport.cli import main
from tests.test_review import make_batch

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]


def _need_browser():
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        reason = "playwright 未安装(pip install -e '.[test]')"
    else:
        if CHROMIUM:
            return
        reason = "没有 chromium(Debian: apt-get install chromium;.ci/run 会安装)"
    if os.environ.get("CI"):
        pytest.fail(f"CI 中必须运行浏览器测试:{reason}")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def review_page(tmp_path_factory):
    _need_browser()
    from playwright.sync_api import sync_playwright
    folder = tmp_path_factory.mktemp("browser")
    names = make_batch(folder / "reports")
    out = folder / "review.html"
    r = CliRunner().invoke(main, ["review", str(folder / "reports"), "-o", str(out)])
    assert r.exit_code == 1, r.output
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.set_default_timeout(15000)
        errors = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:")
                   else (errors.append("network: " + route.request.url), route.abort()))
        page.goto(out.as_uri())
        yield page, names, folder, errors
        browser.close()


def _visible_rows(page):
    return page.locator("table.overview tbody tr:visible")


def test_overview_lists_every_report(review_page):
    page, names, folder, errors = review_page
    assert page.locator("#overview").is_visible()
    assert _visible_rows(page).count() == len(names) == 7
    paths = page.locator("table.overview .path").all_inner_texts()
    assert sorted(os.path.basename(p) for p in paths) == names
    page.screenshot(path=str(folder / "overview.png"), full_page=True)
    assert errors == []


def test_sorting_and_filtering(review_page):
    page, _, _, errors = review_page
    column = page.locator("table.overview th", has_text="警告")
    column.click()
    index = page.locator("table.overview th").all_inner_texts().index(column.inner_text())

    def values():
        return [int(row.locator("td").nth(index).inner_text()) for row in _visible_rows(page).all()]
    assert values() == sorted(values())
    column.click()
    assert values() == sorted(values(), reverse=True)
    page.fill("#filter", "肖咀")
    assert _visible_rows(page).count() == 1
    page.fill("#filter", "")
    assert _visible_rows(page).count() == 7
    assert errors == []


def test_clicking_a_report_shows_its_marked_findings(review_page):
    page, _, folder, errors = review_page
    page.goto(page.url.split("#")[0] + "#overview")
    from playwright.sync_api import expect
    page.locator("table.overview a", has_text="肖咀镇").first.click()
    report = page.locator("section.report:visible")
    expect(report).to_have_count(1)
    expect(page.locator("#overview")).to_be_hidden()
    assert "003_e917511ac2dcba9c" in report.locator(".facts").inner_text()
    findings = report.locator("tr.finding")
    marks = report.locator("mark")
    assert findings.count() > 0 and marks.count() > 0 and marks.first.is_visible()
    page.screenshot(path=str(folder / "report.png"))
    # a mark leads to its explanation: rule, message and source
    marks.first.click()
    row = page.locator("tr.finding.flash")
    expect(row).to_have_count(1)
    expect(row).to_be_in_viewport()
    expect(row).to_contain_text("依据")
    # and the explanation's location leads back to the line in the text
    row.locator("td a").first.click()
    line = page.locator(".ln.flash")
    expect(line).to_have_count(1)
    expect(line).to_be_in_viewport()
    page.screenshot(path=str(folder / "line.png"))
    # the browser's back button retraces the steps, back to the overview
    page.go_back()
    expect(page.locator("tr.finding.flash")).to_be_visible()
    page.go_back()
    page.go_back()
    expect(page.locator("#overview")).to_be_visible()
    assert errors == []


def test_pdf_report_shows_its_pages(review_page):
    page, _, _, errors = review_page
    page.goto(page.url.split("#")[0] + "#overview")
    from playwright.sync_api import expect
    page.locator("table.overview tr", has_text="那吾镇.pdf").locator("a").click()
    report = page.locator("section.report:visible")
    expect(report.locator(".page").nth(1)).to_have_text("第2页")
    assert report.locator(".page").count() >= 5
    page.locator("a", has_text="规则说明").click()
    expect(page.locator("#rules")).to_be_visible()
    assert page.locator("#rules dt").count() > 3
    assert errors == []
