"""The subcommands of `lintreport`, one module per group of them, imported only when run
(cli.COMMANDS says which module holds which command)."""
