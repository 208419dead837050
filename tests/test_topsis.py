"""crmadvisor's TOPSIS against pymcdm's reference implementation, and its degenerate cases."""

from __future__ import annotations

from functools import cache
from typing import Any

import numpy as np
import pytest

from crmadvisor.model.robustness import topsis

CASES = 50

# pymcdm warns about dominant alternatives; that is the case it is compared on, not a problem
pytestmark = pytest.mark.filterwarnings("ignore:Alternatives with indices:UserWarning")


def random_case(seed: int) -> tuple[np.ndarray, np.ndarray]:
    """3-12 alternatives x 2-10 criteria, values 0-5, positive weights summing to 1, no constant column."""
    rng = np.random.default_rng(seed)
    rows, cols = int(rng.integers(3, 13)), int(rng.integers(2, 11))
    while True:
        matrix = rng.uniform(0.0, 5.0, size=(rows, cols))
        if seed % 2:  # every other case on whole ratings 0-5, as the vendor ratings are
            matrix = np.round(matrix)
        if (np.ptp(matrix, axis=0) > 0).all():
            break
    weights = rng.uniform(0.05, 1.0, size=cols)
    return matrix, weights / weights.sum()


@cache
def reference_topsis() -> Any:
    """A maker of pymcdm's TOPSIS on vector-normalised columns, imported when first used: pymcdm imports
    matplotlib.pyplot and more (1.5 s), which each pytest-xdist worker would otherwise pay while collecting."""
    from pymcdm.methods import TOPSIS
    from pymcdm.normalizations import vector_normalization

    return lambda: TOPSIS(normalization_function=vector_normalization)


def ranking(values: np.ndarray) -> list[int]:
    """Indices best first, ties broken by position (as the cross-check does)."""
    return sorted(range(len(values)), key=lambda i: (-round(float(values[i]), 9), i))


@pytest.mark.parametrize("seed", range(CASES))
def test_topsis_matches_pymcdm(seed: int) -> None:
    matrix, weights = random_case(seed)
    ours = topsis(matrix, weights)
    reference = reference_topsis()()(matrix, weights, np.ones(matrix.shape[1]))
    assert ours.shape == (matrix.shape[0],)
    assert np.allclose(ours, reference)
    assert ranking(ours) == ranking(reference)


def test_a_zero_column_gives_no_nan() -> None:
    matrix = np.array([[0.0, 3.0, 1.0], [0.0, 5.0, 2.0], [0.0, 1.0, 4.0]])
    weights = np.array([0.5, 0.3, 0.2])
    closeness = topsis(matrix, weights)
    assert not np.isnan(closeness).any()
    assert ((closeness >= 0) & (closeness <= 1)).all()
    # the zero column contributes nothing: same result as without it
    reduced = topsis(matrix[:, 1:], weights[1:])
    assert np.allclose(closeness, reduced)


def test_an_all_zero_matrix_gives_no_nan() -> None:
    closeness = topsis(np.zeros((4, 3)), np.full(3, 1 / 3))
    assert not np.isnan(closeness).any()
    assert ((closeness >= 0) & (closeness <= 1)).all()


@pytest.mark.parametrize("value", [0.0, 2.0, 5.0])
def test_all_rows_equal_gives_no_nan(value: float) -> None:
    matrix = np.full((5, 4), value)
    closeness = topsis(matrix, np.full(4, 0.25))
    assert not np.isnan(closeness).any()
    assert ((closeness >= 0) & (closeness <= 1)).all()
    assert len(set(closeness.tolist())) == 1  # equal alternatives, equal closeness


def test_a_row_best_on_every_criterion_is_1_and_worst_is_0() -> None:
    matrix = np.array([[5.0, 4.0, 3.0], [2.0, 2.0, 2.0], [1.0, 0.0, 1.0]])
    closeness = topsis(matrix, np.array([0.2, 0.3, 0.5]))
    assert closeness[0] == pytest.approx(1.0)
    assert closeness[2] == pytest.approx(0.0)
    assert 0 < closeness[1] < 1
