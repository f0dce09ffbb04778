"""`grading_config.yml`: the course's grading policy, validated on load.

A wrong key, type or value gives one `ConfigError` naming the key and its line, not a traceback.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

CONFIG_NAME = "grading_config.yml"

# Canvas bulk-download names: <name>_<user_id>_<submission_id>_<original>, with "_LATE_" after the
# name for late submissions (seen in Canvas's submissions zip); a plain "<student_id>.ipynb" otherwise.
DEFAULT_STUDENT_ID_PATTERNS = (
    r"^(?P<name>[^_]+)_(?:LATE_)?(?P<student_id>\d+)_(?P<submission_id>\d+)_.+$",
    r"^(?P<student_id>[^_/\\]+)\.(?:ipynb|zip)$",
)


class ConfigError(ValueError):
    """A problem in grading_config.yml, with the key path and line that caused it."""


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Tolerance(Strict):
    rtol: float = Field(ge=0)
    atol: float = Field(ge=0)


class Limits(Strict):
    seconds_per_call: float = Field(10.0, gt=0)
    seconds_per_submission: float = Field(120.0, gt=0)
    memory_mb: int = Field(2048, ge=256)
    output_kb: int = Field(256, ge=1)
    processes: int = Field(64, ge=1)
    file_size_mb: int = Field(64, ge=1)
    workers: int = Field(2, ge=1)


class LatePolicy(Strict):
    grace_minutes: int = Field(0, ge=0)
    penalty_per_day: float = Field(0.0, ge=0, le=1)
    max_late_days: int | None = Field(None, ge=0)


class LessonEntry(Strict):
    id: str
    title: str
    source: str
    due: dt.datetime | None = None
    points_scale: float = Field(1.0, gt=0)
    practice: bool = False
    canvas_assignment_id: int | None = None
    moodle_item: str | None = None
    blackboard_column_id: str | None = None
    tolerance_overrides: dict[str, Tolerance] = Field(default_factory=dict)

    @field_validator("id")
    @classmethod
    def _two_digits(cls, value: str) -> str:
        if not re.fullmatch(r"\d\d", value):
            raise ValueError("must be a two-digit lesson number such as '02'")
        return value

    @field_validator("source")
    @classmethod
    def _source_path(cls, value: str) -> str:
        if not re.fullmatch(r"source/\d\d_[A-Za-z0-9_]+\.ipynb", value):
            raise ValueError("must look like source/NN_Title.ipynb")
        return value

    @field_validator("tolerance_overrides")
    @classmethod
    def _question_names(cls, value: dict[str, Tolerance]) -> dict[str, Tolerance]:
        for name in value:
            if not re.fullmatch(r"q\d\d_\w+", name):
                raise ValueError(f"{name!r} is not a question name such as q02_4")
        return value

    @property
    def stem(self) -> str:
        return Path(self.source).stem


class CourseConfig(Strict):
    course: str
    term: str | None = None
    lessons: list[LessonEntry]
    tolerances: dict[Literal["T1", "T2", "T3", "T32"], Tolerance] = Field(default_factory=dict)
    limits: Limits = Limits()
    sandbox: Literal["auto", "bwrap", "process"] = "auto"
    late_policy: LatePolicy = LatePolicy()
    roster: str | None = None
    student_id_pattern: str | None = None
    lms: Literal["canvas", "moodle", "blackboard", "gradescope", "none"] = "canvas"

    @field_validator("student_id_pattern")
    @classmethod
    def _compiles(cls, value: str | None) -> str | None:
        if value is not None:
            try:
                pattern = re.compile(value)
            except re.error as exc:
                raise ValueError(f"is not a valid regular expression ({exc})") from None
            if "student_id" not in pattern.groupindex:
                raise ValueError("needs a named group (?P<student_id>...)")
        return value

    @model_validator(mode="after")
    def _unique_lessons(self) -> CourseConfig:
        seen: set[str] = set()
        for lesson in self.lessons:
            if lesson.id in seen:
                raise ValueError(f"lesson {lesson.id} is listed twice")
            seen.add(lesson.id)
        return self

    def lesson(self, key: str) -> LessonEntry:
        """Look a lesson up by number ('2', '02') or by its file stem ('02_Matrix_Decompositions')."""
        for lesson in self.lessons:
            if key in (lesson.id, lesson.stem) or (key.isdigit() and int(key) == int(lesson.id)):
                return lesson
        known = ", ".join(lesson.id for lesson in self.lessons)
        raise ConfigError(f"unknown lesson {key!r} (the course has {known})")

    def student_id_patterns(self) -> tuple[str, ...]:
        return (self.student_id_pattern,) if self.student_id_pattern else DEFAULT_STUDENT_ID_PATTERNS


def _line_of(node: yaml.Node, path: tuple[Any, ...]) -> int | None:
    """The 1-based line of the YAML node at `path` (or of its deepest existing ancestor)."""
    line = node.start_mark.line + 1
    for key in path:
        if isinstance(node, yaml.MappingNode):
            match = next((v for k, v in node.value if k.value == str(key)), None)
            if match is None:
                key_node = next((k for k, _ in node.value if k.value == str(key)), None)
                return key_node.start_mark.line + 1 if key_node else line
            node = match
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            node = node.value[key]
        else:
            break
        line = node.start_mark.line + 1
    return line


def load_config(path: Path) -> CourseConfig:
    """Read and validate grading_config.yml; raise `ConfigError` with key and line on any problem."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read ({exc.strerror})") from None
    try:
        tree = yaml.compose(text)
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: not valid YAML: {exc}") from None
    if not isinstance(data, dict) or tree is None:
        raise ConfigError(f"{path}: expected a mapping of settings at the top level")
    try:
        return CourseConfig.model_validate(data)
    except ValidationError as exc:
        problems = []
        for error in exc.errors():
            location = tuple(error["loc"])
            key = ".".join(str(part) for part in location) or "(top level)"
            message = error["msg"].removeprefix("Value error, ")
            if error["type"] == "extra_forbidden":
                message = "unknown key"
            problems.append(f"{path}:{_line_of(tree, location)}: {key}: {message}")
        raise ConfigError("\n".join(problems)) from None


def find_course_root(start: Path | None = None) -> Path:
    """The nearest folder at or above `start` that holds grading_config.yml."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / CONFIG_NAME).is_file():
            return folder
    raise ConfigError(f"no {CONFIG_NAME} found in {here} or any folder above it")
