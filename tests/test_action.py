"""The GitHub Action (action.yml) run step by step on this machine, as a runner would: the
`${{ … }}` expressions filled in, each `run:` script given to bash with the runner's
variables ($GITHUB_OUTPUT, $GITHUB_STEP_SUMMARY), in a git repository with a pull request."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys

import pytest
import yaml

from tests.conftest import ROOT, SEEDS
from tests.test_read_html import make_page

EXPR = re.compile(r"\$\{\{\s*([\w.-]+)\s*\}\}")
BIN = os.path.dirname(sys.executable)      # where this environment's lintreport is


def git(repo, *args) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    return subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True,
                          text=True).stdout.strip()


def run_action(repo, tmp_path, inputs=None, base=""):
    """Run action.yml's steps in `repo`; returns (exit code, stdout, outputs, summary, pip)."""
    spec = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    values = {f"inputs.{k}": str(v.get("default", "")) for k, v in spec["inputs"].items()}
    values.update({f"inputs.{k}": v for k, v in (inputs or {}).items()})
    values.update({"github.action_path": str(ROOT), "runner.temp": str(tmp_path),
                   "github.event.pull_request.base.sha": base})

    def fill(text):
        return EXPR.sub(lambda m: values.get(m.group(1), ""), str(text))

    summary = tmp_path / "summary.md"
    # a stand-in for the runner's python, so the install step shows what it would install
    fake = tmp_path / "fake-bin"
    fake.mkdir(exist_ok=True)
    (fake / "python").write_text(f'#!/bin/sh\necho "$@" > "{tmp_path}/pip-args"\n')
    (fake / "python").chmod(0o755)
    stdout, code = "", 0
    for number, step in enumerate(spec["runs"]["steps"]):
        if "uses" in step:      # actions/setup-python: this machine has Python already
            continue
        out_file = tmp_path / f"output-{number}"
        out_file.write_text("")
        path = f"{fake}:{BIN}:{os.environ['PATH']}" if "pip install" in step["run"] else \
            f"{BIN}:{os.environ['PATH']}"
        env = {**os.environ, "PATH": path, "GITHUB_ACTIONS": "true", "RUNNER_TEMP": str(tmp_path),
               "GITHUB_OUTPUT": str(out_file), "GITHUB_STEP_SUMMARY": str(summary),
               **{k: fill(v) for k, v in step.get("env", {}).items()}}
        script = tmp_path / f"step-{number}.sh"
        script.write_text(step["run"], encoding="utf-8")
        assert step["shell"] == "bash"
        proc = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)],
                              cwd=repo, env=env, capture_output=True, text=True, check=False)
        stdout += proc.stdout
        for line in out_file.read_text(encoding="utf-8").splitlines():
            key, _, value = line.partition("=")
            values[f"steps.{step.get('id')}.outputs.{key}"] = value
        if proc.returncode:
            code = proc.returncode
            break
    outputs = {k: fill(v["value"]) for k, v in spec["outputs"].items()}
    pip = (tmp_path / "pip-args").read_text().split() if (tmp_path / "pip-args").exists() else []
    return code, stdout, outputs, summary.read_text(encoding="utf-8") if summary.exists() else "", pip


@pytest.fixture
def pull_request(tmp_path):
    """A repository whose pull request changes one report and adds a web page and a report
    with a Chinese name; the README and an untouched report are not part of the change."""
    if not shutil.which("git"):
        pytest.skip("没有 git")
    repo = tmp_path / "repo"
    (repo / "reports").mkdir(parents=True)
    shutil.copy(SEEDS[1], repo / "reports" / "a.txt")
    shutil.copy(SEEDS[2], repo / "reports" / "b.txt")
    (repo / "README.md").write_text("# 报告仓库\n", encoding="utf-8")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "base")
    base = git(repo, "rev-parse", "HEAD")
    with open(repo / "reports" / "b.txt", "a", encoding="utf-8") as f:
        f.write("\n补充一段说明。\n")
    (repo / "reports" / "c.html").write_bytes(make_page(SEEDS[4].read_text(encoding="utf-8")))
    shutil.copy(SEEDS[3], repo / "reports" / "肖咀镇.txt")
    (repo / "README.md").write_text("# 报告仓库(修订)\n", encoding="utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "head")
    work = tmp_path / "runner"
    work.mkdir()
    return repo, base, work


def test_pull_request_lints_only_the_changed_reports(pull_request):
    repo, base, work = pull_request
    code, stdout, outputs, summary, pip = run_action(
        repo, work, {"paths": "reports", "sarif": "lintreport.sarif"}, base)
    assert pip[-1] == str(ROOT) and pip[:3] == ["-m", "pip", "install"]
    assert outputs == {"files": "3", "sarif": "lintreport.sarif"}
    annotated = set(re.findall(r"^::(?:error|warning|notice) file=([^,]+),", stdout, re.MULTILINE))
    assert annotated == {"reports/b.txt", "reports/c.html", "reports/肖咀镇.txt"}
    assert "lintreport 检查结果" in summary and "reports/c.html" in summary
    sarif = json.loads((repo / "lintreport.sarif").read_text(encoding="utf-8"))
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            for r in sarif["runs"][0]["results"]}
    assert uris == annotated
    assert code == 1, "曹回镇 lacks the leaders' part: an error fails the step"


def test_fail_on_never_and_a_pull_request_without_reports(pull_request, tmp_path):
    repo, base, work = pull_request
    code, stdout, *_ = run_action(repo, work, {"paths": "reports", "fail-on": "never"}, base)
    assert code == 0 and "::error file=reports/b.txt" in stdout
    head = git(repo, "rev-parse", "HEAD")
    (repo / "README.md").write_text("# 只改了说明\n", encoding="utf-8")
    git(repo, "commit", "-q", "-am", "docs")
    again = tmp_path / "again"
    again.mkdir()
    code, stdout, outputs, summary, _ = run_action(repo, again, {}, head)
    assert code == 0 and outputs["files"] == "0" and "没有改动的报告文件" in summary
    assert "::" not in stdout


def test_without_a_pull_request_all_reports_under_paths(pull_request):
    repo, _, work = pull_request
    code, stdout, outputs, *_ = run_action(repo, work, {"paths": "reports\n", "fail-on": "never"})
    annotated = set(re.findall(r"^::(?:error|warning|notice) file=([^,]+),", stdout, re.MULTILINE))
    assert code == 0 and outputs["files"] == "4"
    assert annotated == {"reports/a.txt", "reports/b.txt", "reports/c.html", "reports/肖咀镇.txt"}


def test_changed_only_false_in_a_pull_request(pull_request):
    repo, base, work = pull_request
    code, stdout, *_ = run_action(repo, work, {"paths": "reports", "changed-only": "false",
                                               "checklist": "county", "fail-on": "never"}, base)
    annotated = set(re.findall(r"^::(?:error|warning|notice) file=([^,]+),", stdout, re.MULTILINE))
    assert code == 0 and "reports/a.txt" in annotated
