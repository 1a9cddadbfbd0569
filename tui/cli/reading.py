"""``kimreader list``, ``entities`` and ``show``: reading the corpus from the shell (``search``
has a module of its own, ``search.py``)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal

import click
from rich.table import Table
from rich.text import Text

from search_index.library import EntityMention
from search_index.models import ENTITY_TYPES, Article, ArticleInfo
from search_index.versions import Version

from ..plain import printable
from .output import (
    article_json,
    complete_article_id,
    open_library,
    print_json,
    stdout,
)

# Colour plus a non-colour cue per type, so highlights still read under NO_COLOR.
ENTITY_STYLES = {
    "PERSON": "bold cyan",
    "ORG": "bold underline magenta",
    "PLACE": "underline green",
    "DATE": "italic yellow",
    "QUANTITY": "italic underline blue",
}
# The list table's narrowest id and outlet columns (wider on a wider terminal), and the room a
# title always keeps.
ID_MIN_WIDTH = 10
TITLE_MIN_WIDTH = 20


@click.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@click.pass_obj
def list_cmd(corpus: Path | None, as_json: bool) -> None:
    """List the corpus's articles: id, title, outlet, publication date, words."""
    with open_library(corpus) as library:
        articles = library.catalog()
        versions = library.versions(articles)
    if as_json:
        print_json([_article_json(a) | _version_json(versions.get(a.id)) for a in articles])
        return
    rows = [
        # printable(): ids and titles from file names must not write escape sequences to the
        # terminal.
        (
            printable(article.id),
            printable(_listed_title(article, versions)),
            printable(article.outlet or "—"),
            article.published.isoformat() if article.published else "—",
            str(article.words),
        )
        for article in articles
    ]
    columns = _list_columns(rows, stdout().width)
    others = sum(width for name, width in columns if name != "title")
    gaps = 3 * (len(columns) - 1)  # " │ " between columns, none at the edges
    longest_title = max((len(row[1]) for row in rows), default=len("title"))
    title_width = max(dict(columns)["title"], min(longest_title, stdout().width - others - gaps))
    shown = [name for name, _ in columns]
    # Printed a chunk at a time with every column's width fixed beforehand, so the first rows
    # show at once on a large corpus (laying out 10,000 rows as one table took seconds of
    # silence) and the chunks line up as one table.
    for start in range(0, max(len(rows), 1), LIST_CHUNK):
        table = _list_table(columns, title_width, header=start == 0)
        for row in rows[start : start + LIST_CHUNK]:
            cells = dict(zip(LIST_COLUMNS, row, strict=True))
            # Text(), never str: article text must not be read as Rich markup.
            table.add_row(*(Text(cells[name]) for name in shown))
        stdout().print(table)


LIST_CHUNK = 200


def _list_table(columns: list[tuple[str, int]], title_width: int, *, header: bool) -> Table:
    table = Table(show_edge=False, pad_edge=False, expand=False, show_header=header)
    for name, width in columns:
        if name == "title":
            # The rest of the line: titles are what the list is read for, so they wrap.
            table.add_column(name, width=title_width, overflow="fold")
        else:
            # Ids and outlets come from file names and metadata and can be any length: one
            # of 250 characters took the whole width and left every title a letter wide.
            # They are cut with an ellipsis (--json has them whole; a prefix finds the id).
            justify: Literal["left", "right"] = "right" if name == "words" else "left"
            table.add_column(
                name,
                justify=justify,
                no_wrap=True,
                overflow="ellipsis",
                width=width,
                style="bold" if name == "id" else "",
            )
    return table


LIST_COLUMNS = ("id", "title", "outlet", "published", "words")


