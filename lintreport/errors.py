"""Errors that end the linting of one file or of the whole run, with a message for people."""


class LintreportError(Exception):
    """Base class: its message is shown to the user as it is, on one line."""


class InputError(LintreportError):
    """A file that cannot be read as a report (missing, unsupported, corrupt, too large)."""


class ConfigError(LintreportError):
    """A checklist or configuration file that is not valid; names the file, rule and key."""
