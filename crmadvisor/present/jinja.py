"""Jinja2 for the reports: a sandbox whose templates run in bounded time, size and memory, with every
template mistake a located problem (`template.md:LINE`), never an internal error.

A consultancy's own template (`--template`) is code from outside: the stock sandbox keeps it from
Python's internals but not from `{{ 'a' * 10**10 }}` (tens of GB) or a loop that never ends. Here
each repetition, power, `%` or `format` width, padding, join and replacement is checked before it is
computed, every string a template builds (`~`, blocks, macros) is checked after, the output is
counted as it is produced, a wall-clock bound stops a long loop, and on Linux an address-space
limit is the backstop for what no check foresaw. jinja2 is imported only here, when a report is
rendered.
"""

from __future__ import annotations

import dataclasses
import difflib
import math
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, cast

from jinja2 import (
    BaseLoader,
    Environment,
    StrictUndefined,
    Template,
    TemplateError,
    TemplateNotFound,
    TemplateSyntaxError,
)
from jinja2.compiler import CodeGenerator, Frame
from jinja2.nodes import Concat, Const, Getattr, Getitem, Name, Node
from jinja2.runtime import Context, Undefined
from jinja2.sandbox import ImmutableSandboxedEnvironment, SandboxedEnvironment
from jinja2.utils import missing

from crmadvisor.errors import InputError, Problem
from crmadvisor.present.template_bounds import Limits, bounded_output, cost_message, memory_bound, time_bound
from crmadvisor.present.template_code import keep_code, kept_code_entry, read_code
from crmadvisor.present.template_costs import (
    FILTER_SIZES,
    MAX_NUMBER_DIGITS,
    TooCostly,
    lipsum_size,
    method_size,
    printf_size,
)


class _Refusing(BaseLoader):
    """Includes, imports and extends: a report template is one file, read from nowhere else."""

    def get_source(self, environment: Environment, template: str) -> tuple[str, str | None, Callable[[], bool]]:
        raise TemplateNotFound(
            template, f"cannot include, import or extend `{template}`: a report template is one file"
        )


class _Undefined(StrictUndefined):
    """A missing name or field says what there is instead."""

    __slots__ = ()

    @property
    def _undefined_message(self) -> str:
        if self._undefined_hint or self._undefined_obj is not missing:  # a hint, or jinja's words for a dict
            return super()._undefined_message
        close = difflib.get_close_matches(str(self._undefined_name), ("report", "w"), n=1)
        hint = f"did you mean `{close[0]}`?" if close else "a report template has `report` and `w`"
        return f"`{self._undefined_name}` is not defined: {hint}"


def _missing_field(view: Any, name: str) -> str:
    fields = [field.name for field in dataclasses.fields(view)]
    close = difflib.get_close_matches(name, fields, n=1)
    hint = f"did you mean `{close[0]}`?" if close else f"its fields: {', '.join(fields)}"
    return f"`{name}` is not a field of {type(view).__name__}: {hint}"


def _is_view(obj: Any) -> bool:
    """A part of the report's view (a dataclass instance): a missing field of it gets a did-you-mean."""
    return dataclasses.is_dataclass(obj) and not isinstance(obj, type)


class _CheckedGenerator(CodeGenerator):
    """Compiled templates pass every `~` concatenation through the environment's size check."""

    def visit_Concat(self, node: Concat, frame: Frame) -> None:
        self.write("environment.checked(")
        super().visit_Concat(node, frame)
        self.write(")")


class _Sandbox(SandboxedEnvironment):
    """The sandbox the shipped templates render in: undefined names are errors, no loader."""

    def __init__(self, autoescape: bool) -> None:
        super().__init__(
            autoescape=autoescape,
            undefined=_Undefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            loader=_Refusing(),
        )

    def getattr(self, obj: Any, attribute: str) -> Any:
        value = super().getattr(obj, attribute)
        if isinstance(value, Undefined) and value._undefined_hint is None and _is_view(obj):
            return self.undefined(_missing_field(obj, attribute), obj=obj, name=attribute)
        return value


