"""Site furniture (navigation, prompts, share buttons, teaser lists) and the shapes of lines
(headline, prose, a headline's " - Site" suffix)."""

from __future__ import annotations

import re

from .outlets import publication_like, site_like

# --------------------------------------------------------------------------------------------
# Chrome

_CHROME_WHOLE = re.compile(
    r"(?:top (?:headlines|stories|news)|feeds?|(?:main )?menu|navigation|home(?:page)?|search"
    r"|close|share(?: this(?: article| story| page)?)?|print|e-?mail|copy link|save|bookmark"
    r"|comments?|\d+ comments?|advertisement|advertising|ads?|sponsored(?: content)?"
    r"|skip to (?:main )?(?:content|navigation)|skip navigation|sign (?:in|up|out)|log ?(?:in|out)"
    r"|register|subscribe(?: now)?|newsletters?|rss(?: feeds?)?|follow us|updated|trending"
    r"|watch(?: live)?|listen|live|video|photos?|image|gallery|cookies?|accept(?: all)?"
    r"|reject all|manage (?:cookies|preferences|settings)|back to top|load more|show more"
    r"|see more|view more|continue reading|loading|toggle navigation|open menu|breaking news"
    r"|latest news|tweet|facebook|twitter|x|whatsapp|linkedin|telegram|reddit|pinterest"
    r"|more|next|previous|prev)"
)
# Phrases that are furniture wherever they appear in a short line, even one ending in a period.
_CHROME_STRONG = re.compile(
    r"we use cookies|cookie (?:policy|settings|preferences|consent|notice|banner)"
    r"|accept (?:all )?cookies|by continuing to (?:browse|use)|subscribe to our\b"
    r"|subscribe to (?:the|this) (?:newsletter|podcast|channel|feed|digest)"
    r"|subscribe (?:now|today)\b|\bsign (?:in|up) (?:to|with) (?:join|continue|comment|read|our)"
    r"|\blog in to\b|\bour newsletter|\bnewsletter sign|\brss feed|\bskip to (?:main )?content"
    r"|\bshare your thoughts|\bjoin the conversation|\ball rights reserved|listen to this article"
    r"|\(\d+ (?:articles?|stories|sources|comments|posts)\)|\b\d+ min(?:ute)?s? read\b"
    r"|\bshare (?:this|on) (?:article|story|facebook|twitter|x|whatsapp|linkedin|email)\b"
    r"|\bfollow us on\b|\bdownload (?:our|the) app\b|\bclick here to\b|\bscroll to continue"
    r"|\benable javascript\b|\bupdate your browser\b"
)
# Words that are furniture only in a short line that is not a sentence.
_CHROME_WEAK = re.compile(
    r"subscribe|\bsign (?:in|up)\b|\blog ?in\b|\bnewsletter|\brss\b|\badvertisement\b"
    r"|\bskip to\b|\bshare (?:this|on|via)\b|\bfollow us\b|\btop headlines\b|\bread more\b"
    r"|\bmore from\b|\bmost (?:read|popular|viewed)\b|\byou (?:may|might) also like\b"
    r"|\brelated (?:articles|stories|content|coverage|topics)\b"
)
_AI_GENERATED = re.compile(
    r"\b(?:ai|artificial[ -]intelligence)[- ]?(?:generated|assisted|written|produced|powered)\b"
    r"|\b(?:generated|written|produced|created|summari[sz]ed|assisted)\s+(?:by|with|using)\s+"
    r"(?:an?\s+)?(?:ai|artificial intelligence|generative ai|(?:large\s+)?language models?)\b"
)
_DISCLAIMER_CUE = re.compile(
    r"^(?:this|the|our) (?:content|article|summary|story|text|report|page|post)\b"
    r"|\b(?:accuracy|accurate|errors?|mistakes|verify|verifying|reviewed|editors?|original source"
    r"|may contain|disclaimer)\b"
)
# Lines arrive folded, and folding turns "»" into '"': "Home » World" reads 'Home " World'.
_NAV_SEPARATOR = re.compile(r"\s(?:\||•|·|>|»|›|/|\")\s")
_EDGE_PUNCT = " \t-|•·:>»›*#=_~"


# Cheap substring tests that let most body lines skip the slower alternation regexes.
_STRONG_TRIGGERS = (
    "cookie", "subscribe", "sign ", "log in", "newsletter", "rss", "skip to", "share",
    "conversation", "rights reserved", "listen to", "(", " read", "follow us", "download",
    "click here", "scroll", "javascript", "browser", "by continuing",
)  # fmt: skip
_WEAK_TRIGGERS = (
    "subscribe", "sign ", "log", "newsletter", "rss", "advertisement", "skip to", "share",
    "follow us", "headlines", "read", "more from", "most ", "also like", "related",
)  # fmt: skip
_AI_TRIGGERS = ("ai", "intelligence", "language model")


