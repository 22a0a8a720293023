"""Name primitives: fold / name_key (P1, P2), display normalisation BR-013..016, BR-017."""

from __future__ import annotations

import re
import string
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

_WS = re.compile(r"\s+")

# BR-013..016 in their normative order; first hit only.
_SUFFIXES: tuple[tuple[str, str], ...] = (
    ("corporation", "corp"),
    ("incorporated", "inc"),
    ("limited", "ltd"),
    ("company", "co"),
)
# Characters that may precede a suffix (fixes legacy "ACME INCORPORATION" -> "Acme In Corp").
_SUFFIX_BOUNDARY = ",.&(-"
# P2 deletes these; hyphens, `&` and `/` are kept.
_KEY_DELETE = str.maketrans("", "", ".,!'\"\u2019")

# fmt: off
ORG_TOKENS_BASE: frozenset[str] = frozenset(
    [
        "inc", "llc", "corporation", "corp", "systems", "system", "llp", "industries", "gmbh",
        "lp", "agent", "sas", "na", "bank", "co", "states", "ltd", "kk", "a/s", "aktiebolag",
        "kigyo", "kaisha", "university", "kabushiki", "company", "plc", "gesellschaft",
        "gesmbh", "société", "societe", "mbh", "aktiengesellschaft", "haftung", "vennootschap",
        "bv", "bvba", "aktien", "limitata", "srl", "sarl", "kommanditgesellschaft", "kg", "gbr",
        "ohg", "handelsgesellschaft", "compagnie", "privatstiftung", "foundation", "cie",
    ]
)
ORG_TOKENS_EXTENSION: frozenset[str] = frozenset(
    [
        "technologies", "technology", "solutions", "solution", "networks", "network", "holding",
        "holdings", "health", "animal", "scientific", "chemical", "chemicals", "pharmaceutical",
        "pharma", "trust", "the", "resources", "government", "college", "support", "labs",
        "lab", "analytics", "analytic", "therapeutics", "ab", "sa", "ag", "semiconductor",
        "development", "research", "institute", "advanced", "interconnect", "product",
        "products", "international", "biotech", "investment", "partner", "partners", "capital",
        "royalty", "parallel", "laboratories", "spa", "city", "studios", "universal", "lllp",
        "national", "licensing", "island", "credit", "suisse", "properties",
    ]
)
# fmt: on


def _token_re(tokens: Iterable[str]) -> re.Pattern[str]:
    # Longest first so "a/s" is tried as a unit; Python's \b treats "é" as a word char.
    alts = "|".join(re.escape(t) for t in sorted(tokens, key=lambda t: (-len(t), t)))
    return re.compile(r"\b(?:" + alts + r")\b")


_ORG_BASE_RE = _token_re(ORG_TOKENS_BASE)
_ORG_EXT_RE = _token_re(ORG_TOKENS_BASE | ORG_TOKENS_EXTENSION)
_DIGIT = re.compile(r"\d")

# Trailing legal-form tokens removed to build the BR-018 `core`.
# fmt: off
LEGAL_FORM_TOKENS: frozenset[str] = frozenset(
    [
        "corp", "co", "inc", "ltd", "llc", "llp", "lp", "plc", "gmbh", "ag", "sa", "sas", "srl",
        "sarl", "bv", "kk", "ab", "oy", "nv", "kg", "mbh", "company", "corporation", "limited",
        "incorporated",
    ]
)
# fmt: on


def fold(s: str | None) -> str:
    """P1: NFKC, casefold, collapse every whitespace run (incl. NBSP) to one space, strip."""
    if not s:
        return ""
    # NFKC maps NBSP to a plain space; \s covers tab/CR/LF as well.
    # NFKC is the identity on ASCII, which is nearly every USPTO name: skip the call.
    text = s if s.isascii() else unicodedata.normalize("NFKC", s)
    return _WS.sub(" ", text.casefold()).strip()


def _replace_suffix(s: str) -> str:
    """BR-013..016 step 2-3 on an already whitespace-collapsed string (first hit only)."""
    for word, repl in _SUFFIXES:
        tail = s[-len(word) :]
        if tail.lower() == word:
            cut = len(s) - len(word)
            # Whole word only: start of string, whitespace, or one of `, . & ( -` before it.
            if cut == 0 or s[cut - 1] in _SUFFIX_BOUNDARY or s[cut - 1].isspace():
                head = s[:cut].rstrip(" ,")
                return f"{head} {repl}" if head else repl
    return s


@lru_cache(maxsize=262_144)
def name_key(s: str | None) -> str:
    """P2: fold, canonicalise the legal suffix (BR-013..016), drop punctuation, collapse."""
    folded = fold(s)
    # Trailing punctuation is ignored for suffix detection here (unlike display), so that
    # "ACME CORPORATION." and "Acme Corp" compare equal (pitfall 8).
    core = folded.rstrip(".,!'\"\u2019 ")
    canon = _replace_suffix(core)
    return _WS.sub(" ", canon.translate(_KEY_DELETE)).strip()


def normalize_display(name: str | None) -> str:
    """BR-013..016: whitespace-collapse, canonicalise a trailing legal suffix, capwords."""
    s = _WS.sub(" ", name or "").strip()
    if not s:
        return ""
    # string.capwords, not str.title(): "Hewlett-packard", "Mcdonald's" (§2.1 step 4).
    return string.capwords(_replace_suffix(s).lower())


def is_organization(name: str | None, *, extended: bool = False) -> bool:
    """BR-017: organisation-vs-person test (digit or word-bounded legal/org token)."""
    s = (name or "").replace("'", "").replace("\u2019", "").lower()
    if _DIGIT.search(s):
        return True
    pattern = _ORG_EXT_RE if extended else _ORG_BASE_RE
    return pattern.search(s) is not None


def core_of(key: str) -> str:
    """BR-018 step 1: the name_key with its trailing legal-form tokens removed."""
    tokens = key.split(" ")
    while tokens and tokens[-1] in LEGAL_FORM_TOKENS:
        tokens.pop()
    return " ".join(tokens)


def person_key(name: str | None) -> str:
    """BR-043: person identity = sorted tokens of name_key ("Smith John" == "SMITH, JOHN")."""
    return " ".join(sorted(name_key(name).split()))
