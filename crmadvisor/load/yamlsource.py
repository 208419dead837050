"""Strict, safe YAML: data plus the line and column of every key and value.

PyYAML alone is not enough for user files: it keeps the last of two duplicate keys
silently, expands aliases without limit, and raises errors without positions for bad
bytes. This module composes the node tree (libyaml's C parser when present), then builds
plain data from it itself, collecting a located `Problem` for everything wrong.
"""

from __future__ import annotations

import codecs
import os
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from crmadvisor.errors import InputError, Problem
from crmadvisor.files import MAX_FILE_BYTES, NotRegular, TooLarge, read_bounded

try:  # libyaml's parser is about 15 times faster; positions are the same
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

Key = tuple[str | int, ...]
Mark = tuple[int, int]

MAX_NODES = 200_000  # after alias expansion; a vendor profile has about 200
MAX_DEPTH = 64

_SAFE_COLLECTION_TAGS = {"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}
_STR = "tag:yaml.org,2002:str"
_SAFE_SCALAR_TAGS = {"tag:yaml.org,2002:" + t for t in ("str", "int", "float", "bool", "null", "timestamp", "binary")}


@dataclass(frozen=True, slots=True)
class Sourced:
    """A parsed file: its data, and where each key (and each value) starts."""

    path: str
    data: Any
    keys: dict[Key, Mark] = field(default_factory=dict)
    values: dict[Key, Mark] = field(default_factory=dict)

    def mark(self, loc: Key, *, of_value: bool = False) -> Mark:
        """The position of `loc`, or of its nearest ancestor that has one."""
        table = self.values if of_value else self.keys
        at = loc
        while at:
            if at in table:
                return table[at]
            if of_value and at in self.keys:
                return self.keys[at]
            at = at[:-1]
        return (1, 1)


def read(path: Path, shown: str | None = None) -> Sourced:
    """Read and parse one YAML file; every failure is an `InputError` naming the file."""
    name = shown if shown is not None else str(path)
    try:
        raw = read_bounded(path)
    except TooLarge as big:
        mib = MAX_FILE_BYTES // (1024 * 1024)
        msg = f"file is {big.size / 1e6:.1f} MB; the limit is {mib} MiB for one YAML file"
        raise InputError([Problem(name, 1, 1, "", msg, "too-large")]) from None
    except IsADirectoryError:
        raise InputError([Problem(name, 1, 1, "", "is a directory", "not-a-file")]) from None
    except NotRegular:
        msg = "not a regular file (a pipe, socket or device): expected a YAML text file"
        raise InputError([Problem(name, 1, 1, "", msg, "not-a-file")]) from None
    except OSError as err:
        msg = f"cannot read: {err.strerror or err}"
        if os.path.islink(path):  # a loop, or a link to nothing
            msg += " (a symbolic link: check where it leads)"
        raise InputError([Problem(name, 1, 1, "", msg, "unreadable")]) from None
    return parse(decode(raw, name), name)


def decode(raw: bytes, path: str) -> str:
    """UTF-8 (a BOM allowed) to text; binary or badly encoded bytes are a located problem."""
    for bom, encoding in _OTHER_ENCODINGS:  # Windows editors save "Unicode" as UTF-16
        if raw.startswith(bom):
            msg = f"{encoding} text (it starts with a {encoding} byte order mark): save the file as UTF-8"
            raise InputError([Problem(path, 1, 1, "", msg, "encoding")])
    if b"\x00" in raw[:8192]:
        msg = "binary file (NUL bytes): expected a UTF-8 YAML text file"
        raise InputError([Problem(path, 1, 1, "", msg, "encoding")])
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw.count(b"\n", 0, err.start) + 1
        line_start = raw.rfind(b"\n", 0, err.start) + 1
        column = len(raw[line_start : err.start].decode("utf-8-sig")) + 1  # characters, as YAML marks count
        msg = f"invalid UTF-8 (byte 0x{raw[err.start]:02x}): save the file as UTF-8"
        raise InputError([Problem(path, line, column, "", msg, "encoding")]) from None


# UTF-32 first: its little-endian mark begins with UTF-16's
_OTHER_ENCODINGS = (
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)


def parse(text: str, path: str) -> Sourced:
    """Parse one YAML document into plain data and positions, or raise located problems."""
    try:
        refused = _refused_before_composing(text, path)
        if refused is not None:
            raise InputError([refused])
        node = _compose(text)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark
        # libyaml's own limit (0.2.6, in PyYAML 6.0.4), should the bound in _refused_before_composing miss
        if mark is not None and "maximum nesting depth" in str(err.problem):
            raise InputError([_too_deep(path, (mark.line + 1, mark.column + 1))]) from None
        raise InputError([_syntax_problem(err, path, text)]) from None
    except yaml.YAMLError:  # ReaderError: a control character, no mark
        raise InputError([_reader_problem(text, path)]) from None
    except RecursionError:  # PyYAML's pure-Python composer, if the bound above is ever wrong
        raise InputError([_too_deep(path, (1, 1))]) from None
    if node is None:
        msg = "empty file: expected a YAML mapping starting with `kind:`"
        raise InputError([Problem(path, 1, 1, "", msg, "empty")])
    builder = _Builder(path)
    data = builder.build(node, (), 0)
    if builder.problems:
        raise InputError(builder.problems)
    return Sourced(path, data, builder.keys, builder.values)


def _compose(text: str) -> yaml.Node | None:
    loader = _Loader(text)
    try:
        return loader.get_single_node()  # a second document raises a ComposerError
    finally:
        loader.dispose()


def _line(text: str, number: int) -> str:
    """Line `number` (1-based) of text, or "" past its end."""
    lines = text.splitlines()
    return lines[number - 1] if 0 < number <= len(lines) else ""


def _syntax_problem(err: yaml.MarkedYAMLError, path: str, text: str) -> Problem:
    mark = err.problem_mark or err.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    message = " ".join(str(part) for part in (err.context, err.problem) if part)
    if "expected a single document" in message:
        message = "more than one YAML document (`---`): put one document in each file"
    elif "tab" in message or "\t" in _line(text, line)[:column]:
        message = f"a tab character here: YAML indents with spaces only, replace it ({message})"
    return Problem(path, line, column, "", f"YAML syntax: {message}", "yaml")


def _reader_problem(text: str, path: str) -> Problem:
    # Located here rather than from the error: libyaml gives a byte offset into UTF-8, PyYAML's
    # pure-Python reader a character index, and neither a line or column.
    found = _not_yaml_character().search(text)
    if found is None:  # pragma: no cover - the reader refuses only these characters
        return Problem(path, 1, 1, "", "a character that YAML does not allow", "yaml")
    position = found.start()
    line = text.count("\n", 0, position) + 1
    column = position - (text.rfind("\n", 0, position) + 1) + 1
    message = f"character #x{ord(found[0]):04x} is not allowed in YAML (a control character?)"
    return Problem(path, line, column, "", message, "yaml")


@cache
def _not_yaml_character() -> re.Pattern[str]:
    """Outside the YAML 1.1 printable set, which both libyaml and PyYAML's reader enforce (compiled on
    first use: about 8 ms, which a file without such a character never pays)."""
    return re.compile(r"[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _too_deep(path: str, mark: Mark) -> Problem:
    message = f"nested too deeply (more than {MAX_DEPTH} levels of lists and mappings)"
    return Problem(path, *mark, "", message, "too-deep")


def _refused_before_composing(text: str, path: str) -> Problem | None:
    """Too deep, or too many values: found on parse events, before the composer builds any node.

    PyYAML composes libyaml's events recursively in C: without a nesting limit in libyaml, deep
    enough nesting overflows the C stack (a crash, not an exception; 200 KB of `[` did), and
    the libyaml in PyYAML 6.0.4 stops at 1,000 levels, in its own words. And it composes every
    value before anything can count them: a 2 MB list of a million scalars took 14 s and 639 MB
    to refuse. So both are checked here, the same with any release: first bounds from the text
    alone, in C-speed scans; past them, parse events (both parsers produce them without
    recursion, and none is kept) give the exact place, stopping there.
    """
    deep = _depth_bound(text) > MAX_DEPTH
    if not deep and _values_bound(text) <= MAX_NODES:
        return None
    try:
        return _first_refused(_Loader(text), path, deep=deep)
    except yaml.MarkedYAMLError as err:
        if "maximum nesting depth" not in str(err.problem):
            return None  # a syntax error before either limit: composing reports it
    except yaml.YAMLError:
        return None
    # libyaml with a limit reads ahead to it before giving the event we stop at: ask PyYAML's own
    # parser (pure Python, no limit), which stops at the same place as a libyaml without one
    try:
        return _first_refused(_PurePython(text), path, deep=True)
    except yaml.YAMLError:
        return None


class _PurePython(yaml.SafeLoader):
    """PyYAML's own parser, its possible simple keys kept track of in constant time, not in a loop over all.

    Every `[`, `{` or scalar may start a key (`[a]: b`) until its line ends or 1,024 characters pass; PyYAML
    looks through all those still possible before each token, so a line of 10,000 `[` kept a thousand of
    them and took 0.4 s to refuse. They are saved in the order of the text (a level saved again moves to
    the end), so the nearest is the first saved, and the ones no longer possible are the first ones: the
    same keys are dropped, the same missing `:` reported, in the same order.
    """

    def next_possible_simple_key(self) -> int | None:
        for key in self.possible_simple_keys.values():
            return int(key.token_number)
        return None

    def stale_possible_simple_keys(self) -> None:
        keys = self.possible_simple_keys
        while keys:
            level, key = next(iter(keys.items()))
            if key.line == self.line and self.index - key.index <= 1024:
                return  # every later key is on this line too, and nearer
            if key.required:
                expected = "could not find expected ':'"
                raise yaml.scanner.ScannerError("while scanning a simple key", key.mark, expected, self.get_mark())
            del keys[level]


def _first_refused(loader: yaml.SafeLoader | yaml.CSafeLoader, path: str, *, deep: bool) -> Problem | None:
    depth = values = 0
    get_event = loader.get_event
    try:
        while (event := get_event()) is not None:
            step = _EVENT_STEPS.get(type(event))  # a dict, not isinstance chains: twice as fast
            if step is None:
                continue
            if step[1] == 1 and deep and depth == MAX_DEPTH and (mark := event.start_mark) is not None:
                return _too_deep(path, (mark.line + 1, mark.column + 1))
            values += step[0]
            depth += step[1]
            if values > MAX_NODES and (mark := event.start_mark) is not None:
                message = f"more than {MAX_NODES:,} values: refusing to read further"
                return Problem(path, mark.line + 1, mark.column + 1, "", message, "too-large")
    finally:
        loader.dispose()
    return None


# (values, levels) each parse event adds: scalars, aliases, lists and mappings are values
_EVENT_STEPS: dict[type[yaml.Event], tuple[int, int]] = {
    yaml.ScalarEvent: (1, 0),
    yaml.AliasEvent: (1, 0),
    yaml.SequenceStartEvent: (1, 1),
    yaml.MappingStartEvent: (1, 1),
    yaml.SequenceEndEvent: (0, -1),
    yaml.MappingEndEvent: (0, -1),
}


def _values_bound(text: str) -> int:
    """A number of values (scalars, aliases, lists, mappings) that the text cannot exceed.

    Every value takes at least one character of its own but for empty ones, and an empty flow
    entry (`[:, :]`) makes at most three values of two characters: twice the length is safe.
    """
    return 2 * len(text) + 1


# Indentation plus the block indicators that open a level on the same line ("- - x", "? - x").
_LINE_LEAD = re.compile(r"\n[ \t?:-]*")
# YAML's other line breaks, rewritten as "\n" before measuring leads (rare: CRLF files, mostly)
_OTHER_BREAKS = re.compile("\r\n?|[\x85\u2028\u2029]")
# Everything but brackets: what the flow levels are measured without.
_NOT_BRACKETS = re.compile(r"[^][{}]+")


def _depth_bound(text: str) -> int:
    """A number of nested lists and mappings that the text cannot exceed.

    Block levels: a nested block collection starts at least one column further right every
    two levels (a list may sit at its parent key's column), counting indicators that share a
    line. Flow levels: at most one per bracket; more closely, nested pairs of brackets are
    removed in successive passes, inner ones first, and a real level is either removed in its
    own pass or leaves a bracket behind (when brackets in quoted text or comments spoil the
    pairing), hence passes plus leftovers. An ordinary file needs only the first, quick tests.
    """
    lines = "\n" + (_OTHER_BREAKS.sub("\n", text) if any(c in text for c in "\r\x85\u2028\u2029") else text)
    brackets = text.count("[") + text.count("{")
    room = (MAX_DEPTH - 3 - brackets) // 2  # the longest lead that keeps within MAX_DEPTH
    if room >= 0 and re.search(f"\\n[ \\t?:-]{{{room + 1}}}", lines) is None:  # "\n" first: a fast scan
        return 2 * room + 3 + brackets
    bound = 2 * max(len(lead) - 1 for lead in _LINE_LEAD.findall(lines)) + 3
    if bound > MAX_DEPTH:
        return bound
    flow = _NOT_BRACKETS.sub("", text)  # a flow list or mapping with none inside is then `[]` or `{}`
    passes = 0
    while bound + passes <= MAX_DEPTH:
        # each pass removes the innermost pairs of its start: marked first, so that a pair they enclose
        # ("{[]}") waits for the next pass. str.replace, not a regex: deep nesting needs a pass a level
        marked = flow.replace("[]", "\0").replace("{}", "\0")
        if len(marked) == len(flow):
            return bound + passes + flow.count("[") + flow.count("{")
        flow = marked.replace("\0", "")
        passes += 1
    return bound + passes


class _Builder:
    """Node tree to plain data, refusing what a user file should never contain."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.keys: dict[Key, Mark] = {}
        self.values: dict[Key, Mark] = {}
        self.problems: list[Problem] = []
        self.nodes = 0
        self._built: set[int] = set()  # the nodes built so far, to tell an alias from its anchor
        self._open: set[int] = set()  # the collections being built, to catch alias cycles
        self._reported: set[str | tuple[int, int, str]] = set()  # codes reported once, or once per node
        self._scalars = yaml.constructor.SafeConstructor()

    def problem(self, node: yaml.Node, field: Key, message: str, code: str) -> None:
        mark = node.start_mark
        if (mark.line, mark.column, code) in self._reported:  # the same node again, through an alias
            return
        self._reported.add((mark.line, mark.column, code))
        dotted = ".".join(map(str, field))
        self.problems.append(Problem(self.path, mark.line + 1, mark.column + 1, dotted, message, code))

    def build(self, node: yaml.Node, at: Key, depth: int) -> Any:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            msg = f"more than {MAX_NODES:,} values, each use of an alias counting in full: refusing to read further"
            self.once(node, at, msg, "too-large")
            return None
        if depth >= MAX_DEPTH and isinstance(node, yaml.CollectionNode):  # through aliases: parse() checked text
            message = f"nested too deeply through aliases (more than {MAX_DEPTH} levels of lists and mappings)"
            self.once(node, at, message, "too-deep")
            return None
        if id(node) not in self._built:  # else reached again through an alias: `at` keeps its key's position
            self._built.add(id(node))
            self.values.setdefault(at, (node.start_mark.line + 1, node.start_mark.column + 1))
        if node.tag == _STR:  # most values: skip PyYAML's dispatch by tag
            return node.value
        if isinstance(node, yaml.CollectionNode):
            if id(node) in self._open:  # `&a [*a]`: the composer makes a cycle of nodes
                self.once(node, at, "an alias makes this list or mapping contain itself", "alias-cycle")
                return None
            if not self._tag_ok(node, at):
                return None
            self._open.add(id(node))
            try:
                if isinstance(node, yaml.MappingNode):
                    return self._mapping(node, at, depth)
                return self._sequence(node, at, depth)
            finally:
                self._open.discard(id(node))
        if node.tag not in _SAFE_SCALAR_TAGS:
            self.problem(node, at, f"tag `{node.tag}` is not allowed: only plain YAML values", "unsafe-tag")
            return None
        try:
            return self._scalars.construct_object(node)
        except (yaml.YAMLError, ValueError, OverflowError) as err:
            self.problem(node, at, f"bad value: {getattr(err, 'problem', None) or err}", "yaml")
            return None

    def once(self, node: yaml.Node, at: Key, message: str, code: str) -> None:
        """Report a problem that aliases could otherwise repeat thousands of times, once."""
        if code not in self._reported:
            self._reported.add(code)
            self.problem(node, at[:3], message, code)

    def _sequence(self, node: yaml.CollectionNode, at: Key, depth: int) -> list[Any]:
        items = []
        for index, item in enumerate(node.value):
            self.keys.setdefault((*at, index), (item.start_mark.line + 1, item.start_mark.column + 1))
            items.append(self.build(item, (*at, index), depth + 1))
        return items

    def _tag_ok(self, node: yaml.Node, at: Key) -> bool:
        if node.tag in _SAFE_COLLECTION_TAGS:
            return True
        self.problem(node, at, f"tag `{node.tag}` is not allowed: only plain YAML values", "unsafe-tag")
        return False

    def _mapping(self, node: yaml.MappingNode, at: Key, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == "tag:yaml.org,2002:merge":
                self.problem(key_node, at, "keys must be plain text (no merge keys `<<`, lists or maps)", "bad-key")
                continue
            key = str(key_node.value)
            here = (*at, key)
            if key in first_seen:
                msg = f"duplicate key `{key}` (first at line {first_seen[key]}): keep only one"
                self.problem(key_node, here, msg, "duplicate-key")
                continue
            first_seen[key] = key_node.start_mark.line + 1
            self.keys[here] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            result[key] = self.build(value_node, here, depth + 1)
        return result
