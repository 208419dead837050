"""Layering: the decision model depends on no I/O or UI library, and the CLI starts without its heavy parts."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import crmadvisor

PACKAGE = Path(crmadvisor.__file__).resolve().parent
MODEL_FILES = sorted((PACKAGE / "model").glob("*.py"))
FORBIDDEN_IN_MODEL = ("crmadvisor.load", "crmadvisor.present", "yaml", "rich", "typer", "questionary")


def imported_modules(source: str, package: str) -> set[str]:
    """Every module some source imports, at any depth (functions, TYPE_CHECKING blocks), relative ones resolved
    from `package` (the dotted package the file is in)."""
    parts = package.split(".")
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = parts[: len(parts) - node.level + 1]
                base = ".".join(parent + ([base] if base else []))
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)  # `from pkg import module`
    return found


def forbidden(modules: set[str]) -> list[str]:
    return sorted(m for m in modules for p in FORBIDDEN_IN_MODEL if m == p or m.startswith(p + "."))


def test_the_model_package_has_its_files() -> None:
    names = {p.name for p in MODEL_FILES}
    assert {"schema.py", "profile.py", "needs.py", "fit.py", "robustness.py", "assessment.py"} <= names


@pytest.mark.parametrize("path", MODEL_FILES, ids=lambda p: p.name)
def test_the_model_imports_no_loader_presenter_or_ui_library(path: Path) -> None:
    modules = imported_modules(path.read_text(encoding="utf-8"), "crmadvisor.model")
    assert forbidden(modules) == [], f"{path.name} imports {forbidden(modules)}"


def test_the_import_check_sees_nested_relative_and_from_imports() -> None:
    source = (
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n"
        "    import rich.console\n"
        "def later():\n"
        "    from ..load import catalog\n"
        "    from crmadvisor import present\n"
        "    import yaml as y\n"
        "from . import fit\n"
    )
    modules = imported_modules(source, "crmadvisor.model")
    assert "crmadvisor.model.fit" in modules
    assert forbidden(modules) == [
        "crmadvisor.load",
        "crmadvisor.load.catalog",
        "crmadvisor.present",
        "rich.console",
        "yaml",
    ]


def test_importing_the_cli_loads_no_heavy_module() -> None:
    code = "import json, sys; import crmadvisor.cli; print(json.dumps(sorted(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=30, check=True)
    loaded = set(json.loads(done.stdout))
    assert "crmadvisor.cli" in loaded
    heavy = [m for m in ("questionary", "numpy", "rich.console", "crmadvisor.model.robustness") if m in loaded]
    assert heavy == [], f"`import crmadvisor.cli` imports {heavy}"


@pytest.mark.parametrize("path", sorted((PACKAGE / "present").rglob("*.py")), ids=lambda p: p.name)
def test_the_presenters_never_import_the_questionnaire(path: Path) -> None:
    package = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts[:-1])
    modules = imported_modules(path.read_text(encoding="utf-8"), package)
    questionnaire = ("crmadvisor.ask", "crmadvisor.prompts", "crmadvisor.loyalty_prompts", "questionary")
    assert [m for m in modules if m.startswith(questionnaire)] == []


def test_the_model_is_forbidden_the_presenters() -> None:
    assert forbidden({"crmadvisor.present.view", "crmadvisor.present"}) == [
        "crmadvisor.present",
        "crmadvisor.present.view",
    ]


def test_a_json_report_imports_neither_rich_nor_jinja2(tmp_path: Path) -> None:
    # the repository's examples: CI tests the installed wheel, where PACKAGE.parent is site-packages
    answers = Path(__file__).resolve().parents[1] / "examples" / "answers" / "online-retailer.yaml"
    code = (
        "import json, sys\n"
        "from crmadvisor.cli import app\n"
        "try:\n"
        f"    app(['assess', '--answers', {str(answers)!r}, '--draws', '20', '-o', {str(tmp_path / 'r.json')!r}],"
        " standalone_mode=False)\n"
        "except SystemExit as done:\n"
        "    assert done.code in (0, None), done.code\n"
        "print(json.dumps(sorted(sys.modules)), file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    loaded = {m.split(".")[0] for m in json.loads(done.stderr.splitlines()[-1])}
    assert (tmp_path / "r.json").is_file()
    assert {"rich", "jinja2", "matplotlib"} & loaded == set()


def test_every_format_choice_of_the_command_line_has_its_renderer() -> None:
    from crmadvisor.cli.options import DataFormat, ProblemFormat, ReportFormat
    from crmadvisor.present.audit import FORMATS as AUDIT_FORMATS
    from crmadvisor.present.outputs import RENDERERS
    from crmadvisor.present.problems import FORMATS as PROBLEM_FORMATS
    from crmadvisor.present.questions import FORMATS as QUESTION_FORMATS

    assert {f.value for f in ProblemFormat} == PROBLEM_FORMATS.keys() == AUDIT_FORMATS.keys()
    assert {f.value for f in DataFormat} == QUESTION_FORMATS.keys()
    assert {f.value for f in ReportFormat} == RENDERERS.keys() - {"terminal"}


def test_the_command_runs_with_the_garbage_collector_on_its_start_up_objects_set_aside_and_blas_on_one_thread(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The entry point pauses the cyclic collector only while the modules load: a command that runs long
    (a questionnaire, validate over many files) still has its cyclic garbage collected."""
    import gc

    from crmadvisor import start
    from crmadvisor.cli import commands

    seen: dict[str, object] = {}
    monkeypatch.setattr(
        commands, "main", lambda: seen.update(on=gc.isenabled(), frozen=gc.get_freeze_count(), first=gc.get_threshold())
    )
    monkeypatch.setenv("OPENBLAS_NUM_THREADS", "")  # recorded, so that the test leaves it as it was
    monkeypatch.delenv("OPENBLAS_NUM_THREADS")
    monkeypatch.setenv("MKL_NUM_THREADS", "3")  # the user's own setting stays
    threshold = gc.get_threshold()
    try:
        start.run()
    finally:
        gc.unfreeze()
        gc.set_threshold(*threshold)
    assert seen["on"] is True
    assert isinstance(seen["frozen"], int) and seen["frozen"] > 1000
    assert seen["first"] == (start.FIRST_GENERATION, threshold[1], threshold[2])
    assert os.environ["OPENBLAS_NUM_THREADS"] == "1" and os.environ["MKL_NUM_THREADS"] == "3"


