"""Submission intake: student ids from file names, otter zips, bundles, and refusal of unsafe input."""

from __future__ import annotations

import hashlib
import json
import os
import stat
import zipfile
from pathlib import Path

import pytest

from aimath.config import DEFAULT_STUDENT_ID_PATTERNS
from aimath.gradebook import Submission, collect_submissions

PATTERNS = DEFAULT_STUDENT_ID_PATTERNS


def notebook(tag: str) -> bytes:
    return json.dumps({"cells": [], "metadata": {"tag": tag}, "nbformat": 4, "nbformat_minor": 5}).encode()


def write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def make_zip(path: Path, members: dict[str, bytes], *, infos: list[tuple[zipfile.ZipInfo, bytes]] = ()) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
        for info, data in infos:
            archive.writestr(info, data)
    return path


def collect(paths, tmp_path: Path, patterns=PATTERNS, **limits) -> list[Submission]:
    return collect_submissions(paths, patterns, tmp_path / "work", **limits)


def by_name(found: list[Submission]) -> dict[str, Submission]:
    return {s.original_name: s for s in found}


def test_canvas_and_plain_names_in_a_folder(tmp_path: Path) -> None:
    folder = tmp_path / "downloads"
    names = {
        "1001.ipynb": ("1001", None, False),
        "doejane_2002_5001_Lesson 02, \"final\" (1).ipynb": ("2002", "5001", False),
        "müllerjörg_LATE_3003_5002_Übung 02.ipynb": ("3003", "5002", True),
        "late_4004_5003_LATE_in_original_name.ipynb": ("4004", "5003", False),
    }
    for name in names:
        write(folder / name, notebook(name))
    write(folder / "README.txt", b"not a submission")
    write(folder / ".ipynb_checkpoints" / "1001-checkpoint.ipynb", notebook("checkpoint"))
    found = by_name(collect(folder, tmp_path))
    assert set(found) == set(names)
    for name, (student, submission, late) in names.items():
        item = found[name]
        assert (item.student_id, item.submission_id, item.late, item.error) == (student, submission, late, None)
        assert item.path == folder / name
        assert item.sha256 == hashlib.sha256(notebook(name)).hexdigest()


