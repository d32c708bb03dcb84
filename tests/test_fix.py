"""--fix, --diff and --fix-output: only the fixed characters change, nothing fixable is left,
files keep their encoding and line endings, and a docx is never changed in place."""
from __future__ import annotations

import difflib
import json
import re
import shutil

import pytest
from click.testing import CliRunner

from lintreport.checks.hygiene import DEBRIS
from lintreport.cli import main
from lintreport.fix import apply
from lintreport.finding import Fix
from tests.conftest import SEEDS, make_docx, make_rich_docx, qn_p

# What a fix may change: punctuation, spaces and 文号 brackets, one for another or away.
MARKS = set(",;:?!()，；：？！（）。、 \t\u3000\u00a0〔〕[]［］【】﹝﹞")


def run(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def only_fixable_changes(before: str, after: str) -> list[str]:
    """What changed between two texts that no safe fix could have changed (empty: all fine).
    Independent of the fixer: it compares characters, line by line."""
    a, b = before.split("\n"), after.split("\n")
    if len(a) != len(b):
        return ["the number of lines changed"]
    wrong = []
    for x, y in zip(a, b):
        for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, x, y, autojunk=False).get_opcodes():
            gone, new = x[i1:i2], y[j1:j2]
            if tag == "equal" or set(gone + new) <= MARKS:
                continue
            debris = any(p.fullmatch(gone) for _, p in DEBRIS)
            if not (debris and new == ""):
                wrong.append(f"{gone!r} → {new!r}")
    return wrong


def test_apply_right_to_left_and_overlaps_wait():
    texts = ["一二三四五六", "甲乙"]
    # Y overlaps X: the right one goes first, X waits for the next pass
    assert apply(texts, [Fix(1, 2, 4, "X"), Fix(1, 3, 5, "Y"), Fix(1, 6, 7, "Z"), Fix(2, 1, 1, "《")]) == 3
    assert texts == ["一二Y五Z", "《甲乙"]


@pytest.mark.parametrize("seed", SEEDS, ids=[p.name[:3] for p in SEEDS])
def test_fix_leaves_nothing_fixable_and_changes_only_fixed_characters(seed, tmp_path):
    copy = tmp_path / seed.name
    shutil.copy(seed, copy)
    r = run("check", "--fix", "--format", "json", str(copy))
    assert r.exit_code in (0, 1)
    left = json.loads(r.stdout)["files"][0]["findings"]
    assert [f["rule"] for f in left if f["fix"] or f["rule"] == "P003"] == []
    before, after = seed.read_text(encoding="utf-8"), copy.read_text(encoding="utf-8")
    assert before != after
    assert only_fixable_changes(before, after) == []
    # a second run finds nothing more to fix
    again = copy.read_bytes()
    run("check", "--fix", "--format", "json", str(copy))
    assert copy.read_bytes() == again


def test_the_comparison_catches_a_changed_word():
    assert only_fixable_changes("推进依法行政,成效明显。", "推进依法行政，成效明显。") == []
    assert only_fixable_changes("推进依法行政,成效明显。", "推进依法治理,成效明显。") == ["'行政' → '治理'"]
    assert only_fixable_changes("一\n二", "一二") == ["the number of lines changed"]
    assert only_fixable_changes("[bookmark: _GoBack]正文", "正文") == []


