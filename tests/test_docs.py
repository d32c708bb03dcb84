"""Generated documentation stays in step with the rules; docs name every command."""
from __future__ import annotations

from lintreport.docgen import render, render_kinds

from tests.conftest import ROOT


def test_rule_reference_is_current():
    committed = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert committed == render(), "run: python -m lintreport.docgen > docs/rules.md"


def test_check_kind_reference_is_current():
    committed = (ROOT / "docs" / "check-kinds.md").read_text(encoding="utf-8")
    assert committed == render_kinds(), "run: python -m lintreport.docgen kinds > docs/check-kinds.md"


def test_every_check_kind_and_option_is_in_the_kind_reference():
    from lintreport import checks
    text = render_kinds()
    for name, kind in checks.load_all().items():
        assert f"## `{name}`" in text
        assert all(f"`{key}`" in text for key in kind.options)


def test_every_rule_is_in_the_reference():
    from lintreport import checklist as cl
    text = render()
    for rule in cl.load("township").rules:
        assert f"### {rule.id}" in text and rule.source in text


def test_readme_opens_with_the_two_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    install = "python3 -m venv .venv && .venv/bin/pip install . && .venv/bin/lintreport check fixtures/"
    tests = ("python3 -m venv .venv && .venv/bin/pip install -e '.[test]' && "
             ".venv/bin/python -m pytest")
    assert install in readme and tests in readme
    assert readme.index(install) < readme.index(tests) < readme.index("## 常用用法")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert tests in ci, ".ci/run runs exactly the README's test command"


def test_docs_do_not_install_an_unpublished_package():
    """lintreport is not on PyPI: docs install it from the repository or a path."""
    import re
    for path in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"pip install\s+lintreport(?![\w./@-])", text), path.name