def test_duplicates_come_latest_last_by_submission_id_then_mtime(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    for file_id in ("10", "9", "11"):
        write(folder / f"doejane_2002_{file_id}_hw.ipynb", notebook(file_id))
    older, newer = write(folder / "s7-v2.ipynb", notebook("v2")), write(folder / "s7-v1.ipynb", notebook("v1"))
    os.utime(older, (1_000_000, 1_000_000))
    os.utime(newer, (2_000_000, 2_000_000))
    canvas = collect(folder, tmp_path)
    assert [s.submission_id for s in canvas if s.student_id == "2002"] == ["9", "10", "11"]
    custom = collect(folder, tmp_path, patterns=[r"^(?P<student_id>s\d+)-v\d+\.ipynb$"])
    assert [s.original_name for s in custom if s.student_id == "s7"] == ["s7-v2.ipynb", "s7-v1.ipynb"]


def test_a_custom_pattern_may_mark_late_submissions(tmp_path: Path) -> None:
    write(tmp_path / "in" / "ab12 (late).ipynb", notebook("x"))
    write(tmp_path / "in" / "cd34.ipynb", notebook("y"))
    pattern = r"^(?P<student_id>[a-z]{2}\d{2})(?P<late> \(late\))?\.ipynb$"
    found = by_name(collect(tmp_path / "in", tmp_path, patterns=[pattern]))
    assert (found["ab12 (late).ipynb"].late, found["cd34.ipynb"].late) == (True, False)
    with pytest.raises(ValueError, match="student_id"):
        collect(tmp_path / "in", tmp_path, patterns=[r"(?P<id>\d+)"])


def test_a_name_without_a_student_id_is_reported_not_dropped(tmp_path: Path) -> None:
    path = write(tmp_path / "my_notebook.ipynb", notebook("x"))
    [item] = collect([path], tmp_path)
    assert item.error == "cannot tell the student id from the file name"
    assert item.student_id is None and item.path is None


def test_an_otter_zip_gives_its_notebook_extracted_into_workdir(tmp_path: Path) -> None:
    zipped = make_zip(
        tmp_path / "in" / "doejane_2002_5003_hw02_2027_01_29T10_00_00.zip",
        {"hw02.ipynb": notebook("otter"), "hw02.pdf": b"%PDF", ".OTTER_LOG": b"log", "data/extra.ipynb": b"{}"},
    )
    [item] = collect(zipped, tmp_path)
    assert (item.student_id, item.submission_id, item.error) == ("2002", "5003", None)
    assert item.original_name == zipped.name
    assert item.path.name == "hw02.ipynb" and item.path.is_relative_to(tmp_path / "work")
    assert item.path.read_bytes() == notebook("otter")
    assert item.sha256 == hashlib.sha256(notebook("otter")).hexdigest()


@pytest.mark.parametrize(
    ("members", "error"),
    [
        ({"hw.pdf": b"%PDF"}, "no notebook in zip"),
        ({"a.ipynb": b"{}", "b.ipynb": b"{}"}, "zip holds 2 notebooks (a.ipynb, b.ipynb)"),
    ],
)
def test_an_otter_zip_needs_exactly_one_notebook(tmp_path: Path, members: dict[str, bytes], error: str) -> None:
    [item] = collect(make_zip(tmp_path / "2002.zip", members), tmp_path)
    assert (item.student_id, item.error, item.path) == ("2002", error, None)
    assert item.sha256 == hashlib.sha256((tmp_path / "2002.zip").read_bytes()).hexdigest()


@pytest.mark.parametrize("member", ["../x.ipynb", "a/../../x.ipynb", "/tmp/x.ipynb", "C:/x.ipynb", "..\\x.ipynb"])
def test_zip_slip_is_refused(tmp_path: Path, member: str) -> None:
    zipped = make_zip(tmp_path / "in" / "2002.zip", {}, infos=[(zipfile.ZipInfo(member), notebook("evil"))])
    [item] = collect(zipped, tmp_path)
    assert item.error == f"zip contains unsafe path {member}"
    assert not (tmp_path / "x.ipynb").exists() and not (tmp_path / "in" / "x.ipynb").exists()
    assert not any(p.is_file() for p in (tmp_path / "work").rglob("*"))  # nothing half-extracted either


def test_zip_bomb_is_refused_by_declared_size(tmp_path: Path) -> None:
    zipped = make_zip(tmp_path / "2002.zip", {"hw.ipynb": b"\0" * 3_000_000})
    assert zipped.stat().st_size < 50_000
    [item] = collect(zipped, tmp_path, max_bytes=1_000_000)
    assert item.error == "zip bomb: 3.0 MB uncompressed"


def test_a_zip_that_lies_about_its_sizes_is_refused(tmp_path: Path) -> None:
    zipped = make_zip(tmp_path / "2002.zip", {"hw.ipynb": b"\0" * 3_000_000})
    data = bytearray(zipped.read_bytes())
    true_size = (3_000_000).to_bytes(4, "little")
    data = data.replace(true_size, (100).to_bytes(4, "little"))  # local header and central directory
    zipped.write_bytes(bytes(data))
    [item] = collect(zipped, tmp_path, max_bytes=1_000_000)
    assert item.error is not None and item.path is None
    assert sum(p.stat().st_size for p in (tmp_path / "work").rglob("*") if p.is_file()) <= 1_000_000


def test_too_many_members_are_refused(tmp_path: Path) -> None:
    zipped = make_zip(tmp_path / "2002.zip", {f"f{i}.txt": b"" for i in range(6)} | {"hw.ipynb": b"{}"})
    [item] = collect(zipped, tmp_path, max_members=5)
    assert item.error == "zip has 7 members (limit 5)"


def test_symlinks_are_refused_and_never_followed(tmp_path: Path) -> None:
    secret = write(tmp_path / "elsewhere" / "secret.ipynb", notebook("secret"))
    folder = tmp_path / "in"
    write(folder / "1001.ipynb", notebook("ok"))
    (folder / "2002.ipynb").symlink_to(secret)
    (folder / "linked_dir").symlink_to(secret.parent, target_is_directory=True)
    found = by_name(collect(folder, tmp_path))
    assert found["2002.ipynb"].error == "symlink refused" and found["2002.ipynb"].student_id == "2002"
    assert found["linked_dir"].error == "symlink refused"
    assert "secret.ipynb" not in found
    assert all(item.sha256 != hashlib.sha256(notebook("secret")).hexdigest() for item in found.values())


def test_a_symlink_inside_a_zip_is_refused(tmp_path: Path) -> None:
    link = zipfile.ZipInfo("hw.ipynb")
    link.external_attr = (stat.S_IFLNK | 0o777) << 16
    [item] = collect(make_zip(tmp_path / "2002.zip", {}, infos=[(link, b"/etc/passwd")]), tmp_path)
    assert item.error == "symlink refused (hw.ipynb in the zip)"


def test_unreadable_and_encrypted_zips_are_reported(tmp_path: Path) -> None:
    write(tmp_path / "in" / "1001.zip", b"this is not a zip")
    locked = make_zip(tmp_path / "in" / "2002.zip", {"hw.ipynb": b"{}"})
    data = bytearray(locked.read_bytes())
    for signature, flags_at in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):  # set "encrypted" in both headers
        data[data.index(signature) + flags_at] |= 0x1
    locked.write_bytes(bytes(data))
    found = by_name(collect(tmp_path / "in", tmp_path))
    assert found["1001.zip"].error.startswith("not a readable zip file")
    assert found["2002.zip"].error == "zip is encrypted"


