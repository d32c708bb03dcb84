"""The command line speaks Chinese throughout (click's own words too), prints each error
once on stderr, honours NO_COLOR and --color/--no-color, and finds shipped checklists by
name even when a folder of that name is in the working directory."""
from __future__ import annotations

import re

from click.testing import CliRunner

from lintreport.cli import main
from tests.conftest import SEEDS

ENGLISH = re.compile(r"Usage:|Options:|Error:|Invalid value|Show this message|Missing argument|"
                     r"\[OPTIONS\]|TEXT|INTEGER|PATHS")


def run(*args, env=None):
    return CliRunner().invoke(main, list(args), env=env)


def test_help_is_chinese():
    for args in ([" --help"[1:]], ["check", "--help"], ["review", "--help"], ["explain", "-h"]):
        r = run(*args)
        assert r.exit_code == 0 and "用法：" in r.stdout and "选项：" in r.stdout
        assert not ENGLISH.search(r.stdout), r.stdout


def test_usage_errors_are_chinese_one_message_exit_2():
    for args, words in ((["check", "--format", "xml", "a.txt"], "不是可选值"),
                        (["chek"], "没有命令"), (["check"], "缺少参数"),
                        (["review", "--jobs", "x", "a"], "不是有效的整数")):
        r = run(*args)
        assert r.exit_code == 2 and "错误：" in r.stderr and words in r.stderr, r.stderr
        assert not re.search(r"[\u4e00-\u9fff']\.\s*$", r.stderr.strip()), r.stderr
        assert not ENGLISH.search(r.stderr), r.stderr
        assert r.stdout == ""


def test_an_unreadable_file_is_explained_once_on_stderr(tmp_path):
    bad = tmp_path / "坏.docx"
    bad.write_bytes(b"PK\x03\x04 not a zip")
    r = run("check", str(bad), str(SEEDS[2]))
    assert r.exit_code == 2
    reason = "不是有效的docx文件"
    assert r.stderr.count(reason) == 1 and reason not in r.stdout
    assert "坏.docx  无法检查" in r.stdout


def test_colour_follows_the_switch_and_no_color(monkeypatch):
    seed = str(SEEDS[2])
    assert "\x1b[" in run("check", "--color", seed).stdout
    assert "\x1b[" not in run("check", "--no-color", seed).stdout
    assert "\x1b[" not in run("check", seed).stdout          # not a terminal
    import lintreport.clihelp as ch
    monkeypatch.setattr(ch.sys.stdout, "isatty", lambda: True, raising=False)
    assert ch.colour_wanted(None) is True
    monkeypatch.setenv("NO_COLOR", "1")
    assert ch.colour_wanted(None) is False and ch.colour_wanted(True) is True


def test_shipped_checklist_name_wins_over_a_folder_of_that_name(tmp_path, monkeypatch):
    (tmp_path / "county").mkdir()
    monkeypatch.chdir(tmp_path)
    r = run("rules", "--checklist", "county")
    assert r.exit_code == 0 and "检查清单：county" in r.stdout
    r = run("rules", "--checklist", "./nothing.yaml")
    assert r.exit_code == 2 and "nothing.yaml" in r.stderr and "不存在" in r.stderr
