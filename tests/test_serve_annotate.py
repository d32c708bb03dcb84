"""The drafter's page offers the Word copy with every finding as a comment (带批注的 Word
副本): for a docx upload, for other formats and pasted text, by script and by a plain form
post, and in a real browser (skipped without chromium, except under CI)."""
from __future__ import annotations

from urllib.parse import unquote

from lintreport.config import Config
from lintreport.engine import lint
from tests.conftest import make_docx
from tests.test_annotate import COUNTY, comments_of
from tests.test_serve import post, post_json, request, sample, server  # noqa: F401 (fixture)
from tests.test_serve_browser import check, page, site  # noqa: F401 (fixtures)

LINES = COUNTY.replace("青山县司法局", "曹回镇人民政府").splitlines()


def findings_of(path) -> int:
    return len(lint([str(path)], Config()).files[0].findings)


def test_docx_upload_gives_its_annotated_copy(server, tmp_path):  # noqa: F811
    srv, _ = server
    path = make_docx(tmp_path / "曹回镇.docx", LINES)
    status, headers, body = post(srv, "/api/annotate", {"file": ("曹回镇.docx", path.read_bytes())})
    assert status == 200 and body[:2] == b"PK"
    assert unquote(headers["X-Filename"]) == "曹回镇-批注.docx"
    assert 'filename="annotated.docx"' in headers["Content-Disposition"]
    out = tmp_path / "down.docx"
    out.write_bytes(body)
    comments = comments_of(out)
    assert int(headers["X-Comments"]) == len(comments) == findings_of(path) + 1
    assert any("《信访条例》" == c[3] for c in comments)


def test_text_and_pasted_text_become_word_with_comments(server, tmp_path):  # noqa: F811
    srv, _ = server
    status, headers, body = post(srv, "/api/annotate", {"text": "\n".join(LINES)})
    assert status == 200 and unquote(headers["X-Filename"]) == "粘贴的文本-批注.docx"
    (tmp_path / "a.docx").write_bytes(body)
    (tmp_path / "a.txt").write_text("\n".join(LINES), encoding="utf-8")
    assert len(comments_of(tmp_path / "a.docx")) == findings_of(tmp_path / "a.txt") + 1
    status, headers, body = post(srv, "/api/annotate", {"file": sample()})
    assert status == 200 and unquote(headers["X-Filename"]) == "河市镇-批注.docx"


def test_without_script_the_form_post_downloads_it(server):  # noqa: F811
    srv, _ = server
    status, headers, body = post(srv, "/annotate", {"file": sample()})
    assert status == 200 and "attachment" in headers["Content-Disposition"] and body[:2] == b"PK"
    status, _, page_html = request(srv, "GET", "/")
    assert 'value="annotate" formaction="/annotate"' in page_html.decode()
    status, data = post_json(srv, {"file": sample()})
    assert status == 200 and "下载带批注的 Word 副本" in data["html"]


def test_a_corrupt_docx_gets_a_message(server):  # noqa: F811
    srv, _ = server
    status, data = post_json(srv, {"file": ("坏.docx", b"PK\x03\x04broken")}, "/api/annotate")
    assert status == 422 and "坏.docx" in data["error"]


def test_the_button_downloads_the_copy_in_a_browser(page, tmp_path):  # noqa: F811
    from playwright.sync_api import expect
    check(page)
    expect(page.locator("#res h1")).to_have_text("河市镇")
    with page.expect_download() as info:
        page.locator("#res button[value=annotate]").click()
    download = info.value
    assert download.suggested_filename == "河市镇-批注.docx"
    out = tmp_path / download.suggested_filename
    download.save_as(out)
    assert len(comments_of(out)) >= 10
    expect(page.locator("#message")).to_contain_text("已下载带批注的 Word 副本")


def test_the_fixed_copy_button_still_works(page):  # noqa: F811
    from playwright.sync_api import expect
    page.set_input_files("#file", {"name": "a.txt", "mimeType": "text/plain",
                                   "buffer": "\n".join(LINES).encode()})
    with page.expect_download() as info:
        page.click("#fix")
    assert info.value.suggested_filename == "a（修正）.txt"
    expect(page.locator("#message")).to_contain_text("已下载修正稿")
