"""Reference exchange rates: the shipped table (rates/ecb.yaml) or the file given with `--rates`."""

from __future__ import annotations

import functools
from pathlib import Path

from crmadvisor.load import yamlsource
from crmadvisor.load.discover import load_file, shipped_dir
from crmadvisor.load.located import validate
from crmadvisor.model.schema import RatesFile


def rates_path() -> Path:
    return shipped_dir("rates") / "ecb.yaml"


@functools.cache
def shipped_rates() -> RatesFile:
    model = validate(RatesFile, yamlsource.read(rates_path()))
    return model


def load_rates(path: Path | None = None) -> RatesFile:
    """The rates in `path`, else the shipped table; an invalid file is an `InputError`."""
    if path is None:
        return shipped_rates()
    model = load_file(path, "rates").model
    assert isinstance(model, RatesFile)
    return model


def currencies(rates: RatesFile) -> frozenset[str]:
    return frozenset({rates.base, *rates.rates})
