"""Importing this package registers every task and schedule with the job facade."""

from worker.tasks import system

__all__ = ["system"]
