"""The one normaliser of the search: a document and a query are always read the same way."""

import re
import unicodedata
from functools import lru_cache

# PostgreSQL's text search configuration: unaccent, then the French stemmer (migration 0003).
CONFIG = "french_unaccent"

# fmt: off
STOP_WORDS = frozenset({
    "a", "au", "aux", "avec", "ce", "ces", "cet", "cette", "d", "dans", "de", "des", "du", "en",
    "et", "il", "elle", "l", "la", "le", "les", "leur", "leurs", "ou", "par", "pour", "qu", "que",
    "qui", "sa", "se", "ses", "son", "sur", "un", "une", "y",
})
# fmt: on

# Feminine endings → masculine, on a folded word (no accents, so "chargée" is "chargee").
FEMININE_ENDINGS = (
    ("trice", "teur"),
    ("euse", "eur"),
    ("ienne", "ien"),
    ("ees", "es"),  # "chargées" (folded)
    ("ee", "e"),  # "chargée"
)

_SEPARATORS = re.compile(r"[’'`´\u2010-\u2015/·•|+&]")
# "Coordinateur(trice)", "Chargé(e)", "commercial·e": the short feminine ending is dropped.
_GENDERED = re.compile(r"(?<=\w)(?:\(\w{1,6}\)|·\w{1,6}\b)")
# "e-commerce", "e commerce", "E-Merchandiser" → one word ("ecommerce", "emerchandiser").
_E_PREFIX = re.compile(r"(?<![\w-])e[\s-]+(?=[a-z]{3})")
_WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*")


def fold(text):
    """Lowercase, without accents or ligatures, gendered endings dropped, "e-" prefixes joined."""
    text = unicodedata.normalize("NFKC", str(text)).replace("\x00", " ")
    text = _GENDERED.sub("", text)
    text = text.lower().replace("œ", "oe").replace("æ", "ae")
    text = "".join(
        char for char in unicodedata.normalize("NFKD", text) if not unicodedata.combining(char)
    )
    text = _SEPARATORS.sub(" ", text)
    return _E_PREFIX.sub("e", text)


def masculine(word):
    for ending, replacement in FEMININE_ENDINGS:
        if word.endswith(ending) and len(word) > len(ending) + 2:
            return word[: -len(ending)] + replacement
    return word


def stem(word):
    """A light French stemmer: plural, feminine and final -e, the same on both sides of a match.

    "commerciaux" → "commercial", "chargées" → "charg", "coordinatrices" → "coordinateur".
    PostgreSQL uses its own Snowball stemmer; this one serves SQLite, exact titles and excerpts.
    """
    if len(word) <= 3 or not word.isalpha():
        return word
    if word.endswith("aux") and len(word) > 5:
        word = word[:-3] + "al"
    elif word[-1] in "sx":
        word = word[:-1]
    word = masculine(word)
    for _repeat in range(2):  # "chargée" → "charge" → "charg"
        if word.endswith("e") and len(word) > 3:
            word = word[:-1]
    if word[-2:] in ("nn", "ll", "tt") and len(word) > 4:
        word = word[:-1]
    return word


# Texts repeat (a skill's name in every role that needs it): the normalisers keep their answers.
@lru_cache(maxsize=100_000)
def words(text):
    """The words of a text, folded and masculine: what PostgreSQL's French stemmer then reads.

    A hyphenated compound ("start-up") gives its parts, then the joined word ("startup").
    """
    result = []
    for match in _WORD.finditer(fold(text)):
        parts = match.group().split("-")
        result.extend(masculine(part) for part in parts)
        if len(parts) > 1:
            result.append("".join(parts))
    return tuple(result)


def stems(text, *, keep_stop_words=True):
    return [stem(word) for word in words(text) if keep_stop_words or word not in STOP_WORDS]


@lru_cache(maxsize=100_000)
def key(text):
    """The form two titles must share to be the same title: "Chargé(e) de projets e-commerce"
    and "chargée de projet ecommerce" both give "charg projet ecommerc"."""
    return " ".join(
        stem(word)
        for match in _WORD.finditer(fold(text))
        for word in [masculine(match.group().replace("-", ""))]
        if word not in STOP_WORDS
    )


def stem_text(texts, *, keep_stop_words=True):
    """Stems of the texts, each once, space-separated and space-padded (" word word ")."""
    found = (s for text in texts if text for s in stems(text, keep_stop_words=keep_stop_words))
    return " " + " ".join(dict.fromkeys(found)) + " "
