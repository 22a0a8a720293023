"""Pure authentication rules: lockout tiers, TOTP windows, one-time secrets."""
