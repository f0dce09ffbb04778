"""The gradebook (SQLite) and submission intake."""

from .intake import Submission, collect_submissions
from .store import Gradebook, GradebookError, Student

__all__ = ["Gradebook", "GradebookError", "Student", "Submission", "collect_submissions"]
