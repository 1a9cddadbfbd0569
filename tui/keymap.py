"""What a key map from config.toml may name: the ids of the app's key bindings, and keys.

Textual remaps bindings by id (``App.set_keymap``), as posting does; these checks only decide
which entries are worth applying, so that a typo gets a warning instead of a key that silently
never fires. The checking itself is plain (``tui.settings.check_keymap``).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator, Mapping

from textual.app import App
from textual.binding import Binding, BindingsMap, BindingType
from textual.dom import DOMNode
from textual.keys import REPLACED_KEYS, Keys, format_key, key_to_character

__all__ = ["binding_ids", "is_key", "keys_lost"]

_MODIFIERS = frozenset({"ctrl", "shift", "alt", "meta", "super", "hyper"})
# Named keys ("f5", "pagedown", "escape"), from Textual's own list, without its pseudo-keys.
_NAMED = frozenset(
    name
    for key in Keys
    if not (name := key.value.rpartition("+")[2]).startswith("<") and len(name) > 1
) | frozenset(REPLACED_KEYS)


def is_key(key: str) -> bool:
    """Whether Textual can bind ``key``: modifiers (``ctrl+``, ``shift+``, ``alt+`` ...) before
    a character (``x``, ``?``, ``N``) or a key's name (``f5``, ``pagedown``, ``question_mark``)."""
    *modifiers, base = key.strip().split("+")
    if any(m not in _MODIFIERS for m in modifiers):
        return False
    if len(base) == 1:
        return base.isprintable() and base != ","
    return base in _NAMED or key_to_character(base) is not None or _unicode_name(base)


def binding_ids(classes: Iterable[type[DOMNode]]) -> set[str]:
    """The id of every binding the given classes and their subclasses declare."""
    return {
        binding.id
        for cls in _with_subclasses(classes)
        for binding in _own_bindings(cls)
        if binding.id
    }


def keys_lost(classes: Iterable[type[DOMNode]], keymap: Mapping[str, str]) -> list[str]:
    """A warning for each binding of the given classes (and their subclasses) that the key map
    leaves without a key, because a remapped binding of the same screen or widget took it.

    Textual gives the key to the remapped binding and, when the other binding has an id of its
    own, says nothing (``App.handle_bindings_clash`` is told only of bindings without one): the
    user would find, say, the diff's filter gone. Checked once, for every view, at start-up.
    """
    # The keys as set_keymap will hold them ("?" is "question_mark").
    normal = App._normalize_keymap(dict(keymap))
    # One warning per lost key, named by the first class met: subclasses inherit the loss.
    lost: dict[tuple[str, str, str], str] = {}
    for cls in _with_subclasses(classes):
        before = _merged(cls)
        if before is None:
            continue
        after = before.copy()
        after.apply_keymap(normal)
        for key, bindings in before.key_to_bindings.items():
            for binding in bindings:
                if binding.id in normal or binding in after.key_to_bindings.get(key, []):
                    continue
                takers = sorted(
                    {
                        b.id
                        for b in after.key_to_bindings.get(key, [])
                        if b.id is not None and b.id in normal
                    }
                )
                taker = " and ".join(takers) or "a remapped binding"
                lost.setdefault((taker, key, binding.description or binding.action), cls.__name__)
    return [
        f"keymap: {taker} takes {format_key(key)!r} from {what!r} in {where}, which is left "
        "without it"
        for (taker, key, what), where in lost.items()
    ]


def _merged(cls: type[DOMNode]) -> BindingsMap | None:
    """The bindings a node of ``cls`` has (its own and those it inherits), as Textual merges
    them when the class is created."""
    merged = cls._merged_bindings
    return merged if merged is not None and merged.key_to_bindings else None


def _with_subclasses(classes: Iterable[type[DOMNode]]) -> Iterator[type[DOMNode]]:
    seen: set[type[DOMNode]] = set()
    stack = list(classes)
    while stack:
        cls = stack.pop()
        if cls not in seen:
            seen.add(cls)
            yield cls
            stack.extend(cls.__subclasses__())


def _own_bindings(cls: type[DOMNode]) -> list[Binding]:
    items: list[BindingType] = list(cls.__dict__.get("BINDINGS", []))
    return [item if isinstance(item, Binding) else Binding(*item) for item in items]


def _unicode_name(base: str) -> bool:
    try:
        unicodedata.lookup(base.replace("_", " "))
    except KeyError:
        return False
    return True
