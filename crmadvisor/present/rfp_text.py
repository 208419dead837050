"""The RFP's requirements and demo scripts as Markdown or HTML: one list of blocks, rendered by either."""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

from crmadvisor.model.rfp import Change
from crmadvisor.present.labels import Labels
from crmadvisor.present.rfp import Rfp
from crmadvisor.words import words


@dataclass(frozen=True, slots=True)
class _Block:
    kind: str  # "h1", "h2", "p", "table"
    text: str = ""
    head: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()


def _blocks(rfp: Rfp) -> list[_Block]:
    w = rfp.w
    col = w.section("rfp.col")
    blocks = [_Block("h1", rfp.title), _Block("p", rfp.intro), _Block("h2", w["rfp.md.requirements"])]
    blocks.append(
        _Block(
            "table",
            head=(col["capability"], col["need"], col["must_have"], col["requirement"], col["reason"]),
            rows=tuple(
                (r.name, str(r.need), w["rfp.yes"] if r.must_have else "", r.requirement, r.reason)
                for r in rfp.requirements
            ),
        )
    )
    blocks.append(_Block("h2", w["rfp.sheet.constraints"]))
    blocks.append(_Block("table", head=(col["constraint"], col["wanted"]), rows=tuple(rfp.constraints)))
    for part in rfp.vendors:
        blocks += [_Block("h2", w("rfp.md.demo", vendor=part.name)), _Block("p", w["rfp.md.demo_intro"])]
        if part.configuration:
            blocks.append(_Block("p", part.configuration))
        if not part.demo:
            blocks.append(_Block("p", w["rfp.md.none"]))
            continue
        blocks.append(
            _Block(
                "table",
                head=(col["order"], col["capability"], col["why"], col["scenario"], col["look_for"], col["score"]),
                rows=tuple((str(d.order), d.name, d.why, d.scenario, d.look_for, "__ / 5") for d in part.demo),
            )
        )
    blocks.append(_Block("h2", w["rfp.md.rubric"]))
    blocks.append(
        _Block(
            "table",
            head=(col["level"], col["label"], col["meaning"]),
            rows=tuple((str(level), label, meaning) for level, label, meaning in rfp.rubric),
        )
    )
    return blocks


def _md_cell(text: str) -> str:
    return " ".join(text.replace("\\", "\\\\").replace("|", "\\|").split())


def _md_row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(_md_cell(c) for c in cells) + " |"


def rfp_markdown(rfp: Rfp) -> str:
    out: list[str] = []
    for b in _blocks(rfp):
        if b.kind == "table":
            out += [_md_row(b.head), "|" + "---|" * len(b.head), *(_md_row(r) for r in b.rows), ""]
        else:
            prefix = {"h1": "# ", "h2": "## ", "p": ""}[b.kind]
            out += [prefix + " ".join(b.text.split()), ""]
    return "\n".join(out)


_STYLE = (
    "body{font-family:system-ui,sans-serif;max-width:75rem;margin:2rem auto;padding:0 1rem;line-height:1.4}"
    "table{border-collapse:collapse;width:100%;margin-bottom:1.5rem}"
    "th,td{border:1px solid #9aa3ae;padding:.35rem .5rem;vertical-align:top;text-align:left}"
    "th{background:#1f3a5f;color:#fff}@media print{h2{break-before:auto}tr{break-inside:avoid}}"
)


def rfp_html(rfp: Rfp) -> str:
    e = html.escape
    out = [f'<!doctype html><html lang="{e(rfp.lang)}"><head><meta charset="utf-8">']
    out.append(f"<title>{e(rfp.title)}</title><style>{_STYLE}</style></head><body>")
    for b in _blocks(rfp):
        if b.kind == "table":
            head = "".join(f"<th>{e(h)}</th>" for h in b.head)
            body = "".join("<tr>" + "".join(f"<td>{e(c)}</td>" for c in r) + "</tr>" for r in b.rows)
            out.append(f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")
        else:
            out.append(f"<{b.kind}>{e(b.text)}</{b.kind}>")
    out.append("</body></html>\n")
    return "\n".join(out)


def changes_text(found: Sequence[Change], labels: Labels, company: str) -> str:
    """Each re-rated vendor's rank on desk research and now, and the ratings that moved, with their provenance."""
    w = words(labels.lang)
    lines = [w("rfp.changed.title", company=company)]
    for change in found:
        before, after = (w["rfp.changed.out"] if r is None else str(r) for r in (change.before, change.after))
        lines.append(w("rfp.changed.vendor", vendor=labels.vendor(change.vendor), before=before, after=after))
        for cap, desk, rating, why in change.ratings:
            date = why.date.isoformat()
            said = (
                w("rfp.changed.demo", date=date, by=why.by or "?")
                if why.kind == "demo"
                else w("rfp.changed.declared", date=date)
            )
            shown = w["rfp.not_rated"] if desk is None else str(desk)
            lines.append(
                w("rfp.changed.rating", capability=labels.capability(cap), desk=shown, rating=rating, why=said)
            )
    return "\n".join(lines) + "\n"
