"""Grade exports: plain CSV, Canvas, Moodle, Blackboard and Gradescope, with the course late policy."""

from .gradescope import to_gradescope_json
from .late import LatePenalty, late_penalty
from .lms import export_blackboard, export_canvas, export_csv, export_moodle

__all__ = [
    "LatePenalty",
    "export_blackboard",
    "export_canvas",
    "export_csv",
    "export_moodle",
    "late_penalty",
    "to_gradescope_json",
]
