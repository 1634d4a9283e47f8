"""Reading a number exactly as written (tracker.claims.numbers)."""
import pytest

from tracker.claims.numbers import read_digits, read_number, read_words


@pytest.mark.parametrize("raw, value", [
    ("7", 7), ("100,000", 100000), ("1,234,567", 1234567), ("3.75", 3.75), ("1,250.5", 1250.5), ("0.4", 0.4),
])
def test_digits_with_separators_and_decimals(raw, value):
    assert read_digits(raw) == value


@pytest.mark.parametrize("raw", ["100,00", "1,0000", "12,34,567", "1.2.3", "1,000,00"])
def test_malformed_digits_are_not_read(raw):
    # a tracker never guesses whether "100,00" meant 100 or 100,000
    assert read_digits(raw) is None


@pytest.mark.parametrize("raw, value", [
    ("two", 2), ("Twelve", 12), ("twenty-one", 21), ("twenty one", 21), ("ninety-nine", 99),
    ("a dozen", 12), ("two dozen", 24), ("a hundred", 100), ("one hundred and two", 102),
    ("a hundred and two", 102), ("three thousand", 3000), ("six million", 6e6), ("two billion", 2e9),
    ("half a million", 5e5), ("two and a half", 2.5), ("one and a half million", 1.5e6),
    ("a quarter", 0.25), ("three quarters", 0.75), ("two-thirds", 2 / 3), ("a third", 1 / 3), ("half", 0.5),
    ("one-fifth", 0.2),
])
def test_written_numbers(raw, value):
    assert read_words(raw) == pytest.approx(value)


@pytest.mark.parametrize("raw", ["", "ministers", "two ministers", "a", "a two"])
def test_words_that_are_not_a_number(raw):
    assert read_words(raw) is None


@pytest.mark.parametrize("raw, value", [
    ("$1.2 billion", 1.2e9), ("£600m", 6e8), ("$11.1bn", 11.1e9), ("€10B", 1e10), ("$846.8million", 846.8e6),
    ("5 million", 5e6), ("£30k", 30000), ("US$5", 5), ("$2.174T", 2.174e12), ("12", 12),
    ("2 million 300 thousand", 2.3e6),
])
def test_figures_with_currency_and_scale(raw, value):
    assert read_number(raw) == pytest.approx(value)


def test_malformed_figure_with_currency_is_not_read():
    assert read_number("$100,00") is None


def test_a_figure_too_large_for_a_float_is_not_read():
    # float() of 400 digits is infinity, which is no figure and no JSON: flagged malformed instead
    assert read_digits("9" * 400) is None
    assert read_digits("9" * 300) == pytest.approx(1e300)
