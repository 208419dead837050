"""The shipped report templates' compiled code, kept between runs in the cache folder (crmadvisor.load.cache:
`CRMADVISOR_CACHE=0` turns it off): Jinja2's parse and code generation is a tenth of a second a template.
"""

from __future__ import annotations

from pathlib import Path
from types import CodeType

from crmadvisor.files import NotRegular, TooLarge, read_bounded

SANDBOX = Path(__file__).with_name("jinja.py")  # the sandbox's options shape the compiled code


KEPT_TEMPLATES = 8  # code entries kept in the cache folder; the oldest go first


def kept_code_entry(source: str, autoescape: bool) -> Path | None:
    import hashlib
    import importlib.util

    import jinja2

    from crmadvisor.load.cache import folder

    where = folder()
    if where is None:
        return None
    digest = hashlib.sha256()
    for part in (source.encode("utf-8"), b"html" if autoescape else b"text", jinja2.__version__.encode()):
        digest.update(part + b"\0")
    digest.update(importlib.util.MAGIC_NUMBER + b"\0")
    try:
        digest.update(read_bounded(SANDBOX))
    except (OSError, ValueError):
        return None
    return where / f"template-{digest.hexdigest()}.code"


def read_code(entry: Path) -> CodeType | None:
    import marshal

    try:
        code = marshal.loads(read_bounded(entry))  # our own file, written below from our own compile
    except (OSError, ValueError, EOFError, TypeError, NotRegular, TooLarge):
        return None
    return code if isinstance(code, CodeType) else None


def keep_code(entry: Path, code: CodeType) -> None:
    import marshal

    from crmadvisor.errors import OutputError
    from crmadvisor.files import atomic_write_bytes

    try:
        atomic_write_bytes(entry, marshal.dumps(code))
        kept = sorted(entry.parent.glob("template-*.code"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in kept[KEPT_TEMPLATES:]:
            old.unlink(missing_ok=True)
    except (OSError, ValueError, OutputError):
        pass
