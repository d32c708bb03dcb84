"""Moved to lintreport.html.followup (shared by the review page and serve)."""
from ..html.followup import followup_table  # noqa: F401 - the old import path
