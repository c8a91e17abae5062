"""The ``simulate`` command: one module per subcommand."""
