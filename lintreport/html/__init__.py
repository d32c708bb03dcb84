"""HTML pieces shared by the review page (`lintreport review`) and the drafter's page
(`lintreport serve`): escaping, the shared styles and script, one report's page.

Below both in the layers: neither imports the other for these.
"""
from __future__ import annotations

import html
from importlib import resources


def esc(text) -> str:
    return html.escape(str(text), quote=True)


def asset(name: str) -> str:
    """A shared static file (review.css, review.js) as text."""
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
