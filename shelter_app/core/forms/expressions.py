"""Form expressions (relevance, constraints, calculations): a small language checked at load, run by simpleeval.

Two fences, never `eval`:
1. `compile_expression` parses the text with `ast` and accepts only a whitelist of node types, operators,
   functions and the names the form declares; anything else (attributes, subscripts, `**`, lambdas,
   comprehensions, unknown names, overlong or deeply nested text) is refused with a message for the author.
2. The evaluator is simpleeval with its node table cut down to the same whitelist, so even a tree that
   somehow skipped step 1 cannot reach an attribute or a builtin.

Numbers are exact: float literals become Decimal at compile time. An expression that fails at run time because
an answer is missing or of another type (`None + 1`) evaluates to `UNKNOWN`.
"""

from __future__ import annotations

import ast
import operator
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any, Final

from simpleeval import EvalWithCompoundTypes, InvalidExpression, safe_add, safe_mult

MAX_LENGTH: Final = 1_000
MAX_DEPTH: Final = 40
MAX_STRING: Final = 200
VALUE: Final = "value"
"""In a constraint, the answer being checked."""


class ExpressionError(ValueError):
    """The author's expression is not acceptable; the message says why (English: it is for the form author)."""


class _Unknown:
    """The result of an expression that could not be evaluated (a blank answer in arithmetic...)."""

    _instance: _Unknown | None = None

    def __new__(cls) -> _Unknown:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __bool__(self) -> bool:
        return False

    def __repr__(self) -> str:
        return "UNKNOWN"


UNKNOWN: Final = _Unknown()


def _number(value: object) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        raise TypeError(f"not a number: {value!r}")
    return Decimal(value)


def _selected(answer: object, choice: object) -> bool:
    return isinstance(answer, list | tuple) and choice in answer


def _count(rows: object) -> int:
    return len(rows) if isinstance(rows, list | tuple) else 0


def _total(rows: object, column: object) -> Decimal:
    if not isinstance(rows, list | tuple) or not isinstance(column, str):
        raise TypeError("total(repeat, 'column')")
    return sum((_number(row[column]) for row in rows if isinstance(row, Mapping) and row.get(column) is not None),
               Decimal(0))


def _blank(value: object) -> bool:
    return value is None or value == "" or (isinstance(value, list | tuple) and not value)


def _round(value: object, digits: object = 0) -> Decimal:
    if not isinstance(digits, int) or isinstance(digits, bool) or not 0 <= digits <= 10:
        raise TypeError("round(x, n): n is a whole number from 0 to 10")
    return _number(value).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)


def _min(*values: object) -> object:
    return min(_comparable(values))


def _max(*values: object) -> object:
    return max(_comparable(values))


def _comparable(values: Sequence[object]) -> list[Any]:
    if not values or any(v is None for v in values):
        raise TypeError("min/max of blank values")
    return list(values)


def _abs(value: object) -> Decimal:
    return abs(_number(value))


def _year(value: object) -> int:
    if not isinstance(value, date):
        raise TypeError("year() takes a date")
    return value.year


def _length(value: object) -> int:
    if not isinstance(value, str | list | tuple):
        raise TypeError("length() takes text or a list")
    return len(value)


def _div(a: Any, b: Any) -> Any:
    """Division stays exact: whole numbers divide as decimals (7 / 2 is 3.5, never a float)."""
    if isinstance(a, int) and not isinstance(a, bool):
        a = Decimal(a)
    if isinstance(b, int) and not isinstance(b, bool):
        b = Decimal(b)
    return operator.truediv(a, b)


BASE_FUNCTIONS: Final[dict[str, Callable[..., object]]] = {
    "selected": _selected, "count": _count, "total": _total, "blank": _blank, "round": _round,
    "min": _min, "max": _max, "abs": _abs, "year": _year, "length": _length,
}
FUNCTION_NAMES: Final = frozenset({*BASE_FUNCTIONS, "today"})
_ARITY: Final = {"selected": (2, 2), "count": (1, 1), "total": (2, 2), "blank": (1, 1), "round": (1, 2),
                 "min": (1, 20), "max": (1, 20), "abs": (1, 1), "year": (1, 1), "length": (1, 1), "today": (0, 0)}

_OPERATORS: Final[dict[type, Callable[..., Any]]] = {
    ast.Add: safe_add, ast.Sub: operator.sub, ast.Mult: safe_mult, ast.Div: _div,
    ast.FloorDiv: operator.floordiv, ast.Mod: operator.mod, ast.USub: operator.neg, ast.UAdd: operator.pos,
    ast.Not: operator.not_, ast.Eq: operator.eq, ast.NotEq: operator.ne, ast.Lt: operator.lt,
    ast.LtE: operator.le, ast.Gt: operator.gt, ast.GtE: operator.ge,
    ast.In: lambda a, b: a in b, ast.NotIn: lambda a, b: a not in b, ast.Is: operator.is_,
    ast.IsNot: operator.is_not,
}
_ALLOWED_NODES: Final = (ast.Expression, ast.BoolOp, ast.BinOp, ast.UnaryOp, ast.Compare, ast.IfExp, ast.Call,
                         ast.Name, ast.Constant, ast.List, ast.Tuple, ast.Load, ast.And, ast.Or,
                         *_OPERATORS)


@dataclass(frozen=True)
class Expression:
    """A checked expression: its source text, the tree simpleeval runs and the names it reads."""

    source: str
    tree: ast.expr = field(compare=False)  # ast nodes compare by identity; the source says it all
    names: frozenset[str] = frozenset()

    def __repr__(self) -> str:
        return f"Expression({self.source!r})"


