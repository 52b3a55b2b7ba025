"""The `mpcheck` command line: one module per subcommand under mpcheck.cli.commands."""
