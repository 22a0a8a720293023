"""The category map of business-rules.md §0: single source of truth for steps 3-8.

Colours are BR-031 with D22's settlement of the two open lines ("License end" = license
colour dashed, "Correct" = ownership colour dashed).
"""

from __future__ import annotations

from dataclasses import dataclass

from domain.titles.types import ConveyanceType, TypedConveyance

T = ConveyanceType

OWNERSHIP_RED = "#E60000"
NAMECHG_BLUE = "#2493f2"
SECURITY_ORANGE = "#ffaa00"
RELEASE_GREEN = "#70A800"
LICENSE_YELLOW = "#E6E600"

# "In ownership chain" column (employer_assign rows are always in the chain).
IN_CHAIN: frozenset[ConveyanceType] = frozenset(
    {
        T.EMPLOYEE,
        T.ASSIGNMENT,
        T.PARTIALASSIGNMENT,
        T.MERGER,
        T.NAMECHG,
        T.CORRECT,
        T.MISSING,
        T.COURTORDER,
    }
)
SECURITY_TYPES: frozenset[ConveyanceType] = frozenset({T.SECURITY, T.RESTATEDSECURITY})
RELEASE_TYPES: frozenset[ConveyanceType] = frozenset({T.RELEASE, T.PARTIALRELEASE})
LICENSE_TYPES: frozenset[ConveyanceType] = frozenset({T.LICENSE, T.LICENSEEND})

# Tree type when an org company is the assignee (row entity = each assignor) ...
TREE_TYPE_ORG_ASSIGNEE: dict[ConveyanceType, int] = {
    T.ASSIGNMENT: 1,
    T.PARTIALASSIGNMENT: 1,
    T.MERGER: 3,
    T.SECURITY: 6,
    T.RESTATEDSECURITY: 6,
    T.RELEASE: 7,
    T.PARTIALRELEASE: 7,
    T.NAMECHG: 9,
    T.ADDRESSCHG: 9,
    T.GOVERN: 10,
    T.CORRECT: 11,
    T.MISSING: 12,
    T.OTHER: 13,
    T.OPTION: 13,
    T.COURTORDER: 13,
    T.COURTAPPOINTMENT: 13,
}
# ... and when it is the assignor (row entity = each assignee). "—" in the map = absent.
TREE_TYPE_ORG_ASSIGNOR: dict[ConveyanceType, int] = {
    T.ASSIGNMENT: 2,
    T.PARTIALASSIGNMENT: 2,
    T.MERGER: 4,
    T.SECURITY: 5,
    T.RESTATEDSECURITY: 5,
    T.RELEASE: 8,
    T.PARTIALRELEASE: 8,
}
EMPLOYEE_TREE_TYPE = 0
TREE_TYPE_NAMES: dict[int, str] = {
    0: "employee",
    1: "purchase",
    2: "sale",
    3: "merger_in",
    4: "merger_out",
    5: "security_out",
    6: "security_in",
    7: "release_out",
    8: "release_in",
    9: "namechg",
    10: "govern",
    11: "correct",
    12: "missing",
    13: "other",
}

# Activity id (org assignee, org assignor); None = legacy produced no row.
ACTIVITY_IDS: dict[ConveyanceType, tuple[int, int | None]] = {
    T.ASSIGNMENT: (1, 2),
    T.PARTIALASSIGNMENT: (1, 2),
    T.MERGER: (6, 7),
    T.SECURITY: (5, 12),
    T.RESTATEDSECURITY: (5, 12),
    T.RELEASE: (13, 11),
    T.PARTIALRELEASE: (13, 16),
    T.NAMECHG: (1, 2),
    T.ADDRESSCHG: (1, 14),
    T.GOVERN: (3, 4),
    T.CORRECT: (15, 15),
    T.MISSING: (14, 14),
    T.OTHER: (14, 14),
    T.OPTION: (8, 8),
    T.COURTAPPOINTMENT: (9, 9),
    T.COURTORDER: (9, 9),
    T.LICENSE: (3, 4),
    T.LICENSEEND: (3, 4),
}
EMPLOYEE_ACTIVITY: tuple[int, int | None] = (10, None)


@dataclass(frozen=True)
class LineStyle:
    """BR-031 line of a diagram connection / timeline chip."""

    line_type: str
    color: str
    dashed: bool


OWNERSHIP_LINE = LineStyle("Ownership", OWNERSHIP_RED, False)
_LINES: dict[ConveyanceType, LineStyle] = {
    T.NAMECHG: LineStyle("Name Change", NAMECHG_BLUE, False),
    T.ADDRESSCHG: LineStyle("Name Change", NAMECHG_BLUE, False),
    T.SECURITY: LineStyle("Security", SECURITY_ORANGE, False),
    T.RESTATEDSECURITY: LineStyle("Security", SECURITY_ORANGE, False),
    T.RELEASE: LineStyle("Release", RELEASE_GREEN, False),
    T.PARTIALRELEASE: LineStyle("Partial Release", RELEASE_GREEN, True),
    T.LICENSE: LineStyle("License", LICENSE_YELLOW, False),
    T.LICENSEEND: LineStyle("License End", LICENSE_YELLOW, True),
    T.CORRECT: LineStyle("Correct", OWNERSHIP_RED, True),
}


def is_employee_link(tc: TypedConveyance) -> bool:
    """§0 category map: "employee, or any row with employer_assign" is an employee link."""
    return tc.employer_assign or tc.conveyance_type is T.EMPLOYEE


def in_chain(ctype: ConveyanceType, employer_assign: bool) -> bool:
    """BR-032 step 1: employee links and "in ownership chain" types form the chain."""
    return employer_assign or ctype in IN_CHAIN


def line_style(ctype: ConveyanceType, employer_assign: bool = False) -> LineStyle:
    """BR-031 (+D22): line type, colour and dash of a conveyance; default Ownership red."""
    if employer_assign:
        return OWNERSHIP_LINE
    return _LINES.get(ctype, OWNERSHIP_LINE)


def tree_tab(tree_type: int) -> int:
    """BR-024..030: tab 0 employee, 1 purchase/sale/merger, 2 security/release, 3 admin."""
    if tree_type == 0:
        return 0
    if tree_type <= 4:
        return 1
    return 2 if tree_type <= 8 else 3


def tree_color(tree_type: int) -> str:
    """BR-031 tree row colour: 5-6 orange, 7-8 green, 9 blue, everything else red."""
    if tree_type in (5, 6):
        return SECURITY_ORANGE
    if tree_type in (7, 8):
        return RELEASE_GREEN
    return NAMECHG_BLUE if tree_type == 9 else OWNERSHIP_RED


def activity_group(activity_id: int) -> int:
    """BR-038: release/borrowing variants (11, 12, 13, 16) report as the security family 5."""
    return 5 if activity_id in (11, 12, 13, 16) else activity_id