def is_chrome(folded: str) -> bool:
    if not folded or len(folded) > 1500:
        return False
    low = folded.lower()
    if _CHROME_WHOLE.fullmatch(low.strip(_EDGE_PUNCT).rstrip(".!")):
        return True
    count = low.count(" ") + 1
    if count <= 40 and any(t in low for t in _STRONG_TRIGGERS) and _CHROME_STRONG.search(low):
        return True
    if (
        count <= 80
        and any(t in low for t in _AI_TRIGGERS)
        and _AI_GENERATED.search(low)
        and _DISCLAIMER_CUE.search(low)
    ):
        return True
    is_sentence = low[-1] in ".!?\"'"
    if (
        count <= 20
        and (not is_sentence or count <= 4)
        and any(t in low for t in _WEAK_TRIGGERS)
        and _CHROME_WEAK.search(low)
    ):
        return True
    if not low.startswith("|") and len(_NAV_SEPARATOR.findall(low)) >= 2:
        parts = _NAV_SEPARATOR.split(low)
        if all(len(p.split()) <= 3 for p in parts):
            return True
    return False


# The header of a trailing list of teasers to other stories.
_RELATED_HEADER = re.compile(
    r"(?:all\s+)?(?:related|recommended|similar|more|further|popular|trending)"
    r"(?:\s+(?:articles?|stories|news|reading|coverage|content|links|posts|videos?|reads|topics"
    r"|headlines))?(?:\s+(?:from|on|in|about|for)\b.{0,60})?"
    r"|(?:top|latest|other|more|must)\s+(?:articles?|stories|news|reads|headlines)"
    r"|read (?:more|next|also)|also read|see also|what to read next|don't miss"
    r"|you (?:may|might) (?:also )?(?:like|enjoy|be interested in)"
    r"|most (?:read|popular|viewed|shared)(?:\s+(?:articles|stories))?|more (?:to explore|for you)"
    r"|recommended for you|editor'?s'? picks"
)
_COUNTER = re.compile(r"\s*\(\d+[^)]*\)\s*$")


def is_related_header(folded: str) -> bool:
    if len(folded) > 100:
        return False
    low = _COUNTER.sub("", folded.lower()).strip(_EDGE_PUNCT).rstrip(".")
    return len(low.split()) <= 8 and _RELATED_HEADER.fullmatch(low) is not None


# --------------------------------------------------------------------------------------------
# Line shapes

_SENTENCE_BREAK = re.compile(r"[a-z]{3,}[.!?][\"')\]]*\s+[\"'(]?[A-Z0-9]")
_HAS_LETTER = re.compile(r"[^\W\d_]")
_LIST_START = ("|", "- ", "* ", "• ", "· ", "> ")


def _ends_with_period(text: str) -> bool:
    return text.endswith(".") and not text.endswith("...")


def headline_shaped(folded: str) -> bool:
    if len(folded) > 300 or folded.startswith(_LIST_START) or not _HAS_LETTER.search(folded):
        return False
    count = len(folded.split())
    if not 3 <= count <= 30:
        return False
    if _SENTENCE_BREAK.search(folded):
        return False
    return not (_ends_with_period(folded) and count > 20)


def prose_shaped(folded: str) -> bool:
    """Body text: once a line like this is reached, the headline is not further down."""
    if len(folded) > 300:
        return True
    count = len(folded.split())
    if count > 30:
        return True
    if count > 15 and _SENTENCE_BREAK.search(folded):
        return True
    return _ends_with_period(folded) and count > 20


# Headline suffixes: "Shares slump - BBC News", "Kim visits studio | NK News".
_TITLE_SUFFIX = re.compile(r"\s+(?:\||-{1,2}|::)\s+")


def split_title_suffix(folded: str) -> tuple[int, int] | None:
    """(end of headline, start of site name) when the headline ends in a site name."""
    separators = list(_TITLE_SUFFIX.finditer(folded))
    if not separators:
        return None
    sep = separators[-1]
    head, suffix = folded[: sep.start()], folded[sep.end() :].strip()
    if len(head.split()) < 3:
        return None
    if publication_like(suffix) or ("|" in sep.group() and site_like(suffix)):
        return sep.start(), sep.end()
    return None
