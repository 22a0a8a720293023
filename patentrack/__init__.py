"""PatenTrack composition root: settings, logging, CLI and embedded dev services."""

__version__ = "0.1.0"
