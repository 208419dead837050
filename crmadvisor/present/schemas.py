"""JSON Schemas of the files users write, for editors and other tools."""

from __future__ import annotations

import json

from pydantic import BaseModel

from crmadvisor.model.schema import Answers, Vendor

_MODELS: dict[str, type[BaseModel]] = {"vendor": Vendor, "answers": Answers}


def json_schema(kind: str) -> str:
    if kind == "report":
        from crmadvisor.present.view import report_schema_text

        return report_schema_text()
    doc = _MODELS[kind].model_json_schema()
    doc = {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": f"crmadvisor {kind} file", **doc}
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
