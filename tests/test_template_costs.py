"""The sizes worked out before a template step runs are upper bounds of what Python then builds: a
width or precision, however written, can never slip past the check (hypothesis properties)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from crmadvisor.present.template_costs import format_size, printf_size

# A number's own digits are not counted ahead (it is at most 30,000 digits, checked after): the
# properties allow a number this many characters, far below any width that matters.
NUMBER = 400
texts = st.text(max_size=30)
integers = st.integers(-(10**30), 10**30)
floats = st.floats(allow_nan=False, allow_infinity=False)
widths = st.one_of(st.just(""), st.integers(0, 60).map(str))
precisions = st.one_of(st.just(""), st.integers(0, 40).map(lambda n: f".{n}"))


@st.composite
def printf_case(draw: st.DrawFn) -> tuple[str, tuple[object, ...]]:
    pieces: list[str] = []
    values: list[object] = []
    for _ in range(draw(st.integers(0, 4))):
        pieces.append(draw(st.text(alphabet="ab -", max_size=5)))
        flags = draw(st.text(alphabet="#0- +", max_size=3))
        conversion = draw(st.sampled_from("sdixXofeEgG"))
        pieces.append(f"%{flags}{draw(widths)}{draw(precisions)}{conversion}")
        values.append(draw(texts if conversion == "s" else integers if conversion in "dixXo" else floats))
    return "".join(pieces), tuple(values)


@given(printf_case())
def test_printf_size_bounds_what_percent_formatting_builds(case: tuple[str, tuple[object, ...]]) -> None:
    template, values = case
    numbers = sum(1 for v in values if not isinstance(v, str))
    assert len(template % values) <= printf_size(template, values) + NUMBER * numbers


@st.composite
def format_case(draw: st.DrawFn) -> tuple[str, tuple[object, ...]]:
    pieces: list[str] = []
    values: list[object] = []
    for _ in range(draw(st.integers(0, 4))):
        pieces.append(draw(st.text(alphabet="ab -", max_size=5)))
        align = draw(st.sampled_from(["", "<", ">", "^", "*>", "x^"]))
        is_text = draw(st.booleans())
        sign = "" if is_text else draw(st.sampled_from(["", "+", "-", " "]))
        kind = "s" if is_text else draw(st.sampled_from(["", "f", "e", "g", "%"]))
        grouping = "" if is_text else draw(st.sampled_from(["", ",", "_"]))
        spec = f"{align}{sign}{draw(widths)}{grouping}{draw(precisions)}{kind}"
        pieces.append("{:" + spec + "}" if spec else "{}")
        values.append(draw(texts) if is_text else draw(st.floats(-1e30, 1e30)))
    return "".join(pieces), tuple(values)


@given(format_case())
def test_format_size_bounds_what_str_format_builds(case: tuple[str, tuple[object, ...]]) -> None:
    template, values = case
    texts_size = sum(len(v) for v in values if isinstance(v, str))
    assert len(template.format(*values)) <= format_size(template) + texts_size + NUMBER * len(values)


def test_a_width_taken_from_an_argument_is_counted_as_too_much() -> None:
    assert format_size("{:>{width}}") >= 10**12
    assert printf_size("%*d", (10**9, 1)) >= 10**12
