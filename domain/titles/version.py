"""P7: the ruleset version stamped on every derived row.

Bump on any keyword, threshold or mapping change: it forces a full recompute.
"""

RULESET_VERSION = "br-2026.2"
