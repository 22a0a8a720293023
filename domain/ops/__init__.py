"""Operations logic for admins (issue 9): freshness, schedules. Pure, no I/O."""
