"""Title-intelligence engine: the pure business rules BR-001..043 (+D2, D16, D19, D22)."""

from domain.titles.version import RULESET_VERSION

__all__ = ["RULESET_VERSION"]