class _BoundedSandbox(ImmutableSandboxedEnvironment, _Sandbox):
    """A consultancy's template: lists and dicts read-only, every costly step checked against `Limits`."""

    code_generator_class = _CheckedGenerator
    intercepted_binops = frozenset({"*", "**", "%", "+"})

    def __init__(self, autoescape: bool, limits: Limits, deadline: float) -> None:
        _Sandbox.__init__(self, autoescape)
        self.limits, self.deadline = limits, deadline
        self.concat = self._checked_concat  # type: ignore[method-assign]  # blocks, macros, call blocks
        self.filters = {name: self._checked_filter(name, f) for name, f in self.filters.items()}
        self.globals["lipsum"] = self._checked_call(cast("Callable[..., Any]", self.globals["lipsum"]), lipsum_size)

    def on_time(self) -> None:
        if time.monotonic() > self.deadline:
            raise TooCostly(f"the template ran longer than {self.limits.seconds:g} s: a loop too long, or endless?")

    def checked(self, value: Any) -> Any:
        """A value the template built, refused when over the size limit."""
        if isinstance(value, str) and len(value) > self.limits.chars:
            raise TooCostly(f"a text of {len(value):,} characters: a template may build {self.limits.chars:,} at most")
        if isinstance(value, list | tuple) and len(value) > self.limits.items:
            raise TooCostly(f"a list of {len(value):,} items: a template may build {self.limits.items:,} at most")
        return value

    def _checked_concat(self, parts: Iterable[str]) -> str:
        return self.checked("".join(parts))  # type: ignore[no-any-return]

    def _ahead(self, size: int, what: str = "text") -> None:
        """Refuse a size before the step that would allocate it."""
        if size > self.limits.chars:
            raise TooCostly(f"a {what} of {size:,} characters: a template may build {self.limits.chars:,} at most")

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        self.on_time()
        if operator == "*":
            for seq, times in ((left, right), (right, left)):
                if isinstance(seq, str | bytes | list | tuple) and isinstance(times, int):
                    self._ahead(len(seq) * times, "repetition")
        elif operator == "**" and isinstance(left, int) and isinstance(right, int) and abs(left) > 1:
            digits = right * math.log10(abs(left))  # computed in C, where no time bound can stop it
            if digits > MAX_NUMBER_DIGITS:
                raise TooCostly(f"a number of about {digits:,.0f} digits: a template may compute 30,000 at most")
        elif operator == "%" and isinstance(left, str):
            self._ahead(printf_size(left, right), "formatted text")
        elif operator == "+" and isinstance(left, str | list | tuple) and isinstance(right, str | list | tuple):
            self._ahead(len(left) + len(right))
        return self.checked(super().call_binop(context, operator, left, right))

    def call(__self, __context: Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # jinja's names
        __self.on_time()
        owner = getattr(getattr(__obj, "__wrapped__", __obj), "__self__", None)  # str.format comes wrapped
        if isinstance(owner, str | bytes):
            __self._ahead(method_size(owner, getattr(__obj, "__name__", ""), args, kwargs))
        return __self.checked(super().call(__context, __obj, *args, **kwargs))

    def _checked_filter(self, name: str, jinja_filter: Callable[..., Any]) -> Callable[..., Any]:
        return self._checked_call(jinja_filter, FILTER_SIZES.get(name))

    def _checked_call(self, function: Callable[..., Any], size: Callable[..., int] | None) -> Callable[..., Any]:
        passed = 1 if hasattr(function, "jinja_pass_arg") else 0  # a context or environment comes first

        def checked(*args: Any, **kwargs: Any) -> Any:
            self.on_time()
            if size is not None:
                self._ahead(size(*args[passed:], **kwargs))
            return self.checked(function(*args, **kwargs))

        if passed:  # keep pass_context, pass_eval_context or pass_environment
            checked.jinja_pass_arg = function.jinja_pass_arg  # type: ignore[attr-defined]
        return checked


# ------------------------------------------------------------------ rendering


@dataclass(frozen=True, slots=True)
class Compiled:
    """A template compiled in its sandbox, ready to render any number of times."""

    template: Template
    name: str
    limits: Limits | None
    fields: frozenset[str] | None = None
    """The fields of `report` the template reads, each by its name; None when it may read any other way."""


def compile_template(
    source: str,
    *,
    autoescape: bool,
    name: str,
    filters: Mapping[str, Callable[..., Any]],
    limits: Limits | None = None,
) -> Compiled:
    """Compile a template; with `limits` (a consultancy's own) in the bounded sandbox. Its syntax mistakes
    are located in it, before anything is rendered."""
    env: _Sandbox
    if limits is None:
        env = _Sandbox(autoescape)
        env.filters.update(filters)
    else:
        env = bounded = _BoundedSandbox(autoescape, limits, time.monotonic() + limits.seconds)
        bounded.filters.update({key: bounded._checked_filter(key, f) for key, f in filters.items()})
    try:
        template, fields = _compiled(env, source, name)  # in time bounded by the file's size
        return Compiled(template, name, limits, fields)
    except Exception as err:
        located = _problem(err, name, limits)
        if located is None:
            raise
        raise located from None


def compile_shipped(source: str, *, autoescape: bool, name: str, filters: Mapping[str, Callable[..., Any]]) -> Compiled:
    """A shipped template compiled in the sandbox, its Python code kept between runs in the cache folder
    (crmadvisor.load.cache: `CRMADVISOR_CACHE=0` turns it off): Jinja2's parse and code generation is a
    tenth of a second a template. The key is the hash of the template, of this module (the sandbox's
    options shape the code), of Jinja2's version and of Python's bytecode version; an entry that cannot
    be read is compiled again, one that cannot be written is not kept."""
    env = _Sandbox(autoescape)
    env.filters.update(filters)
    entry = kept_code_entry(source, autoescape)
    code = read_code(entry) if entry is not None else None
    if code is None:
        try:
            code = env.compile(source)
        except TemplateSyntaxError as err:  # a shipped template with a mistake: said as a user's would be
            raise _located(name, err.lineno or 1, err.message or str(err)) from None
        if entry is not None:
            keep_code(entry, code)
    return Compiled(env.template_class.from_code(env, code, env.make_globals(None), None), name, None)


def render_compiled(compiled: Compiled, context: Mapping[str, Any]) -> str:
    """Render a compiled template (bounded by its `limits`, if any); any mistake located in it."""
    template, limits = compiled.template, compiled.limits
    try:
        if limits is None:
            return template.render(context)
        bounded = cast("_BoundedSandbox", template.environment)
        deadline = bounded.deadline = time.monotonic() + limits.seconds
        with time_bound(limits.seconds), memory_bound(limits.memory):
            return bounded_output(template.generate(context), limits, deadline)  # type: ignore[arg-type]
    except Exception as err:
        located = _problem(err, compiled.name, limits)
        if located is None:
            raise
        raise located from None


def render(
    source: str,
    context: Mapping[str, Any],
    *,
    autoescape: bool,
    name: str,
    filters: Mapping[str, Callable[..., Any]],
    limits: Limits | None = None,
) -> str:
    """Render a template; with `limits` (a consultancy's own), bounded, and any mistake located in it."""
    compiled = compile_template(source, autoescape=autoescape, name=name, filters=filters, limits=limits)
    return render_compiled(compiled, context)


def _problem(err: Exception, name: str, limits: Limits | None) -> InputError | None:
    """A template's mistake as a located problem; None for an error of the program's own (raised as it is)."""
    if isinstance(err, TemplateSyntaxError):
        return _located(name, err.lineno or 1, err.message or str(err))
    if isinstance(err, TemplateError):
        return _located(name, _template_line(err), str(err))
    if isinstance(err, TooCostly | OverflowError | RecursionError | MemoryError):
        return _located(name, _template_line(err), cost_message(err, limits))
    if isinstance(err, InputError) or limits is None or not _in_template(err):
        return None  # _compiled's own located problem, or a shipped template's bug
    return _located(name, _template_line(err), f"{type(err).__name__}: {err}")  # a sum on text, a division by zero


def _compiled(env: Environment, source: str, name: str) -> tuple[Template, frozenset[str] | None]:
    """The template compiled, and the fields of `report` it reads (`_report_fields`); nesting too deep for
    the parser or for Python's compiler is located too."""
    try:
        tree = env.parse(source)
        fields = _report_fields(tree)  # before Jinja2's compiler folds constants in the tree
        return env.from_string(tree), fields
    except (RecursionError, MemoryError, SyntaxError):  # Python's own, on the code Jinja2 generated
        message = "blocks, brackets or operators nested too deeply to compile: split the expression or the block"
        raise _located(name, 1, message) from None


def _report_fields(tree: Node) -> frozenset[str] | None:
    """The fields a template reads of `report`, when it names each (`report.company`, `report['ranking']`);
    None when `report` is used any other way (printed, passed on, set to a name, a field named by an
    expression or by a filter), as then any field, all of them, may be read."""
    fields: set[str] = set()
    stack: list[tuple[Node, Node | None]] = [(tree, None)]  # no recursion: the tree can be as deep as it compiled
    while stack:
        node, parent = stack.pop()
        if isinstance(node, Name) and node.name == "report":
            if isinstance(parent, Getattr) and parent.node is node:
                fields.add(parent.attr)
            elif isinstance(parent, Getitem) and parent.node is node and isinstance(parent.arg, Const):
                if not isinstance(parent.arg.value, str):
                    return None
                fields.add(parent.arg.value)
            else:
                return None
        stack.extend((child, node) for child in node.iter_child_nodes())
    return frozenset(fields)


def _located(name: str, line: int, message: str) -> InputError:
    return InputError([Problem(name, line, 1, "", message, "template")])


def _in_template(err: BaseException) -> bool:
    return any(frame.tb_frame.f_code.co_filename == "<template>" for frame in _frames(err))


def _frames(err: BaseException) -> Iterator[Any]:
    tb = err.__traceback__
    while tb is not None:
        yield tb
        tb = tb.tb_next


def _template_line(err: BaseException) -> int:
    """The template line an error was raised at: Jinja2 compiles templates to code named <template>."""
    line = 1
    for tb in _frames(err):
        if tb.tb_frame.f_code.co_filename == "<template>":
            line = tb.tb_lineno
    return line
