"""The vocabulary: one table per language, the same keys and placeholders in both, and every command speaks both."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from crmadvisor.cli import app
from crmadvisor.present.template_words import FLAT_SECTIONS, template_words
from crmadvisor.words import LANGS, en, fr, placeholders, words

runner = CliRunner()
KEY = re.compile(r"[a-z][a-z0-9_]*(\.[a-z0-9_]+)+")


def test_both_languages_have_the_same_keys() -> None:
    assert set(en.WORDS) - set(fr.WORDS) == set(), "English words missing in French"
    assert set(fr.WORDS) - set(en.WORDS) == set(), "French words missing in English"


@pytest.mark.parametrize("key", sorted(en.WORDS))
def test_both_languages_fill_in_the_same_placeholders(key: str) -> None:
    assert placeholders(en.WORDS[key]) == placeholders(fr.WORDS[key])


def test_every_key_names_its_section() -> None:
    assert [k for k in en.WORDS if not KEY.fullmatch(k)] == []


def test_no_word_is_empty_or_left_in_the_other_language() -> None:
    assert [k for lang in LANGS for k, text in words(lang).items() if not text.strip()] == []

    def sentence(text: str) -> bool:  # more than a name, a code or placeholders
        bare = re.sub(r"\{[a-z_]*\}", "", text)
        return len(bare) > 12 and " " in bare.strip()

    same = {k for k in en.WORDS if en.WORDS[k] == fr.WORDS[k] and sentence(en.WORDS[k])}
    assert same == set(), "sentences left untranslated"


def test_a_table_cannot_be_changed_by_its_readers() -> None:
    w = words("en")
    with pytest.raises(TypeError):
        w.table["report.title"] = "x"  # type: ignore[index]
    assert words("de").lang == "en" and words("fr").lang == "fr"


@pytest.mark.parametrize("lang", LANGS)
def test_template_words_come_from_sections_that_never_give_the_same_name(lang: str) -> None:
    w = words(lang)
    seen: dict[str, str] = {}
    for section in FLAT_SECTIONS:
        for name in w.section(section):
            assert name not in seen, f"`{name}` is in both `{seen[name]}` and `{section}`"
            seen[name] = section
    flat = template_words(lang)
    assert flat["company"] == w["answers.company"] and flat["severity.major"] == w["severity.major"]


def test_company_name_is_worded_once() -> None:
    for lang in LANGS:
        w = words(lang)
        assert [k for k, text in w.items() if text == w["answers.company"]] == ["answers.company"]


def test_the_vendor_list_speaks_french(tmp_path: Path) -> None:
    result = runner.invoke(app, ["vendors", "list", "--lang", "fr"], catch_exceptions=False)
    assert result.exit_code == 0
    w = words("fr")
    count = w("vendors.list.title", count="").strip()
    assert count in result.stdout and w["vendors.list.reviewed"] in result.stdout
    english = runner.invoke(app, ["vendors", "list"], catch_exceptions=False).stdout
    assert words("en")("vendors.list.title", count="").strip() in english and count not in english
