"""`lintreport show` and inputs that hold no report (issue 11)."""
from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from lintreport.cli import main

TEXTS = Path(__file__).parent / "texts"


def run(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_show_prints_title_parts_year_evidence_fields_and_furniture():
    r = run("show", str(TEXTS / "furn-henan-wanghe-2023.txt"))
    assert r.exit_code == 0, r.output
    out = r.stdout
    assert "标题：王河镇2023年法治政府建设工作报告（第10行）" in out
    assert "报告年度：2023年" in out and "依据：标题（第10行" in out
    assert "发布机构：王河乡人民政府" in out
    assert "页首 第1—9行：索引号" in out
    assert "第12行  一、主要举措和成效" in out
    assert "落款：王河镇人民政府（第22行）" in out


def test_show_says_which_evidence_does_not_fit():
    out = run("show", str(TEXTS / "year-yunnan-conflict-2022.txt")).stdout
    assert "报告年度：2021年" in out
    assert "标题（第1行，“勐海县勐遮镇2022年法治政府建设工作报告”）→2022年（与所取年度不符）" in out


def test_show_an_unreadable_file_exits_2(tmp_path):
    r = run("show", str(tmp_path / "missing.txt"))
    assert r.exit_code == 2 and "文件不存在" in r.stderr


def test_an_empty_file_is_a_finding_not_a_clean_report(tmp_path):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    r = run("check", "--no-color", str(tmp_path / "empty.txt"))
    assert r.exit_code == 1 and "M006" in r.stdout and "未发现问题" not in r.stdout


def test_a_one_line_note_gets_one_finding(tmp_path):
    (tmp_path / "note.txt").write_text("本栏目暂无信息，请返回上一页。\n", encoding="utf-8")
    r = run("check", "--format", "json", str(tmp_path / "note.txt"))
    assert r.exit_code == 1
    assert [f["rule"] for f in __import__("json").loads(r.stdout)["files"][0]["findings"]] == ["M006"]


def test_a_folder_without_reports_exits_2_with_one_line(tmp_path):
    (tmp_path / "data.csv").write_text("a,b\n", encoding="utf-8")
    r = run("check", str(tmp_path))
    assert r.exit_code == 2
    assert len(r.stderr.strip().splitlines()) == 1 and "没有可检查的报告" in r.stderr