def test_a_bundle_zip_is_unpacked_and_walked(tmp_path: Path) -> None:
    inner = make_zip(tmp_path / "tmp" / "inner.zip", {"hw.ipynb": notebook("late otter")})
    bundle = make_zip(
        tmp_path / "MATH101-Lesson_02_submissions.zip",
        {
            "doejane_2002_5001_hw.ipynb": notebook("first"),
            "doejane_LATE_2002_5004_hw.zip": inner.read_bytes(),
            "no_id_here.zip": inner.read_bytes(),
            "__MACOSX/._doejane_2002_5001_hw.ipynb": b"fork",
        },
    )
    found = collect(bundle, tmp_path)
    assert [(s.original_name, s.error) for s in found] == [
        ("no_id_here.zip", "cannot tell the student id from the file name"),
        ("doejane_2002_5001_hw.ipynb", None),
        ("doejane_LATE_2002_5004_hw.zip", None),
    ]
    latest = found[-1]
    assert latest.late and latest.path.read_bytes() == notebook("late otter")
    assert all(s.path.is_relative_to(tmp_path / "work") for s in found if s.path)


def test_a_bundle_shares_one_size_budget_with_the_zips_inside(tmp_path: Path) -> None:
    inner = make_zip(tmp_path / "tmp" / "inner.zip", {"hw.ipynb": b"\0" * 600_000})
    bundle = make_zip(tmp_path / "bundle_of_two.zip", {"1001.zip": inner.read_bytes(), "1002.zip": inner.read_bytes()})
    found = by_name(collect(bundle, tmp_path, max_bytes=1_000_000))
    assert found["1001.zip"].error is None
    assert found["1002.zip"].error == "zip bomb: more than 1.0 MB uncompressed"


def test_limits_apply_to_plain_notebooks_and_missing_paths_raise(tmp_path: Path) -> None:
    big = write(tmp_path / "1001.ipynb", b" " * 2_000)
    [item] = collect(big, tmp_path, max_bytes=1_000)
    assert item.error == "notebook too large: 2.0 kB (limit 1.0 kB)"
    with pytest.raises(FileNotFoundError):
        collect(tmp_path / "missing", tmp_path)
