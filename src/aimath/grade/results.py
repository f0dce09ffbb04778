"""The results contract: one record per submission, written as JSON and into the gradebook."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any

GRADED = "graded"
PARTIAL_RESTARTED = "partial: worker restarted"


def error_status(reason: str) -> str:
    return f"error: {reason}"


@dataclass
class TestResult:
    question: str
    name: str
    hidden: bool
    score: float
    max_score: float
    passed: bool
    message: str  # for hidden tests: never test source, inputs, reference values or student text


@dataclass
class SubmissionResult:
    student_id: str
    lesson: str
    file: str
    sha256: str
    status: str
    score: float
    max_score: float
    questions: dict[str, dict[str, float]] = field(default_factory=dict)
    tests: list[TestResult] = field(default_factory=list)
    sandbox: str = "none"
    seconds: float = 0.0

    @classmethod
    def from_tests(cls, *, tests: list[TestResult], question_points: dict[str, float], **fields: Any
                   ) -> SubmissionResult:
        """Sum test scores into question and total scores; questions without results score 0."""
        questions = {q: {"score": 0.0, "max_score": float(p)} for q, p in question_points.items()}
        for test in tests:
            questions.setdefault(test.question, {"score": 0.0, "max_score": 0.0})
            questions[test.question]["score"] += test.score
        score = round(sum(q["score"] for q in questions.values()), 6)
        max_score = float(sum(question_points.values()))
        return cls(tests=tests, questions=questions, score=score, max_score=max_score, **fields)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=2, sort_keys=True)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SubmissionResult:
        data = dict(data)
        data["tests"] = [TestResult(**t) for t in data.get("tests", [])]
        return cls(**data)
