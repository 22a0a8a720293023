"""Identifier, date and text normalization shared by every source (ingestion.md §1.4, §1.5).

Every function is pure and total: bad input gives ``None`` (or raises ``ValueError`` where
the docstring says so), never a half-normalized value.
"""

from __future__ import annotations

import re
from datetime import date

# Literal strings that mean "no value" in the search API (ingestion.md §2.8, quirk 11).
NULL_LITERALS = frozenset({"NULL", "null", "None"})

_SEPARATORS = re.compile(r"[\s/,.\-]")
_WS = re.compile(r"\s+")

# Grant prefixes: alternation lists the two-letter ones first so "RE"/"PP" win over "P".
_GRANT_RE = re.compile(
    r"^(?:US)?(?P<prefix>RE|PP|RX|AI|D|H|T|X|P)?(?P<digits>\d+)(?P<kind>[A-Z]\d?)?$"
)
_GRANT_TYPES = {
    "": "utility",
    "D": "design",
    "RE": "reissue",
    "PP": "plant",
    "P": "plant",
    "H": "sir",
    "T": "defensive_publication",
    "X": "x_patent",
    "RX": "reexamination",
    "AI": "additional_improvement",
}

_PUB_RE = re.compile(r"^(?:US)?(?P<digits>\d{10,11})(?P<kind>[A-Z]\d?)?$")
_PCT_RE = re.compile(r"^(?:PCT)?(?P<cc>[A-Z]{2})(?P<year>\d{2}|\d{4})(?P<serial>\d{5,6})(?:W)?$")
_DATE_RE = re.compile(r"^(?P<y>\d{4})-?(?P<m>\d{2})-?(?P<d>\d{2})(?:[T ].*)?$")
_RF_RE = re.compile(r"(?P<reel>\d{1,9})\s*[-/]\s*(?P<frame>\d{1,9})")
_CPC_RE = re.compile(r"^(?P<sub>[A-HY]\d{2}[A-Z])\s*(?P<main>\d{1,4})\s*/\s*(?P<sg>\d{2,6})$")

# Fast paths: values already in canonical form (the vast majority of a bulk file) are
# recognised with str methods; everything else takes the general, regex-based path.
# Kind codes (and purge indicators) that normalize_kind_code returns unchanged.
_CANONICAL_KINDS = frozenset(
    {"X0", "A1", "A2", "A9", "B1", "B2", "B3", "E", "E1", "S", "S1", "H", "H1", "P2", "P3"}
    | {"P1", "P4", "P9", "N", "Y"}
)


def _ascii_digits(text: str) -> bool:
    """Only 0-9 (str.isdigit alone also accepts other scripts' digits)."""
    return text.isascii() and text.isdigit()


# --------------------------------------------------------------------------- text


def clean_text(raw: str | None) -> str | None:
    """Strip surrounding whitespace; empty or missing text becomes None."""
    if raw is None:
        return None
    text = raw.strip()
    return text or None


def collapse_ws(raw: str | None) -> str | None:
    """Strip and collapse internal whitespace runs (mixed-content titles, §3 quirk 6)."""
    text = clean_text(raw)
    if text is None:
        return None
    # Only " " is both printable and whitespace, so a printable text without "  " has
    # no whitespace run to collapse.
    if "  " not in text and text.isprintable():
        return text
    return _WS.sub(" ", text)


def strip_null(raw: str | None) -> str | None:
    """Like clean_text, but the search API's literal ``NULL`` also becomes None (§2.8)."""
    text = clean_text(raw)
    return None if text is None or text in NULL_LITERALS else text


def parse_int(raw: str | None) -> int | None:
    """Parse a decimal integer (surrounding whitespace allowed); anything else is None."""
    text = strip_null(raw)
    if text is None or not text.isascii() or not text.isdigit():
        return None
    return int(text)


def normalize_kind_code(raw: str | None) -> str | None:
    """Upper-case, stripped kind code (``X0``, ``A1``, ``B2``, ``S``, ``E``) or None."""
    if raw in _CANONICAL_KINDS:
        return raw
    text = strip_null(raw)
    return text.upper() if text else None


# --------------------------------------------------------------------------- dates


def parse_date(raw: str | None) -> date | None:
    """Parse YYYYMMDD, YYYY-MM-DD or an ISO instant to a date; sentinels/partials give None."""
    # §1.5: 00000000, YYYYMM00 (month-precision citations), years 0000/0001
    # (0001-01-01T00:00:00Z, 00010101) all mean "no date". ISO instants at 04:00Z/05:00Z
    # are midnight US Eastern, so the calendar date as written is the US date.
    if raw is not None and len(raw) == 8 and _ascii_digits(raw):  # YYYYMMDD, the usual form
        return _ymd(int(raw[:4]), int(raw[4:6]), int(raw[6:]))
    text = strip_null(raw)
    if text is None:
        return None
    m = _DATE_RE.match(text)
    if m is None:
        return None
    return _ymd(int(m["y"]), int(m["m"]), int(m["d"]))


def _ymd(year: int, month: int, day: int) -> date | None:
    if year <= 1 or month == 0 or day == 0:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def is_date_sentinel(raw: str | None) -> bool:
    """True when raw is date-shaped but means "no date" (zeros, year 0/1, 00 or impossible day)."""
    text = strip_null(raw)
    return text is not None and _DATE_RE.match(text) is not None and parse_date(text) is None


# --------------------------------------------------------------------------- numbers


def _compact(raw: str | None) -> str | None:
    text = strip_null(raw)
    if text is None:
        return None
    return _SEPARATORS.sub("", text).upper() or None


