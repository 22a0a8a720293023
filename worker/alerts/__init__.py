"""Outgoing alerts: customer webhook deliveries (issue 7, D2) and operations alerts (issue 9)."""