def test_diff_shows_the_fixes_and_changes_nothing(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text("云岭镇2025年法治政府建设工作报告\n2025年,云岭镇坚持依法行政。。\n", encoding="utf-8")
    before = path.read_bytes()
    r = run("check", "--diff", str(path))
    assert r.exit_code == 1
    assert "-2025年,云岭镇坚持依法行政。。" in r.stdout and "+2025年，云岭镇坚持依法行政。" in r.stdout
    assert path.read_bytes() == before


def test_diff_of_a_clean_file_is_empty(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text("云岭镇2025年法治政府建设工作报告\n2025年，云岭镇坚持依法行政。\n", encoding="utf-8")
    r = run("check", "--diff", str(path))
    assert (r.exit_code, r.stdout) == (0, "")


def test_encoding_bom_and_line_endings_are_kept(tmp_path):
    text = "云岭镇2025年法治政府建设工作报告\r\n2025年,云岭镇坚持依法行政。\r\n"
    gbk, bom = tmp_path / "gbk.txt", tmp_path / "bom.txt"
    gbk.write_bytes(text.encode("gb18030"))
    bom.write_bytes(text.encode("utf-8-sig"))
    run("check", "--fix", str(gbk), str(bom))
    fixed = text.replace("年,", "年，")
    assert gbk.read_bytes() == fixed.encode("gb18030")
    assert bom.read_bytes() == fixed.encode("utf-8-sig")


def test_damaged_encoding_is_not_rewritten(tmp_path):
    path = tmp_path / "bad.txt"
    path.write_bytes("云岭镇2025年法治政府建设工作报告\n2025年,".encode("utf-8") + b"\x80\xff" + "。".encode())
    before = path.read_bytes()
    r = CliRunner().invoke(main, ["check", "--fix", str(path)])
    assert path.read_bytes() == before
    assert "未修正" in r.stderr


def test_fix_output_writes_a_copy_and_keeps_the_original(tmp_path):
    path, out = tmp_path / "r.txt", tmp_path / "fixed" / "r.txt"
    path.write_text("云岭镇2025年法治政府建设工作报告\n2025年,推进依法行政。\n", encoding="utf-8")
    before = path.read_bytes()
    run("check", "--fix-output", str(tmp_path / "fixed") + "/", str(path))
    assert path.read_bytes() == before
    assert out.read_text(encoding="utf-8") == "云岭镇2025年法治政府建设工作报告\n2025年，推进依法行政。\n"


def test_select_limits_what_is_fixed(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text("云岭镇2025年法治政府建设工作报告\n2025年,推进依法行政。。\n", encoding="utf-8")
    run("check", "--fix", "--select", "P001", str(path))
    assert path.read_text(encoding="utf-8").endswith("2025年,推进依法行政。\n")


def test_suppressed_rule_is_not_fixed(tmp_path):
    path = tmp_path / "r.md"
    path.write_text("<!-- lintreport-disable P003 -->\n# 云岭镇2025年法治政府建设工作报告\n"
                    "2025年,推进依法行政。。\n", encoding="utf-8")
    run("check", "--fix", str(path))
    assert path.read_text(encoding="utf-8").endswith("2025年,推进依法行政。\n")


def _runs_docx(path):
    """A docx whose fixable text is split across runs, one of them bold."""
    import docx
    document = docx.Document()
    document.add_paragraph("云岭镇2025年法治政府建设工作报告")
    p = document.add_paragraph()
    p.add_run("2025年,云岭")
    p.add_run("镇开展活动(含社区)。").bold = True
    p.add_run("。[bookmark: _GoBack]")
    document.save(str(path))
    return path


def test_docx_is_never_changed_in_place(tmp_path):
    path = _runs_docx(tmp_path / "r.docx")
    before = path.read_bytes()
    r = CliRunner().invoke(main, ["check", "--fix", str(path)])
    assert path.read_bytes() == before
    assert "--fix-output" in r.stderr


def test_docx_fixed_copy_keeps_runs_and_formatting(tmp_path):
    import docx
    path = _runs_docx(tmp_path / "r.docx")
    before = path.read_bytes()
    out = tmp_path / "fixed.docx"
    r = run("check", "--fix-output", str(out), "--format", "json", str(path))
    assert path.read_bytes() == before
    paragraph = docx.Document(str(out)).paragraphs[1]
    assert paragraph.text == "2025年，云岭镇开展活动（含社区）。"
    assert [run.bold for run in paragraph.runs] == [None, True, None]
    left = json.loads(r.stdout)["files"][0]["findings"]
    assert [f["rule"] for f in left if f["fix"] or f["rule"] == "P003"] == []


def test_docx_fix_columns_skip_word_list_numbers(tmp_path):
    import docx
    path = make_docx(tmp_path / "n.docx", ["云岭镇2025年法治政府建设工作报告", "一、主要举措和成效",
                                           "（一）强化组织领导,健全体系"])
    out = tmp_path / "n_fixed.docx"
    run("check", "--fix-output", str(out), str(path))
    texts = [p.text for p in docx.Document(str(out)).paragraphs]
    assert texts[2] == "强化组织领导，健全体系"


def test_docx_diff_without_writing(tmp_path):
    path = _runs_docx(tmp_path / "r.docx")
    r = run("check", "--diff", str(path))
    assert r.exit_code == 1 and "+2025年，云岭镇开展活动（含社区）。" in r.stdout
    assert not re.search(r"fixed\.docx", " ".join(p.name for p in tmp_path.iterdir()))


def _formatting(path):
    """Everything but the characters: per paragraph its style, list numbering and runs'
    formatting; the table shape; header and footer text."""
    import docx
    document = docx.Document(str(path))
    out = []
    for p in document.element.body.iter(qn_p()):
        ppr = p.pPr
        out.append((ppr.xml if ppr is not None else "",
                    [r.rPr.xml if r.rPr is not None else "" for r in p.r_lst]))
    tables = [(len(t.rows), len(t.columns)) for t in document.tables]
    sections = [(s.header.paragraphs[0].text, s.footer.paragraphs[0].text) for s in document.sections]
    return out, tables, sections


@pytest.mark.parametrize("seed", SEEDS[:3:2], ids=[p.name[:3] for p in SEEDS[:3:2]])
def test_docx_of_a_sample_gets_as_many_fixes_as_its_text(seed, tmp_path):
    from lintreport.read import read
    lines = seed.read_text(encoding="utf-8").splitlines()
    path = make_rich_docx(tmp_path / "r.docx", lines, with_table=False)
    text = tmp_path / "r.txt"
    text.write_text("\n".join(read(str(path)).lines[i].text for i in range(len(lines))) + "\n",
                    encoding="utf-8")
    rt = CliRunner().invoke(main, ["check", "--fix", "--format", "json", str(text)])
    out = tmp_path / "fixed.docx"
    rd = CliRunner().invoke(main, ["check", "--fix-output", str(out), "--format", "json", str(path)])
    count = lambda r: int(m.group(1)) if (m := re.search(r"修正(\d+)处", r.stderr)) else 0  # noqa
    assert count(rd) == count(rt) > 0
    left = json.loads(rd.stdout)["files"][0]["findings"]
    assert [f["rule"] for f in left if f["fix"] or f["rule"] == "P003"] == []
    after = [line.text for line in read(str(out)).lines]
    assert after == text.read_text(encoding="utf-8").splitlines()
    before = [line.text for line in read(str(path)).lines]
    assert only_fixable_changes("\n".join(before), "\n".join(after)) == []
    assert _formatting(out) == _formatting(path)


def test_docx_with_table_numbering_and_runs_is_fixed_everywhere(tmp_path):
    import docx
    lines = ["云岭镇2023年法治政府建设工作报告", "一、推进法治政府建设的主要举措和成效",
             "（一）强化组织领导,健全工作体系", "全年办理复议案件3件,诉讼案件2件;化解率98%。",
             "镇党委书记(第一责任人)带头学法。", "二、存在的不足和原因", "执法力量薄弱,主要原因在于培训不足。"]
    path = make_rich_docx(tmp_path / "t.docx", lines)
    out = tmp_path / "t_fixed.docx"
    r = run("check", "--fix-output", str(out), "--format", "json", str(path))
    fixed = docx.Document(str(out))
    texts = [p.text for p in fixed.paragraphs]
    assert "强化组织领导，健全工作体系" in texts
    assert "全年办理复议案件3件，诉讼案件2件；化解率98%。" in texts
    assert "镇党委书记（第一责任人）带头学法。" in texts
    assert fixed.tables[0].cell(1, 0).text == "复议案件，诉讼案件"
    assert fixed.sections[0].header.paragraphs[0].text == "云岭镇人民政府 (内部资料)"   # not linted
    assert _formatting(out) == _formatting(path)
    left = json.loads(r.stdout)["files"][0]["findings"]
    assert not [f for f in left if f["rule"] == "P003"]


def test_docx_diff_lists_every_fixed_paragraph(tmp_path):
    lines = ["云岭镇2023年法治政府建设工作报告", "一、主要举措和成效", "推进依法行政,健全体系。",
             "全年办理复议案件3件,诉讼案件2件。", "二、存在的不足和原因", "执法力量薄弱;原因在于培训不足。"]
    path = make_rich_docx(tmp_path / "d.docx", lines, with_table=False)
    r = run("check", "--diff", str(path))
    assert r.exit_code == 1
    added = [line for line in r.stdout.splitlines() if line.startswith("+") and not line.startswith("+++")]
    assert added == ["+推进依法行政，健全体系。", "+全年办理复议案件3件，诉讼案件2件。",
                     "+执法力量薄弱；原因在于培训不足。"]


# --- never lose a report (issue 16, items 1–3) ---

REPORT = "云岭镇2025年法治政府建设工作报告\n2025年,推进依法行政。\n"


def _big_report(tmp_path, name="r.txt"):
    """A report well over 8 KB with one fixable comma, so a small size limit bites mid-write."""
    path = tmp_path / name
    body = "".join(f"第{i}项工作依法推进，群众满意度稳步提升。\n" for i in range(400))
    path.write_text("云岭镇2025年法治政府建设工作报告\n2025年,推进依法行政。\n" + body,
                    encoding="utf-8")
    return path


def test_fix_under_a_file_size_limit_leaves_the_original_whole(tmp_path):
    import os
    import resource
    import subprocess
    import sys
    path = _big_report(tmp_path)
    before = path.read_bytes()
    assert len(before) > 16384

    def limit():
        resource.setrlimit(resource.RLIMIT_FSIZE, (8192, 8192))
    env = {**os.environ, "LINTREPORT_NO_CACHE": "1", "PYTHONDONTWRITEBYTECODE": "1"}
    r = subprocess.run([sys.executable, "-m", "lintreport", "check", "--fix", str(path)],
                       preexec_fn=limit, env=env, capture_output=True, timeout=120)
    assert path.read_bytes() == before
    assert "未修正" in r.stderr.decode()
    assert "Traceback" not in r.stderr.decode()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.txt"]     # no temporary left


def test_a_failing_write_leaves_the_original_byte_identical(tmp_path, monkeypatch):
    import errno
    import os
    path = _big_report(tmp_path)
    before = path.read_bytes()

    def full(fd):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    monkeypatch.setattr(os, "fsync", full)
    r = CliRunner().invoke(main, ["check", "--fix", str(path)])
    assert path.read_bytes() == before
    assert "未修正" in r.stderr and "原文件未改动" in r.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["r.txt"]


def test_fix_keeps_permissions_and_owner(tmp_path):
    import os
    path = tmp_path / "r.txt"
    path.write_text(REPORT, encoding="utf-8")
    os.chmod(path, 0o640)
    if os.geteuid() == 0:
        os.chown(path, 1234, 2345)
    run("check", "--fix", str(path))
    st = os.stat(path)
    assert path.read_text(encoding="utf-8") == REPORT.replace("年,", "年，")
    assert st.st_mode & 0o777 == 0o640
    if os.geteuid() == 0:
        assert (st.st_uid, st.st_gid) == (1234, 2345)


def test_fix_output_refuses_an_existing_target_unless_forced(tmp_path):
    path, out = tmp_path / "r.txt", tmp_path / "out.txt"
    path.write_text(REPORT, encoding="utf-8")
    out.write_text("别人的文件", encoding="utf-8")
    r = CliRunner().invoke(main, ["check", "--fix-output", str(out), str(path)])
    assert r.exit_code == 2 and "已存在" in r.stderr and "--force" in r.stderr
    assert out.read_text(encoding="utf-8") == "别人的文件"
    r = CliRunner().invoke(main, ["check", "--fix-output", str(out), "--force", str(path)])
    assert out.read_text(encoding="utf-8") == REPORT.replace("年,", "年，")


def test_fix_output_mirrors_the_input_folders(tmp_path):
    a, b = tmp_path / "a" / "report.txt", tmp_path / "b" / "report.txt"
    for p, place in ((a, "云岭镇"), (b, "石门乡")):
        p.parent.mkdir()
        p.write_text(REPORT.replace("云岭镇", place), encoding="utf-8")
    out = tmp_path / "out"
    r = CliRunner().invoke(main, ["check", "--format", "json", "--fix-output", str(out),
                                  str(a), str(b)])
    assert (out / "a" / "report.txt").read_text(encoding="utf-8").startswith("云岭镇")
    assert (out / "b" / "report.txt").read_text(encoding="utf-8").startswith("石门乡")
    listed = [f["path"] for f in json.loads(r.stdout)["files"]]
    assert len(listed) == len(set(listed)) == 2


def test_fix_output_file_for_several_inputs_is_one_clear_line(tmp_path):
    a, b, out = tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "afile"
    for p in (a, b):
        p.write_text(REPORT, encoding="utf-8")
    out.write_text("x", encoding="utf-8")
    r = CliRunner().invoke(main, ["check", "--fix-output", str(out), str(a), str(b)])
    assert r.exit_code == 2
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and "文件夹" in lines[0] and "内部错误" not in lines[0]
    assert a.read_text(encoding="utf-8") == REPORT and out.read_text(encoding="utf-8") == "x"


@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"])
def test_lossily_decoded_text_is_never_written_back(tmp_path, bom):
    path = tmp_path / "bad.txt"
    path.write_bytes(bom + REPORT.encode("utf-8") + b"\x80\xff" + "2025年,".encode())
    before = path.read_bytes()
    r = CliRunner().invoke(main, ["check", "--fix", str(path)])
    assert path.read_bytes() == before
    assert "未修正" in r.stderr


def test_fixing_through_a_link_fixes_its_target_and_keeps_the_link(tmp_path):
    target, link = tmp_path / "real.txt", tmp_path / "link.txt"
    target.write_text(REPORT, encoding="utf-8")
    link.symlink_to(target)
    run("check", "--fix", str(link))
    assert link.is_symlink()
    assert target.read_text(encoding="utf-8") == REPORT.replace("年,", "年，")


def test_a_folder_that_cannot_take_a_temporary_file_leaves_the_report_alone(tmp_path, monkeypatch):
    """As a read-only folder does (root ignores chmod, so the refusal is simulated)."""
    import tempfile

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied", str(tmp_path))
    path = tmp_path / "r.txt"
    path.write_text(REPORT, encoding="utf-8")
    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    r = CliRunner().invoke(main, ["check", "--fix", str(path)])
    assert path.read_text(encoding="utf-8") == REPORT
    assert "没有写入权限" in r.stderr and "原文件未改动" in r.stderr
