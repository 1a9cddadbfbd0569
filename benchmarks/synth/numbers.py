"""Numbers and dates in words, as news copy writes them: "nine", "about 1,200", "$4.5 million"."""

from __future__ import annotations

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")  # fmt: skip
_SMALL = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_ORDINAL = {2: "second", 3: "third", 4: "fourth", 5: "fifth", 6: "sixth", 7: "seventh",
            8: "eighth", 9: "ninth", 10: "10th"}  # fmt: skip


def in_words(n: int) -> str:
    return _SMALL[n] if 0 <= n < 10 else f"{n:,}"


def count_text(n: int) -> str:
    if n >= 1_000_000:
        return _trim(n / 1e6) + " million"
    return in_words(n)


def _trim(x: float) -> str:
    text = f"{x:.1f}" if x < 100 else f"{x:.0f}"
    return text.removesuffix(".0")


def _round_step(n: int) -> int:
    digits = len(str(n))
    return max(5, 10 ** (digits - 2)) if n >= 20 else 1


def _round_down(n: int) -> int:
    step = _round_step(n)
    down = (n // step) * step
    return down - step if down >= n else down


def _round_up(n: int) -> int:
    step = _round_step(n)
    return (n // step + 1) * step


def ordinal(n: int) -> str:
    if n in _ORDINAL:
        return _ORDINAL[n]
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def hedged(n: int, hedge: str, vague_ok: bool) -> str:
    """A count with a newsroom hedge; vague forms end in "of" so a plural noun must follow."""
    if hedge == "vague" and vague_ok:
        if 10 <= n <= 14:
            return "about a dozen" if n != 12 else "a dozen"
        for low, high, words in (
            (20, 99, "dozens of"),
            (200, 999, "hundreds of"),
            (2000, 9999, "thousands of"),
            (20000, 99999, "tens of thousands of"),
            (200000, 999999, "hundreds of thousands of"),
        ):
            if low <= n <= high:
                return words
        hedge = "at least"
    if hedge == "vague":
        hedge = "at least"
    if n < 20 and hedge not in ("exact", "at least"):
        hedge = "at least"
    if hedge == "exact":
        return count_text(n)
    if hedge in ("at least", "up to"):
        return f"{hedge} {count_text(n)}"
    if hedge in ("more than", "over"):
        down = _round_down(n)
        return f"{hedge} {count_text(down)}" if down > 0 else count_text(n)
    if hedge in ("nearly", "almost", "close to"):
        if n % _round_step(n) == 0:
            return f"at least {count_text(n)}"
        return f"{hedge} {count_text(_round_up(n))}"
    step = _round_step(n)
    return f"{hedge} {count_text(max(step, round(n / step) * step))}"


def money_text(v: float, symbol: str, suffix: str = "") -> str:
    if v >= 1e12:
        text = _trim(v / 1e12) + " trillion"
    elif v >= 1e9:
        text = _trim(v / 1e9) + " billion"
    elif v >= 1e6:
        text = _trim(v / 1e6) + " million"
    else:
        text = f"{round(v, -3):,.0f}"
    return f"{symbol}{text}{suffix}"
