"""No network access at run time, ever: every socket connection attempt fails the test."""
from __future__ import annotations

import socket

import pytest
from click.testing import CliRunner

from lintreport.cli import main

from tests.conftest import SEEDS, make_docx


@pytest.fixture
def no_network(monkeypatch):
    attempts = []

    def refuse(self, address, *args, **kwargs):
        attempts.append(address)
        raise AssertionError(f"network access attempted: {address}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection",
                        lambda address, *a, **k: refuse(None, address))
    monkeypatch.setattr(socket, "getaddrinfo", lambda host, *a, **k: refuse(None, host))
    return attempts


def test_linting_uses_no_network(no_network, tmp_path):
    docx_path = make_docx(tmp_path / "r.docx", SEEDS[0].read_text(encoding="utf-8").splitlines())
    for fmt in ("text", "json", "sarif", "github"):
        r = CliRunner().invoke(main, ["check", "--format", fmt, "--jobs", "1", str(docx_path),
                                      *map(str, SEEDS)], catch_exceptions=False)
        assert r.exit_code == 1, r.output
    assert no_network == []


# --- outputs never destroy inputs, links stay inside (issue 16, items 4, 15, 16) ---

import csv  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402

# long enough to be a report (M006), without the required parts (structure findings)
REPORT = ("石门乡人民政府2024年法治政府建设情况报告\n2024年，石门乡在县委、县政府的坚强领导下，"
          "深入学习贯彻习近平法治思想，扎实推进依法行政，法治政府建设各项工作取得新进展。"
          "现将有关情况报告如下。\n一、主要举措和成效\n全年开展法治宣传12场次。\n")


def invoke(*args):
    return CliRunner().invoke(main, list(map(str, args)))


