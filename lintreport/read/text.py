"""Moved to lintreport.read.plain (the plain-text reader); this name stays for the modules
that still import `read.text.decode`."""
from .plain import BINARY, decode, read  # noqa: F401
