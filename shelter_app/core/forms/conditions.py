"""A question's or a page's relevance in words, for readers who cannot run it: the printed form says
"Only if “Headquarters country” is “Other”" instead of pointing at a question number.

`describe_relevance(expression, definition)` walks the checked expression tree (`core.forms.expressions`) and
phrases it in English and Spanish with the questions' labels and the choices' labels: comparisons, `in` lists,
`and`/`or`/`not`, `selected()`, `blank()` and the other functions of the form language, arithmetic, numbers in
the language's style. Question numbers ("1.3") may follow a label in brackets, never replace it.

What it cannot phrase (a text literal that reads like an internal value, a list outside `in`...) falls back to a
generic sentence that still names, by label, the questions the rule reads. Nothing it returns contains a
question's internal name. Pure: no Qt, no babel; the caller may pass its own number formatter.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Final

from shelter_app.core.bilingual import Text
from shelter_app.core.forms.expressions import Expression
from shelter_app.core.forms.model import NUMERIC_TYPES, FormDefinition, QType, Question

__all__ = ["Condition", "NumberFormat", "describe_relevance"]

NumberFormat = Callable[[int | Decimal, str], str]
"""(number, language) → the number as the language writes it."""

MAX_LIST: Final = 12
_IDENTIFIER: Final = re.compile(r"^[A-Za-z0-9]*_[A-Za-z0-9_]*$")

YES: Final = Text("Yes", "Sí")
NO: Final = Text("No", "No")


class _Unphrasable(Exception):
    """This part of the expression has no sentence: the caller falls back to the generic one."""


@dataclass(frozen=True)
class Condition:
    """A relevance in words. `clause` reads after "only if"; `generic` is True when the rule could not be phrased
    and `clause` only names the questions it depends on."""

    clause: Text
    generic: bool

    @property
    def sentence(self) -> Text:
        """For a question: "Only if “Country” is “Other”"."""
        return Text("Only if ", "Solo si ") + self.clause

    @property
    def page_sentence(self) -> Text:
        """For a page: "Answer this page only if …"."""
        return Text("Answer this page only if ", "Conteste esta página solo si ") + self.clause


def describe_relevance(expression: Expression, definition: FormDefinition, *, numbers: Mapping[str, str] | None = None,
                       row: Question | None = None, number_format: NumberFormat | None = None) -> Condition:
    """`expression` (a `relevant`) in words. `numbers` maps question names to their printed numbers ("1.3"),
    added in brackets after the label; `row` is the repeat group whose row the expression belongs to (its own
    questions are read first, as the engine does)."""
    phraser = _Phraser(definition, numbers or {}, row, number_format or _plain_number)
    try:
        return Condition(phraser.condition(expression.tree).text, generic=False)
    except (_Unphrasable, RecursionError):
        return Condition(phraser.generic(expression.names), generic=True)


def _plain_number(value: int | Decimal, language: str) -> str:
    """English and Mexican Spanish write numbers alike: 1,234.5."""
    return f"{value:,}"


def _quote(text: str, language: str) -> str:
    return f"«{text}»" if language == "es" else f"“{text}”"


def _quoted(text: Text) -> Text:
    return Text(_quote(text.en, "en"), _quote(text.es, "es"))


def _series(items: Sequence[Text], en_word: str, es_word: str, *, comma: bool = False) -> Text:
    """"A, B and C" / "A, B y C" (Spanish "y" becomes "e" before an i- sound, "o" becomes "u" before an o-)."""
    def join(parts: list[str], word: str, spanish: bool) -> str:
        if len(parts) == 1:
            return parts[0]
        last = parts[-1]
        sound = last.lstrip("«“(")
        if spanish and word == "y" and re.match(r"(?i)h?i(?!e)", sound):
            word = "e"
        elif spanish and word == "o" and re.match(r"(?i)h?o", sound):
            word = "u"
        head = ", ".join(parts[:-1])
        separator = f", {word} " if comma else f" {word} "
        return f"{head}{separator}{last}"

    return Text(join([i.en for i in items], en_word, False), join([i.es for i in items], es_word, True))


@dataclass(frozen=True)
class _Clause:
    """A phrased condition; when it says something about one question, `subject` is that question's name and
    `predicate` what is said ("is “Other”"), so "A is x or A is y" can read "A is x or y"."""

    text: Text
    subject: str | None = None
    subject_text: Text | None = None
    predicate: Text | None = None
    equals: Text | None = None  # a plain "is <value>": merges into "is <a> or <b>"
    differs: Text | None = None  # a plain "is not <value>": merges into "is neither <a> nor <b>"
    compound: bool = False
    listed: bool = False  # joins compound parts with commas: inside another list it needs brackets
    joined: bool = False  # has its own "or"/"nor"/"and": inside another list, set off by a comma


@dataclass(frozen=True)
class _Term:
    """A value in words ("“Headcount”", "the total of “Wage” in “Roles”", "1,200") and what it is."""

    text: Text
    question: Question | None = None  # when the term is a question's answer
    kind: QType | None = None  # the type of value, when known


_COMPARE: Final[dict[type, tuple[Text, Text]]] = {  # (numbers, dates)
    ast.Lt: (Text("is less than", "es menor que"), Text("is before", "es anterior a")),
    ast.LtE: (Text("is at most", "es como máximo"), Text("is on or before", "es igual o anterior a")),
    ast.Gt: (Text("is more than", "es mayor que"), Text("is after", "es posterior a")),
    ast.GtE: (Text("is at least", "es como mínimo"), Text("is on or after", "es igual o posterior a")),
}
_FLIP: Final[dict[type, type]] = {ast.Lt: ast.Gt, ast.LtE: ast.GtE, ast.Gt: ast.Lt, ast.GtE: ast.LtE,
                                  ast.Eq: ast.Eq, ast.NotEq: ast.NotEq, ast.Is: ast.Is, ast.IsNot: ast.IsNot}
_NEGATE: Final[dict[type, type]] = {ast.Lt: ast.GtE, ast.LtE: ast.Gt, ast.Gt: ast.LtE, ast.GtE: ast.Lt,
                                    ast.Eq: ast.NotEq, ast.NotEq: ast.Eq, ast.Is: ast.IsNot, ast.IsNot: ast.Is,
                                    ast.In: ast.NotIn, ast.NotIn: ast.In}
_ARITHMETIC: Final[dict[type, tuple[Text, int]]] = {
    ast.Add: (Text("{a} plus {b}", "{a} más {b}"), 1),
    ast.Sub: (Text("{a} minus {b}", "{a} menos {b}"), 1),
    ast.Mult: (Text("{a} times {b}", "{a} por {b}"), 2),
    ast.Div: (Text("{a} divided by {b}", "{a} entre {b}"), 2),
    ast.FloorDiv: (Text("the whole part of {a} divided by {b}", "la parte entera de {a} entre {b}"), 3),
    ast.Mod: (Text("the remainder of {a} divided by {b}", "el residuo de {a} entre {b}"), 3),
}


class _Phraser:
    def __init__(self, definition: FormDefinition, numbers: Mapping[str, str], row: Question | None,
                 number_format: NumberFormat) -> None:
        self.d = definition
        self.numbers = numbers
        self.row = row
        self.number_format = number_format

    # --- questions and values ------------------------------------------------------------------------------

    def question(self, name: str) -> Question | None:
        if self.row is not None and (q := self.row.row_question(name)) is not None:
            return q
        return self.d.question(name)

    def label(self, q: Question) -> Text:
        text = _quoted(q.label)
        number = self.numbers.get(q.name)
        return text + Text.same(f" ({number})") if number else text

    def number(self, value: int | Decimal, percent: bool = False) -> Text:
        en, es = self.number_format(value, "en"), self.number_format(value, "es")
        return Text(f"{en}%", f"{es} %") if percent else Text(en, es)

    def generic(self, names: frozenset[str]) -> Text:
        """The fallback: which questions decide, by label, in form order."""
        order = {q.name: n for n, q in enumerate(self.d.questions())}
        if self.row is not None:
            order.update({f.name: -len(self.row.fields) + n for n, f in enumerate(self.row.fields)})
        known = sorted((n for n in names if self.question(n) is not None), key=lambda n: order.get(n, 0))
        labels = []
        for name in known:
            q = self.question(name)
            assert q is not None
            labels.append(self.label(q))
        if not labels:
            return Text("it applies to you", "le aplica")
        if len(labels) == 1:
            return Text("it applies to you, given your answer to {q}", "le aplica, según su respuesta a {q}").format(
                q=labels[0])
        return Text("it applies to you, given your answers to {q}", "le aplica, según sus respuestas a {q}").format(
            q=_series(labels, "and", "y"))

    # --- conditions ----------------------------------------------------------------------------------------

    def condition(self, node: ast.expr) -> _Clause:
        if isinstance(node, ast.BoolOp):
            return self.bool_op(node)
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            return self.negation(node.operand)
        if isinstance(node, ast.Compare):
            return self.compare(node)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "selected":
            return self.selected(node, negated=False)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "blank":
            return self.blank(node.args[0], negated=False)
        if isinstance(node, ast.IfExp):
            test, body, orelse = self.condition(node.test), self.condition(node.body), self.condition(node.orelse)
            return _Clause(Text("{body} when {test}, and {orelse} otherwise",
                                "{body} cuando {test}, y {orelse} en otro caso").format(
                body=body.text, test=test.text, orelse=orelse.text), compound=True)
        if isinstance(node, ast.Constant):
            raise _Unphrasable("a constant condition")
        return self.truthy(self.term(node), negated=False)

    def truthy(self, term: _Term, *, negated: bool) -> _Clause:
        """A value used as a condition: a yes/no answered yes, a number not 0, anything else answered."""
        q, kind = term.question, term.kind
        if kind is QType.YES_NO:
            if q is not None and q.answered_by_user:
                predicate = (Text("is answered no or left blank", "se contesta que no o se deja en blanco") if negated
                             else Text("is answered yes", "se contesta que sí"))
            else:
                predicate = (Text("is not “Yes”", "no es «Sí»") if negated else Text("is “Yes”", "es «Sí»"))
        elif kind in NUMERIC_TYPES or kind is None:
            zero = self.number(0)
            if q is None:  # a computed value: blank counts as false too, but it is never blank by itself
                predicate = (Text("is {z}", "es {z}") if negated else Text("is not {z}", "no es {z}")).format(z=zero)
            else:
                predicate = (Text("is {z} or left blank", "es {z} o se deja en blanco") if negated
                             else Text("is answered and is not {z}", "se contesta y no es {z}")).format(z=zero)
        else:
            predicate = (Text("is left blank", "se deja en blanco") if negated
                         else Text("is answered", "se contesta"))
        return self.about(term, predicate, joined=" or " in predicate.en or " and " in predicate.en)

    def about(self, term: _Term, predicate: Text, *, equals: Text | None = None, differs: Text | None = None,
              joined: bool = False) -> _Clause:
        subject = term.question.name if term.question is not None else None
        return _Clause(term.text + Text(" ", " ") + predicate, subject, term.text, predicate, equals, differs,
                       joined=joined)

    def negation(self, node: ast.expr) -> _Clause:
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            return self.condition(node.operand)
        if isinstance(node, ast.BoolOp):  # De Morgan: not (a and b) is (not a) or (not b)
            other: ast.boolop = ast.Or() if isinstance(node.op, ast.And) else ast.And()
            return self.bool_op(ast.BoolOp(op=other, values=[ast.UnaryOp(op=ast.Not(), operand=v)
                                                             for v in node.values]))
        if isinstance(node, ast.Compare) and len(node.ops) == 1:
            flipped = ast.Compare(left=node.left, ops=[_NEGATE[type(node.ops[0])]()], comparators=node.comparators)
            return self.compare(flipped)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "selected":
            return self.selected(node, negated=True)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "blank":
            return self.blank(node.args[0], negated=True)
        if isinstance(node, ast.Name | ast.Call | ast.BinOp):
            return self.truthy(self.term(node), negated=True)
        inner = self.condition(node)
        return _Clause(Text("it is not the case that {c}", "no se cumple que {c}").format(c=inner.text),
                       compound=True)

    def bool_op(self, node: ast.BoolOp) -> _Clause:
        clauses: list[_Clause] = []
        for value in node.values:  # a or (b or c) reads as one list
            if isinstance(value, ast.BoolOp) and type(value.op) is type(node.op):
                clauses += [self.condition(v) for v in value.values]
            else:
                clauses.append(self.condition(value))
        either = isinstance(node.op, ast.Or)
        en_word, es_word = ("or", "o") if either else ("and", "y")
        subjects = {c.subject for c in clauses}
        if len(subjects) == 1 and None not in subjects:
            first = clauses[0]
            assert first.subject_text is not None
            subject_text = first.subject_text
            if either and all(c.equals is not None for c in clauses):
                return self.is_one_of(subject_text, first.subject, [c.equals for c in clauses if c.equals])
            if not either and all(c.differs is not None for c in clauses):
                return self.is_none_of(subject_text, first.subject, [c.differs for c in clauses if c.differs])
            predicate = _series([_p(c) for c in clauses], en_word, es_word)
            return _Clause(subject_text + Text(" ", " ") + predicate, first.subject, subject_text, predicate,
                           joined=True)
        nested = any(c.compound or c.joined for c in clauses)
        texts = [Text(f"({c.text.en})", f"({c.text.es})") if c.listed else c.text for c in clauses]
        return _Clause(_series(texts, en_word, es_word, comma=nested), compound=True, listed=nested)

    def is_one_of(self, subject: Text, name: str | None, values: Sequence[Text]) -> _Clause:
        if len(values) == 1:
            predicate = Text("is ", "es ") + values[0]
        elif len(values) == 2:
            predicate = Text("is ", "es ") + _series(values, "or", "o")
        else:
            predicate = Text("is one of ", "es cualquiera de ") + _series(values, "or", "o")
        return _Clause(subject + Text(" ", " ") + predicate, name, subject, predicate, joined=len(values) > 1)

    def is_none_of(self, subject: Text, name: str | None, values: Sequence[Text]) -> _Clause:
        if len(values) == 1:
            predicate = Text("is not ", "no es ") + values[0]
        elif len(values) == 2:
            predicate = Text("is neither {a} nor {b}", "no es {a} ni {b}").format(a=values[0], b=values[1])
        else:
            predicate = Text("is none of ", "no es ninguna de ") + _series(values, "or", "o")
        return _Clause(subject + Text(" ", " ") + predicate, name, subject, predicate, joined=len(values) > 1)

    def selected(self, node: ast.Call, *, negated: bool) -> _Clause:
        subject = self.term(node.args[0])
        choice = self.value(node.args[1], subject)
        predicate = (Text("does not include ", "no incluye ") if negated else Text("includes ", "incluye ")) + choice
        return self.about(subject, predicate)

    def blank(self, node: ast.expr, *, negated: bool) -> _Clause:
        term = self.term(node)
        return self.about(term, Text("is answered", "se contesta") if negated
                          else Text("is left blank", "se deja en blanco"))

    def compare(self, node: ast.Compare) -> _Clause:
        if len(node.ops) > 1:  # a < b < c: each pair, joined by "and"
            lefts = [node.left, *node.comparators[:-1]]
            pairs = [ast.Compare(left=a, ops=[op], comparators=[b])
                     for a, op, b in zip(lefts, node.ops, node.comparators, strict=True)]
            return self.bool_op(ast.BoolOp(op=ast.And(), values=list(pairs)))
        op, left, right = node.ops[0], node.left, node.comparators[0]
        if isinstance(op, ast.In | ast.NotIn):
            if isinstance(right, ast.List | ast.Tuple):
                subject = self.term(left)
                values = [self.value(v, subject) for v in right.elts]
                if not values or len(values) > MAX_LIST:
                    raise _Unphrasable("an empty or long list")
                if isinstance(op, ast.In):
                    return self.is_one_of(subject.text, _name(subject), values)
                return self.is_none_of(subject.text, _name(subject), values)
            holder = self.term(right)
            if holder.kind is QType.SELECT_MULTIPLE:  # 'x' in markets: selected(markets, 'x')
                call = ast.Call(func=ast.Name(id="selected", ctx=ast.Load()), args=[right, left], keywords=[])
                return self.selected(call, negated=isinstance(op, ast.NotIn))
            raise _Unphrasable("'in' a value that is not a list")
        if _is_literal(left) and not _is_literal(right):
            left, right = right, left
            op = _FLIP[type(op)]()
        subject = self.term(left)
        if isinstance(right, ast.Constant) and right.value is None:
            if isinstance(op, ast.Eq | ast.Is):
                return self.blank(left, negated=False)
            if isinstance(op, ast.NotEq | ast.IsNot):
                return self.blank(left, negated=True)
            raise _Unphrasable("an order against None")
        if isinstance(op, ast.Is | ast.IsNot):
            raise _Unphrasable("'is' against a value other than None")
        if isinstance(right, ast.Constant) and isinstance(right.value, bool):
            if not isinstance(op, ast.Eq | ast.NotEq):
                raise _Unphrasable("an order against yes or no")
            wanted = right.value if isinstance(op, ast.Eq) else not right.value
            return self.yes_no(subject, wanted=wanted, exact=isinstance(op, ast.Eq))
        value = self.value(right, subject)
        if isinstance(op, ast.Eq):
            return self.about(subject, Text("is ", "es ") + value, equals=value)
        if isinstance(op, ast.NotEq):
            return self.about(subject, Text("is not ", "no es ") + value, differs=value)
        numbers, dates = _COMPARE[type(op)]
        words = dates if subject.kind is QType.DATE else numbers
        return self.about(subject, words + Text(" ", " ") + value)

    def yes_no(self, subject: _Term, *, wanted: bool, exact: bool) -> _Clause:
        """`x == True` (exact) or `x != False` (not exact: a blank answer passes too)."""
        q = subject.question
        asked = q is not None and q.answered_by_user
        if asked:
            answer = Text("is answered yes", "se contesta que sí") if wanted else Text("is answered no",
                                                                                       "se contesta que no")
        else:
            answer = Text("is “Yes”", "es «Sí»") if wanted else Text("is “No”", "es «No»")
        if not exact:
            answer += Text(" or left blank", " o se deja en blanco")
        return self.about(subject, answer, joined=not exact)

    # --- terms ---------------------------------------------------------------------------------------------

    def term(self, node: ast.expr) -> _Term:
        if isinstance(node, ast.Name):
            if node.id in ("True", "False", "None"):
                raise _Unphrasable("a constant name")
            q = self.question(node.id)
            if q is None:
                raise _Unphrasable("a name that is no question")
            return _Term(self.label(q), q, q.value_type)
        if isinstance(node, ast.Constant):
            return _Term(self.value(node, None), None, None)
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub | ast.UAdd):
            inner = self.term(node.operand)
            sign = Text("minus ", "menos ") if isinstance(node.op, ast.USub) else Text("", "")
            return _Term(sign + inner.text, None, QType.DECIMAL)
        if isinstance(node, ast.BinOp) and type(node.op) in _ARITHMETIC:
            template, rank = _ARITHMETIC[type(node.op)]
            parts = []
            for side in (node.left, node.right):
                text = self.term(side).text
                side_rank = _ARITHMETIC[type(side.op)][1] if isinstance(side, ast.BinOp) else None
                if side_rank is not None and (side_rank < rank or (side is node.right and side_rank == rank)):
                    text = Text(f"({text.en})", f"({text.es})")
                parts.append(text)
            return _Term(template.format(a=parts[0], b=parts[1]), None, QType.DECIMAL)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            return self.call(node.func.id, node.args)
        raise _Unphrasable(type(node).__name__)

    def call(self, name: str, args: Sequence[ast.expr]) -> _Term:
        if name == "today":
            return _Term(Text("today", "hoy"), None, QType.DATE)
        if name == "count":
            return _Term(Text("the number of rows in {x}", "el número de filas de {x}").format(
                x=self.term(args[0]).text), None, QType.INTEGER)
        if name == "total":
            group = self.term(args[0])
            column = args[1]
            if (group.question is None or group.question.type is not QType.REPEAT
                    or not isinstance(column, ast.Constant) or not isinstance(column.value, str)
                    or (field := group.question.row_question(column.value)) is None):
                raise _Unphrasable("total() of an unknown column")
            return _Term(Text("the total of {c} in {g}", "el total de {c} en {g}").format(
                c=_quoted(field.label), g=group.text), None, QType.DECIMAL)
        if name == "year":
            inner = self.term(args[0])
            if inner.text == Text("today", "hoy"):
                return _Term(Text("the current year", "el año en curso"), None, QType.INTEGER)
            return _Term(Text("the year of {x}", "el año de {x}").format(x=inner.text), None, QType.INTEGER)
        if name == "length":
            return _Term(Text("the length of {x}", "la longitud de {x}").format(x=self.term(args[0]).text), None,
                         QType.INTEGER)
        if name == "abs":
            return _Term(Text("the absolute value of {x}", "el valor absoluto de {x}").format(
                x=self.term(args[0]).text), None, QType.DECIMAL)
        if name == "round":
            rounded = self.term(args[0]).text
            digits = args[1].value if len(args) > 1 and isinstance(args[1], ast.Constant) else 0
            if not isinstance(digits, int) or isinstance(digits, bool):
                raise _Unphrasable("round() to a computed number of decimals")
            if digits == 0:
                return _Term(Text("{x} rounded to a whole number", "{x} redondeado a entero").format(x=rounded),
                             None, QType.DECIMAL)
            places = Text("{n} decimal", "{n} decimal") if digits == 1 else Text("{n} decimals", "{n} decimales")
            return _Term(Text("{x} rounded to ", "{x} redondeado a ").format(x=rounded) + places.format(n=digits),
                         None, QType.DECIMAL)
        if name in ("min", "max"):
            terms = [self.term(a).text for a in args]
            if len(terms) == 1:
                return _Term(terms[0], None, QType.DECIMAL)
            if name == "min":
                head = Text("the smaller of ", "el menor entre ") if len(terms) == 2 else Text(
                    "the smallest of ", "el menor de ")
            else:
                head = Text("the larger of ", "el mayor entre ") if len(terms) == 2 else Text(
                    "the largest of ", "el mayor de ")
            return _Term(head + _series(terms, "and", "y"), None, QType.DECIMAL)
        raise _Unphrasable(f"{name}() as a value")

    def value(self, node: ast.expr, subject: _Term | None) -> Text:
        """A literal (or another question, or a computed value) in words, as the subject's answer would read."""
        if not isinstance(node, ast.Constant):
            if (isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub)
                    and isinstance(node.operand, ast.Constant) and isinstance(node.operand.value, int | Decimal)
                    and not isinstance(node.operand.value, bool)):
                return self.value(ast.Constant(value=-node.operand.value), subject)
            return self.term(node).text
        raw = node.value
        q = subject.question if subject is not None else None
        if isinstance(raw, bool):
            return _quoted(YES if raw else NO)
        if raw is None:
            raise _Unphrasable("None as a value")
        if _is_number(raw):
            assert isinstance(raw, int | Decimal)
            kind = subject.kind if subject is not None else None
            return self.number(raw, percent=kind is QType.PERCENT)
        if isinstance(raw, str):
            if q is not None and q.choices:
                choice = q.choice(raw)
                if choice is None:
                    raise _Unphrasable("a value that is not one of the choices")
                return _quoted(choice.label)
            if _IDENTIFIER.match(raw) or self.question(raw) is not None or not raw.strip():
                raise _Unphrasable("a text that reads like an internal value")
            return _quoted(Text.same(raw))
        raise _Unphrasable("a literal of another kind")


def _p(clause: _Clause) -> Text:
    assert clause.predicate is not None
    return clause.predicate


def _name(term: _Term) -> str | None:
    return term.question.name if term.question is not None else None


def _is_number(value: object) -> bool:
    return isinstance(value, int | Decimal) and not isinstance(value, bool)


def _is_literal(node: ast.expr) -> bool:
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        return _is_literal(node.operand)
    return isinstance(node, ast.Constant | ast.List | ast.Tuple)