def compile_expression(source: str, known_names: Iterable[str], *, allow_value: bool = False) -> Expression:
    """Check `source` against the whitelist and the names the form declares; raise ExpressionError if refused."""
    if not isinstance(source, str) or not source.strip():
        raise ExpressionError("the expression is empty")
    if len(source) > MAX_LENGTH:
        raise ExpressionError(f"the expression is longer than {MAX_LENGTH} characters")
    if "\n" in source.strip() or ";" in source:
        raise ExpressionError("an expression is one line, without ';'")
    try:
        tree = ast.parse(source.strip(), mode="eval")
    except (SyntaxError, ValueError, RecursionError, MemoryError) as exc:
        raise ExpressionError(f"it is not a valid expression ({type(exc).__name__})") from None
    allowed = set(known_names) | ({VALUE} if allow_value else set())
    names: set[str] = set()
    _check(tree, allowed, names, 0)
    return Expression(source.strip(), _exact(tree).body, frozenset(names))


def _check(node: ast.AST, allowed: set[str], names: set[str], depth: int) -> None:
    if depth > MAX_DEPTH:
        raise ExpressionError(f"the expression is nested more than {MAX_DEPTH} levels deep")
    if not isinstance(node, _ALLOWED_NODES):
        raise ExpressionError(f"{_describe(node)} is not allowed in a form expression")
    if isinstance(node, ast.Call):
        if not isinstance(node.func, ast.Name) or node.func.id not in FUNCTION_NAMES:
            name = node.func.id if isinstance(node.func, ast.Name) else "this call"
            raise ExpressionError(f"'{name}' is not a function of the form language "
                                  f"({', '.join(sorted(FUNCTION_NAMES))})")
        if node.keywords:
            raise ExpressionError(f"{node.func.id}() takes no named arguments")
        if any(isinstance(a, ast.Starred) for a in node.args):
            raise ExpressionError("'*' arguments are not allowed")
        low, high = _ARITY[node.func.id]
        if not low <= len(node.args) <= high:
            raise ExpressionError(f"{node.func.id}() takes {low}–{high} arguments, not {len(node.args)}")
        for arg in node.args:
            _check(arg, allowed, names, depth + 1)
        return
    if isinstance(node, ast.Name):
        if node.id in ("True", "False", "None"):
            return
        if node.id in FUNCTION_NAMES:
            raise ExpressionError(f"'{node.id}' is a function: call it, e.g. {node.id}(...)")
        if node.id not in allowed:
            raise ExpressionError(f"'{node.id}' is not a question of this form")
        names.add(node.id)
        return
    if isinstance(node, ast.Constant):
        if isinstance(node.value, str) and len(node.value) > MAX_STRING:
            raise ExpressionError(f"a text literal is longer than {MAX_STRING} characters")
        if not (node.value is None or isinstance(node.value, bool | int | float | str)):
            raise ExpressionError(f"the literal {node.value!r} is not allowed")
        if isinstance(node.value, int) and not isinstance(node.value, bool) and abs(node.value) > 10**15:
            raise ExpressionError("a number literal is too large")
        return
    for child in ast.iter_child_nodes(node):
        _check(child, allowed, names, depth + 1)


def _describe(node: ast.AST) -> str:
    kinds = {ast.Attribute: "attribute access ('.')", ast.Subscript: "indexing ('[...]')",
             ast.Pow: "the power operator '**'", ast.Lambda: "a lambda", ast.NamedExpr: "':='",
             ast.ListComp: "a comprehension", ast.GeneratorExp: "a generator", ast.Dict: "a dictionary",
             ast.Set: "a set", ast.JoinedStr: "an f-string", ast.Starred: "'*'"}
    return kinds.get(type(node), f"'{type(node).__name__}'")


def _exact(tree: ast.Expression) -> ast.Expression:
    """Float literals become Decimal (from their text), so `0.1 + 0.2 == 0.3` is true, as for money."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, float):
            node.value = Decimal(repr(node.value))  # type: ignore[assignment]  # simpleeval returns it as is
    return tree


class Evaluator:
    """Runs compiled expressions against a name → value mapping. One per form state (not thread-safe)."""

    def __init__(self, today: date | None = None) -> None:
        functions: dict[str, Callable[..., object]] = dict(BASE_FUNCTIONS)
        functions["today"] = (lambda: today) if today is not None else date.today
        self._eval = EvalWithCompoundTypes(operators=dict(_OPERATORS), functions=functions, names={})
        self._eval.functions = functions  # the compound-types class adds list/dict/set constructors: drop them
        allowed = (ast.BoolOp, ast.BinOp, ast.UnaryOp, ast.Compare, ast.IfExp, ast.Call, ast.Name, ast.Constant,
                   ast.List, ast.Tuple)
        self._eval.nodes = {k: v for k, v in self._eval.nodes.items() if k in allowed}

    def evaluate(self, expression: Expression, names: Mapping[str, object]) -> object:
        """The value of `expression`, or UNKNOWN when it cannot be computed from these answers."""
        self._eval.names = names
        try:
            result = self._eval.eval(expression.source, previously_parsed=expression.tree)
        except (TypeError, ValueError, ArithmeticError, InvalidOperation, KeyError, InvalidExpression,
                RecursionError, AttributeError):
            return UNKNOWN
        return UNKNOWN if result is UNKNOWN else result

    def truth(self, expression: Expression, names: Mapping[str, object]) -> bool | None:
        """True/False, or None when unknown."""
        result = self.evaluate(expression, names)
        return None if result is UNKNOWN else bool(result)
