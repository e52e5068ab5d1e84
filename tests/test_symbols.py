import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from committee.models import Document
from committee.symbols import UNSymbol, normalize_symbol, parse_symbol, symbol_sort_key


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("A/AC.291/6", UNSymbol("A/AC.291", "", None, 6)),
        ("A/AC.291/7", UNSymbol("A/AC.291", "", None, 7)),
        ("A/AC.291/8", UNSymbol("A/AC.291", "", None, 8)),
        ("A/AC.291/10", UNSymbol("A/AC.291", "", None, 10)),
        ("A/AC.291/11", UNSymbol("A/AC.291", "", None, 11)),
        ("A/AC.291/CRP.13", UNSymbol("A/AC.291", "CRP", None, 13)),
        ("A/AC.291/16", UNSymbol("A/AC.291", "", None, 16)),
        ("A/AC.291/19", UNSymbol("A/AC.291", "", None, 19)),
        ("A/AC.291/22", UNSymbol("A/AC.291", "", None, 22)),
        ("A/AC.291/22/Rev.3", UNSymbol("A/AC.291", "", None, 22, (("Rev", 3),))),
        ("A/AC.291/24/Add.1", UNSymbol("A/AC.291", "", None, 24, (("Add", 1),))),
        ("A/AC.291/25/Rev.1", UNSymbol("A/AC.291", "", None, 25, (("Rev", 1),))),
        ("A/AC.291/27", UNSymbol("A/AC.291", "", None, 27)),
        ("A/RES/79/243", UNSymbol("A", "RES", 79, 243)),
        ("A/RES/74/247", UNSymbol("A", "RES", 74, 247)),
        ("A/AC.291/L.4/Rev.1/Corr.1", UNSymbol("A/AC.291", "L", None, 4, (("Rev", 1), ("Corr", 1)))),
        ("A/AC.291/INF/1", UNSymbol("A/AC.291", "INF", None, 1)),
        ("A/79/460", UNSymbol("A", "", 79, 460)),
    ],
)
def test_parse_symbol_table(raw, expected):
    parsed = parse_symbol(raw)

    assert parsed == expected
    assert str(parsed) == raw


@pytest.mark.parametrize(
    ("raw", "normalized"),
    [
        ("a/ac.291/22/rev.3", "A/AC.291/22/Rev.3"),
        (" A / AC.291 / 24 / ADD.1 ", "A/AC.291/24/Add.1"),
        ("A/AC.291/22/Rev 3", "A/AC.291/22/Rev.3"),
        ("a/ac.291/crp.13", "A/AC.291/CRP.13"),
        ("a/res/79/243", "A/RES/79/243"),
    ],
)
def test_normalize_symbol_other_spellings(raw, normalized):
    assert normalize_symbol(raw) == normalized


def test_symbol_base_drops_suffixes():
    assert parse_symbol("A/AC.291/22/Rev.3").base == "A/AC.291/22"


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("", "it is empty"),
        ("A", "it has no document number"),
        ("A/AC.291", "it has no document number"),
        ("A/AC.291/CRP", "it has no document number"),
        ("AC.291/22", "it must start with the organ’s letters, such as A or E"),
        ("1/22", "it must start with the organ’s letters, such as A or E"),
        ("A//22", "it has an empty part between slashes"),
        ("A/RES/79", "a resolution or decision needs a session and a number, as in A/RES/79/243"),
        ("A/AC.291/22/Rev", "“REV” is not a suffix such as Rev.1, Add.1 or Corr.1"),
        ("A/AC.291/22/Foo.1", "“FOO.1” is not a suffix such as Rev.1, Add.1 or Corr.1"),
        ("A/AC.291/22/<script>", "“<SCRIPT>” is not a suffix such as Rev.1, Add.1 or Corr.1"),
        ("A/" + "9" * 90, "it is too long"),
    ],
)
def test_parse_symbol_malformed_says_why(raw, reason):
    with pytest.raises(ValidationError) as excinfo:
        parse_symbol(raw)

    assert excinfo.value.code == "invalid_symbol"
    assert excinfo.value.messages[0].endswith(f"is not a valid UN document symbol: {reason}.")


def test_symbol_sort_key_orders_symbols_by_their_numbers():
    symbols = ["A/AC.291/CRP.13", "A/AC.291/10", "A/AC.291/22/Rev.3", "A/AC.291/6", "A/AC.291/22", "A/AC.291/24/Add.1"]

    in_order = sorted(symbols, key=symbol_sort_key)

    assert in_order == [
        "A/AC.291/6", "A/AC.291/10", "A/AC.291/22", "A/AC.291/22/Rev.3", "A/AC.291/24/Add.1", "A/AC.291/CRP.13",
    ]  # fmt: skip
    assert symbol_sort_key("A/AC.291/22/Rev.3") == "A/AC.000291  000022 Rev.000003"
    assert (symbol_sort_key(None), symbol_sort_key("")) == (None, None)


@pytest.mark.django_db
def test_every_document_of_the_record_keeps_its_symbols_sort_key():
    call_command("loaddata", "committee", verbosity=0)

    stored = list(Document.objects.values_list("symbol", "symbol_sort_key"))
    assert stored == [(symbol, symbol_sort_key(symbol)) for symbol, _ in stored]