def normalize_application_number(raw: str | None, series_code: str | None = None) -> str | None:
    """US application number as 8 digits of text (``09/727,454`` -> ``09727454``)."""
    # §1.4: stored as text so series 01-09 keep the leading zero. A 6-digit serial is only
    # completed when the series code is known (v2.5 B210 + B211US, pap series-code).
    if raw is not None and len(raw) == 8 and _ascii_digits(raw):
        return raw
    compact = _compact(raw)
    if compact is None:
        return None
    if compact.startswith("US"):
        compact = compact[2:]
    if not compact.isdigit():
        return None
    if len(compact) == 8:
        return compact
    series = clean_text(series_code)
    if len(compact) == 6 and series is not None and series.isdigit() and len(series) == 2:
        return series + compact
    return None


def application_number_from_docdb(raw: str | None, series_code: str | None = None) -> str | None:
    """US application number from EPO DOCDB form (``201815919370`` -> ``15919370``)."""
    # §1.4: newer DOCDB = filing year + 8 digits; older = 6-digit serial + 2-digit year,
    # which needs the series code from elsewhere to become an 8-digit number.
    compact = _compact(raw)
    if compact is None:
        return None
    if compact.startswith("US"):
        compact = compact[2:]
    compact = re.sub(r"[A-Z]\d?$", "", compact)  # trailing DOCDB kind, e.g. "A"
    if not compact.isdigit():
        return None
    if len(compact) == 12 and compact[:2] in ("19", "20"):
        return compact[4:]
    if len(compact) == 8 and series_code is not None:
        return normalize_application_number(compact[:6], series_code)
    return None


def split_grant_number(raw: str | None) -> tuple[str, str] | None:
    """Split a grant number into (prefix, unpadded digits), e.g. ``D0982278`` -> (D, 982278)."""
    if raw is not None and _ascii_digits(raw):
        digits = raw.lstrip("0")
        return ("", digits) if digits and len(digits) <= 8 else None
    compact = _compact(raw)
    if compact is None:
        return None
    m = _GRANT_RE.match(compact)
    if m is None:
        return None
    digits = m["digits"].lstrip("0")
    if not digits or len(digits) > 8:  # longer numbers are publications, not grants
        return None
    return (m["prefix"] or "", digits)


def normalize_grant_number(raw: str | None) -> str | None:
    """Grant number as prefix + unpadded digits: ``08926509`` -> ``8926509``, ``RE049123``."""
    # §1.4: grant XML pads to 8 chars, assignment data and EPO do not; a trailing kind
    # code (``US10465445B2``) and a leading ``US`` are dropped.
    parts = split_grant_number(raw)
    return None if parts is None else parts[0] + parts[1]


def pad_grant_number(raw: str | None, width: int = 8) -> str | None:
    """Grant number zero-padded to the 8-character USPTO form (``D982278`` -> ``D0982278``)."""
    parts = split_grant_number(raw)
    if parts is None:
        return None
    prefix, digits = parts
    return prefix + digits.rjust(width - len(prefix), "0")


def grant_type(raw: str | None) -> str | None:
    """Patent type from the number prefix (``D``→design, ``RE``→reissue, none→utility)."""
    # §2.1 / quirk 8: design and reissue grants arrive as kind B1, so never trust the kind.
    parts = split_grant_number(raw)
    return None if parts is None else _GRANT_TYPES[parts[0]]


def normalize_publication_number(raw: str | None) -> str | None:
    """Pre-grant publication as 11 digits ``YYYYNNNNNNN`` (DOCDB 10-digit form re-padded)."""
    # §1.4: display form "US 2015/0215460 A1" and DOCDB "2014102795" (drops a digit).
    if raw is not None and _ascii_digits(raw):
        digits = raw
        if len(digits) not in (10, 11):
            return None
    else:
        compact = _compact(raw)
        if compact is None:
            return None
        m = _PUB_RE.match(compact)
        if m is None:
            return None
        digits = m["digits"]
    if digits[:2] not in ("19", "20"):
        return None
    if len(digits) == 10:
        digits = digits[:4] + "0" + digits[4:]
    return digits


def normalize_pct_number(raw: str | None) -> str | None:
    """PCT application as ``PCT/CCYYYY/NNNNNN`` (DOCDB ``US2013064552`` accepted)."""
    compact = _compact(raw)
    if compact is None:
        return None
    m = _PCT_RE.match(compact)
    if m is None or m["cc"] == "WO":  # WO numbers are publications, not PCT applications
        return None
    year = m["year"]
    if len(year) == 2:
        # Two-digit years only occur on pre-2004 PCT numbers (PCT/JP99/12345).
        year = ("19" if int(year) >= 78 else "20") + year
    return f"PCT/{m['cc']}{year}/{m['serial'].rjust(6, '0')}"


def normalize_cpc_symbol(raw: str | None) -> str | None:
    """CPC symbol without spaces: ``E02F   3/844`` -> ``E02F3/844``."""
    text = strip_null(raw)
    if text is None:
        return None
    m = _CPC_RE.match(text.upper())
    if m is None:
        return None
    return f"{m['sub']}{int(m['main'])}/{m['sg']}"


# --------------------------------------------------------------------------- reel/frame


def format_rf_id(reel: int, frame: int) -> str:
    """Canonical assignment key ``RRRRRR-FFFF`` (zero-padded, never truncated; §2.1)."""
    if reel < 0 or frame < 0:
        raise ValueError(f"negative reel/frame: {reel}/{frame}")
    return f"{reel:06d}-{frame:04d}"


def parse_reel_frame(raw: str | None) -> tuple[int, int] | None:
    """(reel, frame) from ``47086-788``, ``047086-0788`` or ``REEL/FRAME:045210/0369``."""
    text = strip_null(raw)
    if text is None:
        return None
    m = _RF_RE.search(text)
    if m is None:
        return None
    return int(m["reel"]), int(m["frame"])
