"""Request and response bodies, per area (camelCase on the wire, api.md §1.1)."""
