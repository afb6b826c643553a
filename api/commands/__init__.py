"""`kg` sub-commands grouped by concern; each module attaches its commands to `api.cli.app`."""
