"""The one exception type that grading helpers raise."""

from __future__ import annotations

from typing import NoReturn


class CheckFailure(AssertionError):
    """A failed check whose message is safe to show a student.

    Messages say what was compared and by how much it missed; they never contain hidden inputs,
    reference values or text the student's code produced. The grading engine shows the message of a
    hidden test only when the test failed with this exception.
    """


def fail(message: str) -> NoReturn:
    """Fail the current test with a student-safe message."""
    raise CheckFailure(message)
