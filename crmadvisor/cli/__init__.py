"""The command line (entered through `crmadvisor.start:main`): parsing only; each command's work is in
crmadvisor/workflow/."""

from __future__ import annotations

from crmadvisor.cli.commands import app, main

__all__ = ["app", "main"]
