"""What people read about results: per-student feedback and batch summaries."""

from .feedback import write_feedback
from .status import category, explain_status, score_text
from .summary import summary_table, summary_text

__all__ = ["category", "explain_status", "score_text", "summary_table", "summary_text", "write_feedback"]
