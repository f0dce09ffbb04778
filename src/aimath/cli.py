"""The `aimath` command line: a thin layer over the stage functions."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .config import ConfigError, CourseConfig, find_course_root, load_config


class Course:
    def __init__(self, root: Path, config: CourseConfig):
        self.root = root
        self.config = config


def _course(root: Path | None) -> Course:
    try:
        course_root = find_course_root(root)
        return Course(course_root, load_config(course_root / "grading_config.yml"))
    except ConfigError as exc:
        raise click.ClickException(str(exc)) from None


@click.group()
@click.version_option(package_name="aimath")
@click.option("--root", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Course folder (default: the nearest folder with grading_config.yml).")
@click.pass_context
def main(ctx: click.Context, root: Path | None) -> None:
    """Build, check and grade the course "Mathematics for AI/ML/DL"."""
    ctx.obj = root


@main.command()
@click.argument("lessons", nargs=-1)
@click.option("--check", "verify", is_flag=True, help="Rebuild into a temporary folder and fail if committed outputs differ.")
@click.option("--no-execute", is_flag=True, help="Skip executing the solution notebooks (faster; solutions/ not written).")
@click.pass_obj
def build(root: Path | None, lessons: tuple[str, ...], verify: bool, no_execute: bool) -> None:
    """Build release/, autograder/ and solutions/ from source/ (all lessons when none is named)."""
    from .build import BuildError, build_lessons, select_lessons, verify_build

    course = _course(root)
    try:
        entries = select_lessons(course.root, course.config, lessons)
        if verify:
            drifts = verify_build(course.root, course.config, entries)
            for drift in drifts:
                for path in drift.differing:
                    click.echo(f"out of date: {path}")
            if drifts:
                raise click.ClickException("committed outputs differ from a fresh build: run `aimath build` and commit")
            click.echo(f"build is up to date for {len(entries)} lesson(s): {' '.join(e.id for e in entries)}")
            return
        written = build_lessons(course.root, course.config, entries, execute=not no_execute)
    except (BuildError, ConfigError) as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"built {len(entries)} lesson(s), {len(written)} files")


@main.command()
@click.argument("lessons", nargs=-1)
@click.pass_obj
def check(root: Path | None, lessons: tuple[str, ...]) -> None:
    """Solutions score full marks, untouched releases score zero, nothing leaks into release/."""
    from .build import BuildError, check_lessons, select_lessons

    course = _course(root)
    try:
        reports = check_lessons(course.root, course.config, select_lessons(course.root, course.config, lessons))
    except (BuildError, ConfigError) as exc:
        raise click.ClickException(str(exc)) from None
    failed = False
    for report in reports:
        status = "ok" if report.ok else "FAILED"
        click.echo(f"{report.lesson}: {status} (solutions {report.reference_score:g}/{report.max_score:g})")
        for problem in report.problems:
            click.echo(f"  - {problem}")
        failed |= not report.ok
    if failed:
        sys.exit(1)


EXPORT_FORMATS = ("csv", "canvas", "moodle", "blackboard")


def _default_db(course: Course) -> Path:
    return course.root / "gradebook.sqlite"


def export_lesson(course: Course, fmt: str, lesson_key: str, output: Path, db: Path) -> int:
    """Write one lesson's latest results in an LMS format; returns the number of students exported."""
    from . import export
    from .gradebook import Gradebook

    entry = course.config.lesson(lesson_key)
    if not db.is_file():
        raise click.ClickException(f"no gradebook at {db}: run `aimath grade` first")
    with Gradebook(db) as gradebook:
        if course.config.roster:
            gradebook.import_roster(course.root / course.config.roster)
        results = gradebook.latest_results(entry.id)
        late = {"late_days": gradebook.late_days(entry.id), "policy": course.config.late_policy}
        if fmt == "csv":
            export.export_csv(results, output, **late)
        else:
            writer = {"canvas": export.export_canvas, "moodle": export.export_moodle,
                      "blackboard": export.export_blackboard}[fmt]
            writer(results, entry, gradebook.students(), output, **late)
    return len(results)


@main.command("export")
@click.argument("fmt", metavar="FORMAT", type=click.Choice(EXPORT_FORMATS))
@click.option("--lesson", "lesson_key", required=True, help="Lesson number, e.g. 02.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True)
@click.option("--db", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="SQLite gradebook (default: gradebook.sqlite in the course folder).")
@click.pass_obj
def export_command(root: Path | None, fmt: str, lesson_key: str, output: Path, db: Path | None) -> None:
    """Export a lesson's grades: csv (per question), canvas, moodle or blackboard import files."""
    course = _course(root)
    try:
        count = export_lesson(course, fmt, lesson_key, output, db or _default_db(course))
    except (ConfigError, ValueError) as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"wrote {output} ({count} students)")


if __name__ == "__main__":
    main()
