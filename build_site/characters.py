"""Characters a contributor cannot see: control and bidirectional-override characters, invisible
spaces, decomposed letters, and letters of another script that look like Latin ones.

Pure functions on text, used by the loader (to refuse a file) and by the rules (to name what is odd
in an id). Every message names the character and its code point, since it cannot be seen.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Iterator

_FORBIDDEN = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"  # C0 and C1 controls (tab, newline and carriage return are allowed)
    "\u200b\u2060\ufeff"  # zero-width space, word joiner, a byte order mark inside a file
    "\u202a-\u202e\u2066-\u2069"  # bidirectional embeddings, overrides and isolates
    "\ufff9-\ufffb\ud800-\udfff]"  # interlinear annotation marks; lone surrogates
)

_WHY = {
    "Cc": "a control character",
    "Cf": "an invisible formatting character",
    "Cs": "half of a broken character (a lone surrogate)",
}
_BIDI = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def describe(character: str) -> str:
    """`U+202E RIGHT-TO-LEFT OVERRIDE`: the code point and, where Unicode has one, the name."""
    name = unicodedata.name(character, "") or _CONTROL_NAMES.get(character, "")
    return f"U+{ord(character):04X} {name}".rstrip()


_CONTROL_NAMES = {"\x00": "NULL", "\x07": "BELL", "\x08": "BACKSPACE", "\x0b": "VERTICAL TAB", "\x0c": "FORM FEED",
                  "\x1b": "ESCAPE", "\x7f": "DELETE", "\x85": "NEXT LINE"}
"""Unicode gives control characters no name; these are the ones a contributor may have heard of."""


def _why(character: str) -> str:
    if character in _BIDI:
        return "an invisible character that changes the direction in which the text around it is shown"
    if character == "\ufeff":
        return "a byte order mark, which belongs only at the very start of a file"
    return _WHY.get(unicodedata.category(character), "an invisible character")


def forbidden(text: str) -> Iterator[tuple[int, str]]:
    """(offset, message) of each character no curated text may hold."""
    for found in _FORBIDDEN.finditer(text):
        character = found.group()
        yield found.start(), f"expected visible text, got {describe(character)}, {_why(character)} (delete it)"


def not_composed(text: str) -> Iterator[tuple[int, str]]:
    """(offset, message) of each letter typed as a base letter plus a combining mark, where Unicode has it
    as one character (NFC): such text looks identical but matches no quote or id typed the usual way."""
    if unicodedata.is_normalized("NFC", text):
        return
    offset = 0
    for line in text.splitlines(keepends=True):
        if not unicodedata.is_normalized("NFC", line):
            for index in range(1, len(line)):
                pair = line[index - 1:index + 1]
                if unicodedata.combining(line[index]) and not unicodedata.is_normalized("NFC", pair):
                    yield offset + index, (
                        f"expected each letter as one character (Unicode NFC), got '{pair}' typed as "
                        f"'{line[index - 1]}' followed by {describe(line[index])} (retype the letter, or save the "
                        f"file with NFC normalization)")
                    break
        offset += len(line)


def lookalikes(text: str) -> str:
    """Names each non-ASCII character of a text that should be ASCII (an id), or ''."""
    odd = []
    for character in dict.fromkeys(text):
        if not character.isascii():
            plain = unicodedata.normalize("NFKD", character).encode("ascii", "ignore").decode()
            similar = _LOOKALIKE.get(character, plain)
            looks = f", which looks like '{similar}'" if similar else ""
            odd.append(f"'{character}' is {describe(character)}{looks}")
    return "; ".join(odd)


_LOOKALIKE = dict(zip("аеорсухіјѕԁӏкмнтвАВЕКМНОРСТХІЈЅαορντΑΒΕΗΙΚΜΝΟΡΤΧΥΖ",
                      "aeopcyxijsdlkmhtbABEKMHOPCTXIJSaopvtABEHIKMNOPTXYZ", strict=True))
"""Cyrillic and Greek letters that look like Latin ones."""
