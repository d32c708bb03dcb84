"""The pre-commit hook (.pre-commit-hooks.yaml), tried with `pre-commit try-repo` from a
temporary repository of reports, as a drafter's repository would use it."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from tests.conftest import ROOT, SEEDS

pre_commit = pytest.importorskip("pre_commit")
# what building the package needs: the hook installs lintreport from this copy
PROJECT = ("pyproject.toml", "README.md", ".pre-commit-hooks.yaml", "lintreport", "rules")
GIT = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
       "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}


def git(cwd, *args):
    subprocess.run(["git", *args], cwd=cwd, env={**os.environ, **GIT}, check=True,
                   capture_output=True)


def test_manifest_is_valid():
    from pre_commit.clientlib import load_manifest
    (hook,) = load_manifest(str(ROOT / ".pre-commit-hooks.yaml"))
    assert hook["id"] == "lintreport" and hook["language"] == "python"
    assert hook["entry"] == "lintreport check"
    import re
    files = re.compile(hook["files"])
    assert all(files.search(f"a/报告.{ext}") for ext in ("txt", "md", "docx", "html", "htm", "pdf"))
    assert not files.search("data.csv") and not files.search("report.txt.bak")


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory):
    """This project as a committed git repository (the working tree, whatever is staged)."""
    if not shutil.which("git"):
        pytest.skip("没有 git")
    project = tmp_path_factory.mktemp("hook") / "lintreport"
    project.mkdir()
    for name in PROJECT:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, project / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, project / name)
    git(project, "init", "-q")
    git(project, "add", ".")
    git(project, "commit", "-q", "-m", "lintreport")
    return project, tmp_path_factory.mktemp("pre-commit-home")


def try_repo(hook_repo, repo, *files):
    project, home = hook_repo
    args = ["--files", *files] if files else ["--all-files"]
    proc = subprocess.run([sys.executable, "-m", "pre_commit", "try-repo", str(project),
                           "lintreport", *args], cwd=repo, capture_output=True, text=True,
                          env={**os.environ, **GIT, "PRE_COMMIT_HOME": str(home)}, timeout=900, check=False)
    assert "An unexpected error" not in proc.stdout + proc.stderr, proc.stdout + proc.stderr
    assert "InvalidManifestError" not in proc.stdout, proc.stdout
    return proc


def _reports_repo(tmp_path):
    repo = tmp_path / "reports-repo"
    (repo / "reports").mkdir(parents=True)
    shutil.copy(SEEDS[2], repo / "reports" / "曹回镇.txt")
    (repo / "data.csv").write_text("镇,件数\n曹回镇,3\n", encoding="utf-8")
    git(repo, "init", "-q")
    git(repo, "add", ".")
    return repo


def test_hook_fails_the_commit_on_findings(hook_repo, tmp_path):
    repo = _reports_repo(tmp_path)
    proc = try_repo(hook_repo, repo)
    assert proc.returncode == 1
    assert "Failed" in proc.stdout and "reports/曹回镇.txt" in proc.stdout
    assert "S004" in proc.stdout and "data.csv" not in proc.stdout


def test_hook_passes_a_clean_report_and_skips_other_files(hook_repo, tmp_path):
    repo = _reports_repo(tmp_path)
    # the repository's own configuration is found by the hook: only the title rule here
    (repo / ".lintreport.yaml").write_text("select: [M001]\n", encoding="utf-8")
    git(repo, "add", ".")
    proc = try_repo(hook_repo, repo, "reports/曹回镇.txt")
    assert proc.returncode == 0 and "Passed" in proc.stdout, proc.stdout
    proc = try_repo(hook_repo, repo, "data.csv")
    assert proc.returncode == 0 and "Skipped" in proc.stdout
