"""lintreport: a linter for Chinese annual reports on rule-of-law government building."""
__version__ = "0.1.0"


def lint(paths, config=None, **kwargs):
    """Lint reports (files or folders); see lintreport.engine.lint."""
    from .engine import lint as _lint
    return _lint(paths, config, **kwargs)


def lint_text(text, config=None, **kwargs):
    """Lint one report given as text; see lintreport.engine.lint_text."""
    from .engine import lint_text as _lint_text
    return _lint_text(text, config, **kwargs)
