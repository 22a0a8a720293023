"""Repositories: all SQL lives here. They flush, never commit (the boundary commits)."""
