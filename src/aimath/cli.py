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


def grade_with_progress(course: Course, lesson_key: str, paths: list[Path], out: Path, *, workers: int, db: Path,
                        regrade: bool = False, sandbox: str | None = None, limits=None):
    """Grade a batch with a progress bar; print the per-submission lines and the summary table."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from .grade.batch import grade_batch
    from .gradebook import Gradebook
    from .report import summary_table

    entry = course.config.lesson(lesson_key)
    bundle = course.root / "autograder" / entry.stem
    if not (bundle / "lesson.json").is_file():
        raise click.ClickException(f"lesson {entry.id} is not built: run `aimath build {entry.id}`")
    console = Console(stderr=True)
    with Progress(TextColumn("grading {task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=console, transient=False) as progress:
        task = progress.add_task(entry.stem, total=None)
        outcome = grade_batch(bundle, paths, out, workers=workers, db_path=db, regrade=regrade,
                              progress=lambda result: progress.advance(task),
                              on_found=lambda count: progress.update(task, total=count),
                              limits=limits or course.config.limits, sandbox_mode=sandbox or course.config.sandbox,
                              patterns=course.config.student_id_patterns())
        progress.update(task, completed=progress.tasks[0].total or 0)
    if course.config.roster:
        with Gradebook(db) as gradebook:
            gradebook.import_roster(course.root / course.config.roster)
    console.print(summary_table(outcome.results))
    if outcome.skipped:
        console.print(f"{len(outcome.skipped)} unchanged submission(s) skipped (use --regrade to grade them again)")
    for submission, reason in outcome.failed:
        console.print(f"[red]not graded[/red] {submission.original_name}: {reason}")
    return outcome


@main.command()
@click.argument("lesson_key", metavar="LESSON")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Results, feedback and intake folder (default: graded/NN_Title).")
@click.option("--workers", type=click.IntRange(min=1), default=None, help="Parallel graders (default: from the config).")
@click.option("--db", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="SQLite gradebook (default: gradebook.sqlite in the course folder).")
@click.option("--regrade", is_flag=True, help="Grade unchanged submissions again.")
@click.option("--sandbox", type=click.Choice(["auto", "bwrap", "process"]), default=None)
@click.pass_obj
def grade(root: Path | None, lesson_key: str, paths: tuple[Path, ...], out: Path | None, workers: int | None,
          db: Path | None, regrade: bool, sandbox: str | None) -> None:
    """Grade submitted notebooks (.ipynb, otter .zip exports, or folders of them) for one lesson."""
    course = _course(root)
    try:
        entry = course.config.lesson(lesson_key)
        grade_with_progress(course, lesson_key, list(paths), out or course.root / "graded" / entry.stem,
                            workers=workers or course.config.limits.workers, db=db or _default_db(course),
                            regrade=regrade, sandbox=sandbox)
    except ConfigError as exc:
        raise click.ClickException(str(exc)) from None


@main.command()
@click.option("--lesson", "lesson_key", default="02", show_default=True)
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Where to put the demo class (default: demo-out/ in the course folder; replaced).")
@click.option("--workers", type=click.IntRange(min=1), default=2, show_default=True)
@click.pass_obj
def demo(root: Path | None, lesson_key: str, out: Path | None, workers: int) -> None:
    """Make a synthetic class for a lesson, grade it in the sandbox, and export the grades."""
    import shutil

    from .demo import DEMO_LIMITS, synthesize_class

    course = _course(root)
    entry = course.config.lesson(lesson_key)
    out = out or course.root / "demo-out"
    if out.exists():
        shutil.rmtree(out)
    submissions, roster = synthesize_class(course.root, entry.stem, out)
    demo_course = Course(course.root, course.config.model_copy(update={"roster": str(roster.resolve())}))
    db = out / "gradebook.sqlite"
    grade_with_progress(demo_course, entry.id, [out / "submissions"], out / "graded", workers=workers, db=db,
                        limits=DEMO_LIMITS)
    exports = out / "exports"
    exports.mkdir()
    export_lesson(demo_course, "csv", entry.id, exports / "grades.csv", db)
    export_lesson(demo_course, "canvas", entry.id, exports / "canvas.csv", db)
    click.echo(f"""
demo class of {len(submissions)} submissions for lesson {entry.id} ({entry.title}):
  submissions   {out / 'submissions'}
  results       {out / 'graded' / 'results'}
  feedback      {out / 'graded' / 'feedback'}
  gradebook     {db}
  plain CSV     {exports / 'grades.csv'}
  Canvas CSV    {exports / 'canvas.csv'}""")


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
