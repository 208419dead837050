"""A vendor's sources as a reader meets them: grouped by site, each page with a short title read from its
address, and whether the site is the vendor's own (the audit's rule, crmadvisor/model/audit.py).

No page is fetched: a title is the address's last meaningful segment humanised ("lead_scoring.html" ->
"Lead scoring"), with the kind of page when the address says it (API reference, pricing, help centre).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from urllib.parse import parse_qsl, unquote, urlsplit

from crmadvisor.model.audit import SourceKind, host_of, source_kind
from crmadvisor.present.view import SourceLink, SourceSite
from crmadvisor.words import Words

# path segments that say nothing about the page: languages, versions, folders every site has
_LOCALE = re.compile(r"^[a-z]{2}([-_][a-z]{2,4})?$", re.IGNORECASE)
_VERSION = re.compile(r"^(v\d+(\.[\dx]+)*|\d+([.-][\dx]+)+)$", re.IGNORECASE)
_HASH = re.compile(r"^[0-9a-f]{16,}$", re.IGNORECASE)
_EMPTY = {"index", "default", "home", "hc", "content", "apex", "open", "page", "s", "en", "ba-p", "wiki", "ver"}
_EXTENSIONS = re.compile(r"\.(html?|php|aspx?|jsp|pdf|md)$", re.IGNORECASE)
# technical prefixes of documentation file names, dropped before the words are read
_PREFIXES = ("sforce_api_objects_", "sforce_api_", "meta_", "object-", "connect_resources_", "cpq_api_", "loyalty_mgt_")
_QUERY_KEYS = ("title", "id", "p", "page", "topic")
_ACRONYMS = {
    "api": "API", "apis": "APIs", "crm": "CRM", "cpq": "CPQ", "cti": "CTI", "sla": "SLA", "gdpr": "GDPR",
    "sms": "SMS", "rest": "REST", "soap": "SOAP", "sdk": "SDK", "erp": "ERP", "ai": "AI", "kpi": "KPI",
    "b2b": "B2B", "b2c": "B2C", "eu": "EU", "us": "US", "uk": "UK", "faq": "FAQ", "faqs": "FAQs", "csv": "CSV",
    "voip": "VoIP", "sso": "SSO", "saml": "SAML", "ui": "UI", "rgpd": "RGPD", "sap": "SAP", "mql": "MQL", "sql": "SQL",
    "odata": "OData", "etls": "ETLs", "etl": "ETL", "dc": "DC", "id": "ID",
}  # fmt: skip
# words a documentation file name glues together ("opportunityhistory"), for splitting it back
_GLUED = (
    "opportunity", "history", "contact", "role", "account", "lead", "forecasting", "forecast", "fact",
    "hierarchy", "flattened", "activity", "reminder", "personaccounts", "person", "accounts", "translations",
    "guidelines", "proposal", "generate", "campaign", "member", "quote", "order", "invoice", "payment",
    "pipeline", "stage", "score", "scoring", "profile", "profiles", "segment", "journey", "loyalty",
    "linkedin", "sales", "navigator",
)  # fmt: skip


def _words(segment: str) -> list[str]:
    segment = _EXTENSIONS.sub("", unquote(segment))
    for prefix in _PREFIXES:
        segment = segment.removeprefix(prefix)
    segment = re.sub(r"^(\d{4}-\d{1,2}-\d{1,2}|\d+)-(?=\D)", "", segment)  # a date, an article: "360012-What-..."
    segment = re.sub(r"-\d{3,}$", "", segment)  # forum posts: "...-con-odoo-287568"
    segment = re.sub(r"([a-z])([A-Z])", r"\1 \2", segment)  # camelCase
    found: list[str] = []
    for word in re.split(r"[-_+.\s]+", segment):
        if found and word.isdigit() and len(word) <= 2 and re.fullmatch(r"\d{1,2}(\.\d{1,2})*", found[-1]):
            found[-1] += "." + word  # "bulk-api-2-0": version 2.0
        elif (word and not re.search(r"\d{6,}", word)) or word.isdigit():  # not an id glued to a word
            found += _unglued(word.lower())
    return found


def _unglued(word: str, shortest: int = 12) -> list[str]:
    """ "opportunityhistory" -> ["opportunity", "history"], when known words make up the whole of it."""
    if len(word) < shortest:
        return [word]
    for glued in sorted(_GLUED, key=len, reverse=True):
        if word.startswith(glued) and word != glued:
            rest = _unglued(word[len(glued) :], 0)
            if all(part in _GLUED for part in rest):
                return [glued, *rest]
    return [word]


def _meaningful(segment: str) -> bool:
    bare = _EXTENSIONS.sub("", unquote(segment)).lower()
    return bool(bare) and not (
        _LOCALE.match(bare) or _VERSION.match(bare) or _HASH.match(bare) or bare in _EMPTY or ".meta" in bare
    )


def _phrase(words: Sequence[str]) -> str:
    shown = [_ACRONYMS.get(w, w) for w in words]
    text = " ".join(shown)
    return text[:1].upper() + text[1:]


def _kind_of_page(url: str, w: Words) -> str:
    """The kind of page its path says (the site's name is shown beside it), or "" when it says none."""
    parts = {p.lower() for p in re.split(r"[/._-]+", urlsplit(url).path) if p}
    if parts & {"pricing", "prices", "price", "tarifs", "tarif", "prix", "plans"}:
        return w["report.page.pricing"]
    if parts & {"api", "reference", "references", "webhooks", "sdk"}:
        return w["report.page.api"]
    if parts & {"help", "support", "kb", "knowledge", "articles", "faq"}:
        return w["report.page.help"]
    if parts & {"blog", "news", "posts", "post"}:
        return w["report.page.blog"]
    return ""


def title_of(url: str, w: Words) -> str:
    """A short readable title for a page, from its address alone."""
    parts = urlsplit(url)
    segments = [s for s in parts.path.split("/") if _meaningful(s)]
    query = dict(parse_qsl(parts.query))
    given = next((query[k] for k in _QUERY_KEYS if re.search(r"[a-z]", query.get(k, ""), re.IGNORECASE)), "")
    words = _words(given) if given else []  # "HTViewHelpDoc?id=mktg.pardot_leadqual_grading_profiles.htm"
    numbered = ""
    while segments and not words:
        words = _words(segments.pop())
        if words and all(word.isdigit() for word in words):  # an article's number: its slug, else the number
            numbered, words = numbered or " ".join(words), []
    if numbered and len(words) < 3:
        words = []
    if not words and not numbered and (given := next((query[k] for k in _QUERY_KEYS if query.get(k)), "")):
        numbered = given  # "?p=3812"
    if not words and numbered:
        title = w("report.page.numbered", number=numbered)
    elif words:
        title = _phrase(words)
    else:
        title = w["report.page.home"]
    kind = _kind_of_page(url, w)
    if kind and kind.lower() not in title.lower():
        title = f"{title} ({kind})"
    return title


def source_sites(urls: Iterable[str], own: Sequence[str], w: Words) -> tuple[SourceSite, ...]:
    """The distinct sources by site: the vendor's own sites first, then third parties, each alphabetically;
    within a site, its pages by title (two pages of one title are told apart by their address's folder)."""
    by_host: dict[str, list[str]] = {}
    for url in urls:
        listed = by_host.setdefault(host_of(url), [])
        if url not in listed:
            listed.append(url)
    sites = []
    for host, found in by_host.items():
        kind = source_kind(found[0], own)
        titles = [title_of(url, w) for url in found]
        twice = {title for title in titles if titles.count(title) > 1}
        for i, url in enumerate(found):
            if titles[i] in twice:
                folder = [s for s in urlsplit(url).path.split("/") if _meaningful(s)][-2:-1]
                if folder and (words := _words(folder[0])):
                    titles[i] = f"{_phrase(words)} › {titles[i]}"
        links = tuple(
            sorted(
                (SourceLink(url=url, title=title) for url, title in zip(found, titles, strict=True)),
                key=lambda link: (link.title.casefold(), link.url),
            )
        )
        sites.append(
            SourceSite(host=host, kind=kind.value, kind_label=w[f"report.source_kind.{kind.value}"], links=links)
        )
    order = list(SourceKind)
    return tuple(sorted(sites, key=lambda s: (order.index(SourceKind(s.kind)), s.host)))
