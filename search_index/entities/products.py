"""Products, software and brands written like people's names ("Internet Explorer", "MacBook
Pro", "BlackBerry Curve 8900", "Intel Xeon"): a run of capitalised words that nothing marks
as a person is not guessed to be one when its shape says it is a thing.

Truth before coverage: a product typed PERSON costs the reader's trust more than a missing
name, so such a run gets no type at all.
"""

from __future__ import annotations

from .tokens import _Token

# Last words of product and software names ("Windows Update", "MacBook Pro", "Internet
# Explorer", "Windows Server"); none is an English surname of any frequency.
PRODUCT_HEADS = frozenset(
    """
    pro air mini max plus lite update updates server explorer browser edition beta phone
    smartphone tablet app apps store player os suite processor chip console
    """.split()
)


def brand_word(core: str) -> bool:
    """ "BlackBerry", "PlayStation", "SeaMicro": a word with a capital inside after a word of
    three letters or more. People's names capitalise inside only after a short prefix ("McDermott",
    "MacFarlane", "DeGeneres", "LaSalle", "VanDeest")."""
    for i in range(4, len(core)):
        if core[i].isupper() and core[i - 1].islower():
            prefix = core[:i]
            return prefix.isalpha() and not prefix.lower().startswith(("mc", "mac", "van", "fitz"))
    return False


def product_like(run: list[_Token], tokens: list[_Token]) -> bool:
    """Whether a run of capitalised words reads as a product's name rather than a person's: a
    product word at its end or right after it ("Internet Explorer Web browser"), a
    brand-shaped word in it, or a model number right after it ("BlackBerry Curve 8900",
    "Windows 2000"; an age is set off by a comma)."""
    last_word = run[-1].lower
    if last_word in PRODUCT_HEADS or (last_word[-1:] == "s" and last_word[:-1] in PRODUCT_HEADS):
        return True  # "MacBook Pros"
    if any(brand_word(t.core) for t in run):
        return True
    first = run[0]
    if first.index and _model_before(tokens, first):
        return True
    last = run[-1]
    after = tokens[last.index + 1] if last.index + 1 < len(tokens) else None
    return (
        after is not None
        and after.line == last.line
        and after.start - last.end == 1
        and not last.possessive
        # "Internet Explorer Web browser": the name of what the product word names
        and (after.text[:1].isdigit() or after.text in PRODUCT_HEADS)
    )


# "a grey Toyota Camry", "his 2013 Toyota Camry": a colour or a model year is what a vehicle
# or a device is described by, never a person.
_COLOURS = frozenset(
    "grey gray silver black white red blue green gold beige maroon tan brown dark".split()
)
_DETERMINERS = frozenset({"a", "an", "the", "his", "her", "their", "its"})


def _model_before(tokens: list[_Token], first: _Token) -> bool:
    before = tokens[first.index - 1]
    if before.line != first.line or first.start - before.end != 1:
        return False
    text = before.text
    if len(text) == 4 and text.isdigit() and text[:2] in ("19", "20"):
        return first.index >= 2 and tokens[first.index - 2].text in _DETERMINERS | _COLOURS
    return (
        text in _COLOURS
        and first.index >= 2
        and tokens[first.index - 2].text in _DETERMINERS
        and before.start - tokens[first.index - 2].end == 1
    )
