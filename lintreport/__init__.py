"""lintreport: a linter for Chinese annual reports on rule-of-law government building."""
from .version import VERSION as __version__  # noqa: F401 - the package's public version


def lint(paths, config=None, **kwargs):
    """Lint reports (files or folders); see lintreport.engine.lint."""
    from .engine import lint as run
    return run(paths, config, **kwargs)


def lint_text(text, config=None, **kwargs):
    """Lint one report given as text; see lintreport.engine.lint_text."""
    from .engine import lint_text as run
    return run(text, config, **kwargs)
