"""JSON Schemas of the files users write, for editors and other tools."""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel

from crmadvisor.model.schema import Answers, Vendor

_MODELS: dict[str, type[BaseModel]] = {"vendor": Vendor, "answers": Answers}

# What format 2 means, where an editor shows it (docs/vendor-format.md): JSON pointer -> description
_VENDOR_WORDS = {
    "": (
        "A crmadvisor vendor profile. Format 2 (`format: 2`): the editions sold, cheapest first, each with "
        "its list price; separately licensed add-ons and the capabilities they raise; each capability "
        "rated for every edition (`rating`) or per edition (`by_edition`). A file without `format` is "
        "format 1 (one `price_from`), loaded as a single edition. Reference: docs/vendor-format.md."
    ),
    "/properties/format": "2 for editions and add-ons; absent or 1: format 1, loaded as one edition (validate warns).",
    "/properties/editions": "Format 2: every edition sold, cheapest first (at least one).",
    "/properties/add_ons": (
        "Format 2: separately licensed products or options. A capability that only such a product provides "
        "is an add-on, never a native rating."
    ),
    "/properties/price_from": "Format 1 only: the lowest published price.",
    "/properties/pricing_note": "Format 1 only: what the price covers.",
    "/properties/ratings": "Every capability of the criteria, once: `rating` or `by_edition`, with evidence.",
    "/$defs/CapabilityRating/properties/rating": "0-5, holding for every edition.",
    "/$defs/CapabilityRating/properties/by_edition": "Format 2: edition id -> 0-5, every edition rated.",
    "/$defs/CapabilityRating/properties/unverified": "No public source found: say so here, not in the evidence.",
    "/$defs/Edition/properties/price": "The list price; absent: sold on quote (say so in `price_note`).",
    "/$defs/Edition/properties/price_note": "Required when the price is absent or 0: why.",
    "/$defs/Edition/properties/min_users": "The fewest licences sold.",
    "/$defs/Edition/properties/max_users": (
        "The most users the edition is sold for (a free plan for two users, say);"
        " a team larger than every edition's limit excludes the vendor."
    ),
    "/$defs/Edition/properties/as_of": "The day the price was read.",
    "/$defs/AddOn/properties/requires": "The edition ids it can be added to; absent: every edition.",
    "/$defs/AddOn/properties/raises": "Capability id -> its rating (0-5) with the add-on.",
    "/$defs/AddOn/properties/price_note": "Required when the price is absent or 0: why.",
    "/$defs/ListPrice/properties/currency": "ISO 4217 code the rates table knows (EUR, the ECB reference currencies).",
    "/$defs/ListPrice/properties/per": "user_month: per licensed user a month; org_month: per organisation a month.",
    "/$defs/ListPrice/properties/billing": "The billing period this list price is for.",
}


def json_schema(kind: str) -> str:
    if kind == "report":
        from crmadvisor.present.view import report_schema_text

        return report_schema_text()
    doc = _MODELS[kind].model_json_schema()
    if kind == "vendor":
        doc = _vendor_format_2(doc)
    doc = {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": f"crmadvisor {kind} file", **doc}
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def _vendor_format_2(doc: dict[str, Any]) -> dict[str, Any]:
    """The rules of format 2 the models check in code, said in the schema: a rating is `rating` or
    `by_edition`, never both; format 2 has `editions` and no format 1 keys, format 1 no format 2 keys."""
    for pointer, text in _VENDOR_WORDS.items():
        node = doc
        for part in pointer.split("/")[1:]:
            node = node[part]
        node["description"] = text
    doc["$defs"]["CapabilityRating"]["oneOf"] = [
        {"required": ["rating"], "properties": {"rating": {"type": "integer"}}},
        {"required": ["by_edition"], "properties": {"by_edition": {"type": "object", "minProperties": 1}}},
    ]
    doc["if"] = {"required": ["format"], "properties": {"format": {"const": 2}}}
    doc["then"] = {"required": ["editions"], "properties": {"price_from": False, "pricing_note": False}}
    doc["else"] = {"properties": {"editions": False, "add_ons": False}}
    return doc
