"""Moved to lintreport.hanzi (three modules were named text.py); this name stays until the
modules that still import it are updated."""
from .hanzi import *  # noqa: F401,F403
