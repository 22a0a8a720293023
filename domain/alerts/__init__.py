"""Outgoing alerts, pure: event types and payloads, signing, target URLs, ops conditions."""