def test_review_refuses_an_output_that_is_an_input_or_a_link(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text(REPORT, encoding="utf-8")
    r = invoke("review", "-o", report, report)
    assert r.exit_code == 2 and "不能覆盖" in r.stderr
    link = tmp_path / "out.html"
    link.symlink_to(report)
    r = invoke("review", "-o", link, report)
    assert r.exit_code == 2 and "链接" in r.stderr
    assert report.read_text(encoding="utf-8") == REPORT


def test_review_twice_does_not_read_its_own_page(tmp_path):
    (tmp_path / "r.txt").write_text(REPORT, encoding="utf-8")
    out = tmp_path / "renamed-review.html"
    for _ in range(2):
        r = invoke("review", "-o", out, "--csv", tmp_path / "t.csv", tmp_path)
        assert "1份报告" in r.stderr, r.stderr


def test_links_out_of_a_scanned_folder_are_not_followed(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("机密" + REPORT, encoding="utf-8")
    folder = tmp_path / "township"
    folder.mkdir()
    (folder / "r.txt").write_text(REPORT, encoding="utf-8")
    (folder / "passwd.txt").symlink_to(secret)
    (folder / "same.txt").symlink_to(folder / "r.txt")        # inside the tree: fine
    out = tmp_path / "review.html"
    r = invoke("review", "-o", out, folder)
    page = out.read_text(encoding="utf-8")
    assert "机密" not in page and r.exit_code == 2 and "--follow-links" in r.stderr
    r = invoke("check", "--format", "json", folder)
    files = {os.path.basename(f["path"]): f for f in json.loads(r.stdout)["files"]}
    assert files["passwd.txt"]["error"] and not files["same.txt"]["error"]
    r = invoke("review", "-o", out, "--follow-links", folder)
    assert "机密" in out.read_text(encoding="utf-8")


def test_spreadsheet_cells_are_never_formulas(tmp_path):
    import openpyxl
    (tmp_path / "=1+1.txt").write_text("2024年法治政府建设情况报告\n推进依法行政。\n", encoding="utf-8")
    (tmp_path / "@sum.txt").write_text(REPORT, encoding="utf-8")
    invoke("review", "-o", tmp_path / "r.html", "--csv", tmp_path / "t.csv",
           "--xlsx", tmp_path / "t.xlsx", tmp_path)
    with open(tmp_path / "t.csv", encoding="utf-8-sig", newline="") as f:
        cells = [c for row in csv.reader(f) for c in row]
    assert cells and not any(c.startswith(("=", "+", "-", "@", "\t", "\r")) for c in cells)
    assert "'=1+1" in cells
    sheet = openpyxl.load_workbook(tmp_path / "t.xlsx").active
    values = [c for row in sheet.iter_rows() for c in row if isinstance(c.value, str)]
    assert any(c.value == "=1+1" for c in values)
    assert all(c.data_type == "s" for c in values)


def test_an_unreadable_subfolder_is_reported_with_exit_2(tmp_path, monkeypatch):
    folder = tmp_path / "reports"
    (folder / "locked").mkdir(parents=True)
    (folder / "r.txt").write_text(REPORT, encoding="utf-8")
    (folder / "locked" / "x.txt").write_text(REPORT, encoding="utf-8")
    scandir = os.scandir

    def locked(path="."):       # as chmod 000 does for anyone but root
        if os.path.basename(os.fspath(path)) == "locked":
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return scandir(path)
    monkeypatch.setattr(os, "scandir", locked)
    r = invoke("check", "--format", "json", folder)
    assert r.exit_code == 2, r.stderr
    assert "无法读取文件夹" in r.stderr and "locked" in r.stderr
    files = json.loads(r.stdout)["files"]
    assert [f for f in files if f["path"].endswith("r.txt")][0]["findings"]


def test_utf16_without_bom_is_read_as_text(tmp_path):
    for encoding in ("utf-16-le", "utf-16-be"):
        path = tmp_path / f"{encoding}.txt"
        path.write_bytes(REPORT.encode(encoding))
        r = invoke("check", "--format", "json", path)
        data = json.loads(r.stdout)["files"][0]
        assert data["error"] is None and data["findings"], r.stderr


@pytest.mark.parametrize("data", [b"\xff\xfe\x00\xd8abc", bytes(range(256)) * 4,
                                  b"\xfe\xff\xdc\x00"])
def test_binary_txt_is_one_clear_line(tmp_path, data):
    path = tmp_path / "bin.txt"
    path.write_bytes(data)
    r = invoke("check", path)
    assert r.exit_code == 2 and "二进制" in r.stderr
    assert "UnicodeDecodeError" not in r.output + r.stderr


def test_output_into_a_missing_folder_is_one_clear_line(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text(REPORT, encoding="utf-8")
    for args in (("check", "-o", tmp_path / "nodir" / "x"),
                 ("review", "-o", tmp_path / "nodir" / "x.html"),
                 ("review", "-o", tmp_path / "r.html", "--csv", tmp_path / "nodir" / "x.csv")):
        r = invoke(*args, report)
        assert r.exit_code == 2 and "文件夹不存在" in r.stderr, r.stderr
        assert len(r.stderr.strip().splitlines()) == 1 and "内部错误" not in r.stderr


def test_a_closed_pipe_gives_no_traceback(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text(REPORT * 2000, encoding="utf-8")
    env = {**os.environ, "LINTREPORT_NO_CACHE": "1"}
    p = subprocess.Popen([sys.executable, "-m", "lintreport", "check", "--format", "json",
                          str(report)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    p.stdout.close()        # as `| head -c 0` does
    err = p.stderr.read().decode()
    p.wait(timeout=60)
    assert "Traceback" not in err and "内部错误" not in err and "BrokenPipe" not in err


# --- configuration as an attack surface (issue 16, items 8–10) ---

def test_config_search_stops_at_the_repository_root(tmp_path, monkeypatch):
    (tmp_path / ".lintreport.yaml").write_text('exclude: ["*"]\nignore: [structure]\n',
                                               encoding="utf-8")
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "r.txt").write_text(REPORT, encoding="utf-8")
    monkeypatch.chdir(repo)
    r = invoke("check", "--format", "json", repo)
    data = json.loads(r.stdout)
    assert data["config"] is None
    assert [f["path"] for f in data["files"]] == [str(repo / "r.txt")]
    assert any(f["category"] == "structure" for f in data["files"][0]["findings"])


def test_config_search_stops_at_home(tmp_path, monkeypatch):
    (tmp_path / ".lintreport.yaml").write_text("ignore: [structure]\n", encoding="utf-8")
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(home)
    from lintreport.config import find
    assert find() is None


def test_the_config_used_is_named_and_exclude_spares_named_files(tmp_path, monkeypatch):
    (tmp_path / ".git").mkdir()
    config = tmp_path / ".lintreport.yaml"
    config.write_text('exclude: ["*.txt"]\n', encoding="utf-8")
    report = tmp_path / "r.txt"
    report.write_text(REPORT, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "other.txt").write_text(REPORT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    r = invoke("check", "--format", "json", report, tmp_path / "sub")
    data = json.loads(r.stdout)
    assert data["config"] == str(config)
    assert [f["path"] for f in data["files"]] == [str(report)]   # named: kept; found: excluded
    r = invoke("check", report)
    assert r.stdout.splitlines()[0] == f"配置文件：{config}"


def _bomb(levels=9):
    lines = ['a0: &a0 ["法治","法治","法治","法治","法治","法治","法治","法治","法治"]']
    for i in range(1, levels):
        lines.append(f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]")
    return "\n".join(lines) + f"\nexclude: *a{levels - 1}\n"


def test_a_yaml_alias_bomb_is_refused_before_expanding(tmp_path, monkeypatch):
    import time
    cache = tmp_path / "cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache))
    monkeypatch.delenv("LINTREPORT_NO_CACHE", raising=False)
    config = tmp_path / "bomb.yaml"
    config.write_text(_bomb(), encoding="utf-8")
    assert config.stat().st_size < 1000
    report = tmp_path / "r.txt"
    report.write_text(REPORT, encoding="utf-8")
    start = time.perf_counter()
    r = invoke("check", "--config", config, report)
    assert time.perf_counter() - start < 10
    assert r.exit_code == 2 and "别名" in r.stderr
    cached = [p for p in cache.rglob("*") if p.is_file()] if cache.exists() else []
    assert not [p for p in cached if "bomb" in p.name], cached     # nothing of it cached
    assert sum(p.stat().st_size for p in cached) < 5_000_000


def test_an_invalid_config_is_not_cached_and_leaves_no_temporary(tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache))
    monkeypatch.delenv("LINTREPORT_NO_CACHE", raising=False)
    config = tmp_path / "bad.yaml"
    config.write_text("fail-on: sometimes\n", encoding="utf-8")
    report = tmp_path / "r.txt"
    report.write_text(REPORT, encoding="utf-8")
    r = invoke("check", "--config", config, report)
    assert r.exit_code == 2
    files = [p.name for p in cache.rglob("*") if p.is_file()] if cache.exists() else []
    assert not [n for n in files if n.startswith("bad.yaml")], files
    assert not [n for n in files if not n.endswith(".json")], files


def test_a_few_aliases_are_still_fine(tmp_path):
    config = tmp_path / "ok.yaml"
    config.write_text("ignore: &skip [structure]\nselect: []\nexclude: *skip\n", encoding="utf-8")
    from lintreport.config import load
    assert load(str(config)).ignore == ("structure",)


@pytest.mark.parametrize("pattern", ["(法+)+$", "(?:治|法*)*", "(?:a{1,3})+b"])
def test_a_backtracking_pattern_in_a_config_is_refused_at_load(tmp_path, pattern):
    import time
    config = tmp_path / "re.yaml"
    config.write_text(f"rules:\n  H005:\n    options:\n      patterns: ['{pattern}']\n",
                      encoding="utf-8")
    report = tmp_path / "r.txt"
    report.write_text(REPORT + "法" * 40 + "x\n", encoding="utf-8")
    start = time.perf_counter()
    r = invoke("check", "--config", config, report)
    assert time.perf_counter() - start < 10
    assert r.exit_code == 2 and "嵌套的重复" in r.stderr and "H005" in r.stderr


def test_every_shipped_pattern_passes_the_guard():
    from lintreport import checklist as cl
    from lintreport.patterns import problem, strings
    for name in cl.shipped():
        for rule in cl.load(name).rules:
            for text in strings(rule.options):
                assert problem(text) is None, (rule.id, text)

