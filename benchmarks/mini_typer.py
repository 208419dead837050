"""The smallest typer app shaped like crmadvisor: a group (callback) with one command `version`.

Start-up anchor: `python benchmarks/mini_typer.py version` and `... --help`. The callback makes
typer keep the command as a subcommand, as in crmadvisor (with a single command and no callback,
typer would run it directly and refuse the word `version`).
"""

import typer

app = typer.Typer(add_completion=False)


@app.callback()
def root() -> None:
    """Anchor app."""


@app.command()
def version() -> None:
    """Print the version."""
    print("mini 0.0.0")


if __name__ == "__main__":
    app()