def _list_columns(rows: Sequence[tuple[str, ...]], total: int) -> list[tuple[str, int]]:
    """The list table's columns and the widest each may be, for a terminal ``total`` wide.

    Ids get at most a quarter of the line and outlets a sixth; the title keeps at least
    TITLE_MIN_WIDTH (or a fifth of a narrow line). Where even that does not fit, the date and
    then the outlet are left out rather than squeezing every column to nothing.
    """

    def longest(index: int, header: str) -> int:
        return max([len(header), *(len(row[index]) for row in rows)])

    limits = {
        "id": min(longest(0, "id"), max(ID_MIN_WIDTH, total // 4)),
        "outlet": min(longest(2, "outlet"), max(ID_MIN_WIDTH, total // 6)),
        "published": longest(3, "published"),
        "words": longest(4, "words"),
    }
    title = min(TITLE_MIN_WIDTH, max(1, total // 5))
    names = list(LIST_COLUMNS)
    for optional in ("published", "outlet"):
        others = [n for n in names if n != "title"]
        gaps = 3 * (len(names) - 1)  # " │ " between columns, none at the edges
        if sum(limits[n] for n in others) + gaps + title <= total:
            break
        names.remove(optional)
    return [(n, title if n == "title" else limits[n]) for n in names]


@click.command("entities")
@click.option(
    "--type",
    "kind",
    type=click.Choice(ENTITY_TYPES, case_sensitive=False),
    help="Only entities of this type.",
)
@click.option(
    "--source",
    "source",
    metavar="ID",
    shell_complete=complete_article_id,
    help="Only entities this article mentions.",
)
@click.option("--limit", "-n", type=click.IntRange(1), default=None, help="At most this many.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@click.pass_obj
def entities_cmd(
    corpus: Path | None, kind: str | None, source: str | None, limit: int | None, as_json: bool
) -> None:
    """People, organisations, places, dates and quantities, merged across spellings and
    sources, most mentioned first."""
    with open_library(corpus) as library:
        source_id = library.resolve(source) if source else None
        entities = [
            e
            for e in library.entities().entities
            if (kind is None or e.type == kind.upper())
            and (source_id is None or source_id in e.sources)
        ][:limit]
    if as_json:
        print_json(
            [
                {
                    "name": e.name,
                    "type": e.type,
                    "variants": list(e.variants),
                    "sources": list(e.sources),
                    "mentions": e.mentions,
                }
                for e in entities
            ]
        )
        return
    table = Table(show_edge=False, pad_edge=False)
    table.add_column("type", no_wrap=True)
    table.add_column("name", style="bold")
    table.add_column("mentions", justify="right")
    table.add_column("sources", justify="right")
    table.add_column("variants")
    for entity in entities:
        others = [v for v in entity.variants if v != entity.name]
        table.add_row(
            Text(entity.type, style=ENTITY_STYLES.get(entity.type, "")),
            Text(printable(entity.name)),
            Text(str(entity.mentions)),
            Text(str(len(entity.sources))),
            Text(printable(", ".join(others))),
        )
    stdout().print(table)


@click.command("show")
@click.argument("article_id", metavar="ID", shell_complete=complete_article_id)
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
@click.pass_obj
def show_cmd(corpus: Path | None, article_id: str, as_json: bool) -> None:
    """Print one article (ID or a unique prefix of it) with its entities highlighted."""
    with open_library(corpus) as library:
        annotated = library.annotated(article_id)
    article = annotated.article
    if as_json:
        print_json(
            {
                **{k: v for k, v in _article_json(article).items() if k != "words"},
                "text": article.text,
                "entities": [_mention_json(m, article) for m in annotated.mentions],
            }
        )
        return
    text = Text(printable(article.text))  # one character for one: the offsets stay valid
    text.stylize("bold", 0, len(article.title))
    for m in annotated.mentions:
        text.stylize(ENTITY_STYLES.get(m.mention.type, "underline"), m.mention.start, m.mention.end)
    source = f"{article.format} from {article.source_url}" if article.format != "text" else None
    meta = " · ".join(p for p in (article.id, article.outlet, _published(article), source) if p)
    stdout().print(Text(printable(meta), style="dim"))
    stdout().print(text)
    stdout().print(_legend())


def _mention_json(m: EntityMention, article: Article) -> dict[str, Any]:
    """A mention for JSON; quantities and dates also carry their reading."""
    # Imported here: the claims' value readers compile patterns no other command needs.
    from search_index.claims.values import parse_date, parse_quantity

    data: dict[str, Any] = {
        "start": m.mention.start,
        "end": m.mention.end,
        "type": m.mention.type,
        "name": m.name,
        "text": m.mention.text,
    }
    if m.mention.type == "QUANTITY":
        quantity = parse_quantity(m.mention.text)
        data |= {
            "value": quantity.value if quantity else None,
            "unit": quantity.unit if quantity else None,
            "hedge": quantity.hedge if quantity else None,
        }
    elif m.mention.type == "DATE":
        anchor = article.published.value.date() if article.published else None
        when = parse_date(m.mention.text, anchor)
        data |= {"value": when.value if when else None, "unit": None, "hedge": None}
    return data


def _published(article: Article) -> str | None:
    return article.published.isoformat() if article.published else None


def _legend() -> Text:
    legend = Text("\n")
    for kind in ENTITY_TYPES:
        legend.append(f" {kind} ", style=ENTITY_STYLES[kind])
        legend.append(" ")
    return legend


def _article_json(article: Article | ArticleInfo) -> dict[str, Any]:
    return {
        **article_json(article),
        "words": article.words,
        "path": article.path,
        "url": article.url,
        "format": article.format,
        "source_url": article.source_url,
    }


def _version_json(version: Version | None) -> dict[str, Any]:
    if version is None:
        return {"version": None}
    return {
        "version": {
            "number": version.number,
            "of": version.count,
            "first": version.first_id,
            "previous": version.previous_id,
            "fetched_at": version.fetched_at.isoformat(),
        }
    }


def _listed_title(article: ArticleInfo, versions: dict[str, Version]) -> str:
    """The title, with the format of anything but a text file and its place among the
    captures of one page ("v2 of X"), so a second capture never passes for another outlet."""
    marks = [article.format] if article.format != "text" else []
    if article.id in versions:
        marks.append(versions[article.id].label)
    return f"{article.title}  [{', '.join(marks)}]" if marks else article.title
