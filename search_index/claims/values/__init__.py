"""Reading the values of the date and quantity spans ``entities.values`` finds.

A span such as "approximately 11,000 North Korean soldiers" becomes a figure, the interval the
text allows, the unit and what is counted; "In October" becomes a month once the article's
publication date anchors it. Comparing sources needs intervals rather than bare figures: "more
than 10,000" and "about 14,000" are both true of the same event, "about 11,000" and "about
14,000" cannot be.

Nothing here knows about any story: only English number, unit, hedge and calendar words.
Every public function returns ``None`` (or ``False``) for text it cannot read, never raises.

May import ``search_index.text``, ``calendar_words`` and ``entities.lexicon`` (number words);
nothing else of the project.
"""

from .dates import parse_date
from .hedges import hedge_class
from .ordinals import ORDINAL_AT, parse_ordinal
from .quantities import compatible, parse_quantity, same_value, to_base
from .times import TIME_AT, parse_time
from .types import DateValue, QuantityValue

__all__ = [
    "ORDINAL_AT",
    "TIME_AT",
    "DateValue",
    "QuantityValue",
    "compatible",
    "hedge_class",
    "parse_date",
    "parse_ordinal",
    "parse_quantity",
    "parse_time",
    "same_value",
    "to_base",
]
