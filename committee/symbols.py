"""UN document symbols: parsing and normalization.

A symbol such as ``A/AC.291/22/Rev.3`` names the issuing body (``A/AC.291``: the General
Assembly's Ad Hoc Committee 291), an optional series (``CRP``, ``L``, ``INF``, ``RES``, ...), an
optional session (``79`` in ``A/RES/79/243``), a number, and suffixes (``Rev.3``, ``Add.1``,
``Corr.1``, ``Amend.1``) applied in order. :func:`parse_symbol` is the one place that reads them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Series written with a dot before their number: A/AC.291/CRP.13, A/AC.291/L.4.
DOTTED_SERIES = frozenset({"CRP", "L", "WP", "MISC"})
# Series written as their own segment: A/RES/79/243, A/AC.291/INF/1.
SEGMENT_SERIES = frozenset({"RES", "DEC", "INF", "NGO", "PV", "SR"})
# Suffixes and their canonical spelling.
SUFFIXES = {"REV": "Rev", "ADD": "Add", "CORR": "Corr", "AMEND": "Amend"}

_ORGAN = re.compile(r"^[A-Z]{1,5}$")
_BODY_PART = re.compile(r"^([A-Z]{1,6})\.?(\d+)$")  # AC.291, C.3, CN.15
_DOTTED = re.compile(r"^([A-Z]{1,5})\.\s*(\d+)$")
_SUFFIX = re.compile(r"^([A-Z]+)\.?\s*(\d+)$")
_NUMBER = re.compile(r"^\d{1,5}$")
_MAX_LENGTH = 80


@dataclass(frozen=True)
class UNSymbol:
    """A parsed UN document symbol; ``str()`` gives its normalized form."""

    body: str
    series: str
    session: int | None
    number: int
    suffixes: tuple[tuple[str, int], ...] = ()

    def __str__(self) -> str:
        parts = [self.body]
        if self.series in DOTTED_SERIES:
            parts.append(f"{self.series}.{self.number}")
        else:
            if self.series:
                parts.append(self.series)
            if self.session is not None:
                parts.append(str(self.session))
            parts.append(str(self.number))
        parts.extend(f"{name}.{n}" for name, n in self.suffixes)
        return "/".join(parts)

    @property
    def base(self) -> str:
        """The symbol without its suffixes: what a revision or addendum belongs to."""
        return str(UNSymbol(self.body, self.series, self.session, self.number))


def _invalid(symbol: str, reason: str) -> ValidationError:
    return ValidationError(
        _("“%(symbol)s” is not a valid UN document symbol: %(reason)s."),
        code="invalid_symbol",
        params={"symbol": symbol, "reason": reason},
    )


def parse_symbol(raw: str) -> UNSymbol:
    """Parse a UN symbol, tolerating case and spacing; raise ValidationError if malformed."""
    text = re.sub(r"\s*/\s*", "/", (raw or "").strip())
    if not text:
        raise _invalid(raw, _("it is empty"))
    if len(text) > _MAX_LENGTH:
        raise _invalid(raw[:_MAX_LENGTH] + "…", _("it is too long"))
    parts = [part.upper() for part in text.split("/")]
    if any(not part for part in parts):
        raise _invalid(raw, _("it has an empty part between slashes"))

    if not _ORGAN.match(parts[0]):
        raise _invalid(raw, _("it must start with the organ’s letters, such as A or E"))
    body = [parts[0]]
    i = 1
    # Subsidiary bodies such as AC.291 extend the body, unless they are a dotted series.
    while i < len(parts) and (m := _BODY_PART.match(parts[i])) and m[1] not in DOTTED_SERIES:
        if m[1] in SUFFIXES:
            break
        body.append(f"{m[1]}.{m[2]}")
        i += 1
    if i >= len(parts):
        raise _invalid(raw, _("it has no document number"))

    series, session = "", None
    if (m := _DOTTED.match(parts[i])) and m[1] in DOTTED_SERIES:
        series, number = m[1], int(m[2])
        i += 1
    else:
        if parts[i] in SEGMENT_SERIES:
            series = parts[i]
            i += 1
        numbers = []
        while i < len(parts) and _NUMBER.match(parts[i]) and len(numbers) < 2:
            numbers.append(int(parts[i]))
            i += 1
        if not numbers:
            raise _invalid(raw, _("it has no document number"))
        if series in {"RES", "DEC"} and len(numbers) != 2:
            raise _invalid(raw, _("a resolution or decision needs a session and a number, as in A/RES/79/243"))
        if len(numbers) == 2:
            session, number = numbers
        else:
            number = numbers[0]

    suffixes = []
    for part in parts[i:]:
        m = _SUFFIX.match(part)
        if not m or m[1] not in SUFFIXES:
            raise _invalid(raw, _("“%(part)s” is not a suffix such as Rev.1, Add.1 or Corr.1") % {"part": part})
        suffixes.append((SUFFIXES[m[1]], int(m[2])))
    return UNSymbol("/".join(body), series, session, number, tuple(suffixes))


def normalize_symbol(raw: str) -> str:
    """The canonical spelling of a symbol (``a/ac.291/22/rev.3`` → ``A/AC.291/22/Rev.3``)."""
    return str(parse_symbol(raw))


def validate_symbol(value: str) -> None:
    """Model-field validator: accept any spelling that parses."""
    parse_symbol(value)


# Numbers padded to this width sort as numbers in a text column (A/AC.291/6 before A/AC.291/10).
_SORT_WIDTH = 6


def symbol_sort_key(symbol: str | None) -> str | None:
    """A text that sorts symbols by their numbers, for the database to order by.

    ``A/AC.291/6`` → ``A/AC.000291 000006``, ``A/AC.291/22/Rev.3`` → ``A/AC.000291 000022 Rev.000003``:
    the parts are joined by a space, which sorts before any letter or digit, so a document comes
    before its revisions and plain numbers before a series (CRP, L, RES). A symbol that does not
    parse keeps its own text; a document without a symbol has no key (listed after the others).
    """
    if not symbol:
        return None
    try:
        parsed = parse_symbol(symbol)
    except ValidationError:
        return symbol

    def padded(text: str) -> str:
        return re.sub(r"\d+", lambda m: m[0].zfill(_SORT_WIDTH), text)

    parts = [padded(parsed.body), parsed.series]
    if parsed.session is not None:
        parts.append(str(parsed.session).zfill(_SORT_WIDTH))
    parts.append(str(parsed.number).zfill(_SORT_WIDTH))
    parts.extend(f"{name}.{str(n).zfill(_SORT_WIDTH)}" for name, n in parsed.suffixes)
    return " ".join(parts)
