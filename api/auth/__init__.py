"""Authentication: access JWTs, Redis session families, CSRF, lockout, rate limits, RBAC."""