@pytest.mark.parametrize(
    ("argv", "code", "printed"),
    [(["--version"], 0, "crmadvisor "), (["validate", "no-such-folder"], 2, "no-such-folder")],
)
def test_the_command_leaves_with_its_exit_code_its_output_flushed_and_the_atexit_handlers_run(
    tmp_path: Path, argv: list[str], code: int, printed: str
) -> None:
    """The entry point skips the interpreter's teardown (os._exit), not what an exit must do."""
    script = (
        "import atexit, sys\n"
        "atexit.register(lambda: print('atexit handler ran', file=sys.stderr))\n"
        f"sys.argv = ['crmadvisor', *{argv!r}]\n"
        "from crmadvisor.start import main\n"
        "main()\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=tmp_path, timeout=60)
    assert done.returncode == code
    assert printed in done.stdout + done.stderr
    assert done.stderr.rstrip().endswith("atexit handler ran")
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize(
    "module",
    [
        *(f"cli/{name}.py" for name in ("commands", "vendors", "rfp")),
        *(f"model/{name}.py" for name in ("schema", "vendor_schema", "loyalty_schema")),
    ],
)
def test_annotations_read_at_each_start_are_objects_not_strings_to_evaluate(module: str) -> None:
    """typer builds every command, and pydantic every model class, at each start: string annotations
    (`from __future__ import annotations`) would be compiled and evaluated one by one (the three schema
    modules: 208 fields, 15-20 ms of each command)."""
    tree = ast.parse((PACKAGE / module).read_text(encoding="utf-8"))
    future = [n for n in tree.body if isinstance(n, ast.ImportFrom) and n.module == "__future__"]
    assert not future, f"{module}: from __future__ import annotations"
