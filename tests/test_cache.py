"""The checked catalogue kept between runs (crmadvisor/load/cache.py): used only for the files it was
built from, never a reason for a command to fail, off with CRMADVISOR_CACHE=0."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import EXAMPLES, SHIPPED_VENDORS, TODAY, run


def assess(vendors: Path, cache: Path, **env: str) -> str:
    ran = run(
        "assess",
        "--answers",
        EXAMPLES / "industrial-supplier.yaml",
        "--vendors",
        vendors,
        "--no-shipped-vendors",  # the folder's vendors only: the one a test changes is always shown
        "--today",
        TODAY,
        "--summary",
        "--draws",  # the catalogue is what is kept: the robustness analysis has nothing to do with it
        "0",
        "--lang",
        "en",
        env={"CRMADVISOR_CACHE_DIR": str(cache), "COLUMNS": "200", **env},
    )
    assert ran.code == 0, ran.stderr
    return ran.stdout


def test_a_second_run_reads_the_kept_catalogue_and_says_the_same(tmp_path: Path) -> None:
    cache, vendors = tmp_path / "cache", tmp_path / "vendors"
    vendors.mkdir()
    shutil.copy(SHIPPED_VENDORS / "zoho-crm.yaml", vendors)
    first = assess(vendors, cache)
    kept = list(cache.glob("catalog-*.pickle"))
    assert len(kept) == 1
    assert assess(vendors, cache) == first
    assert list(cache.glob("catalog-*.pickle")) == kept


def test_a_changed_vendor_file_is_read_again(tmp_path: Path) -> None:
    cache, vendors = tmp_path / "cache", tmp_path / "vendors"
    vendors.mkdir()
    shutil.copy(SHIPPED_VENDORS / "zoho-crm.yaml", vendors)
    assert "Zoho CRM" in assess(vendors, cache)
    text = (vendors / "zoho-crm.yaml").read_text(encoding="utf-8")
    (vendors / "zoho-crm.yaml").write_text(text.replace("name: Zoho CRM\n", "name: Zoho Renamed\n", 1), "utf-8")
    after = assess(vendors, cache)
    assert "Zoho Renamed" in after or "Zoho CRM" not in after
    assert len(list(cache.glob("catalog-*.pickle"))) == 2


def test_a_broken_or_unwritable_cache_never_fails_a_command(tmp_path: Path) -> None:
    cache, vendors = tmp_path / "cache", tmp_path / "vendors"
    vendors.mkdir()
    shutil.copy(SHIPPED_VENDORS / "zoho-crm.yaml", vendors)
    first = assess(vendors, cache)
    for entry in cache.glob("catalog-*.pickle"):
        entry.write_bytes(b"not a pickle")
    assert assess(vendors, cache) == first
    blocked = tmp_path / "a-file"
    blocked.write_text("a file where the cache folder should be", encoding="utf-8")
    assert assess(vendors, blocked) == first


def test_the_cache_can_be_turned_off(tmp_path: Path) -> None:
    cache, vendors = tmp_path / "cache", tmp_path / "vendors"
    vendors.mkdir()
    shutil.copy(SHIPPED_VENDORS / "zoho-crm.yaml", vendors)
    assess(vendors, cache, CRMADVISOR_CACHE="0")
    assert not cache.exists()
