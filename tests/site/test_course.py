"""The course editions: the student edition has every exercise and no solution."""

import os
import re

import pytest

from .conftest import ROOT

STUDENT = ROOT / "_build" / "course" / "student" / "_build" / "html"


def count(pattern: str, html: str) -> int:
    return len(re.findall(pattern, html))


def test_student_edition_has_exercises_but_no_solutions(site_dir):
    if not (STUDENT / "index.html").exists():
        if os.environ.get("CI") == "true":
            pytest.fail("the student edition was not built (make course-student)")
        pytest.skip("student edition not built: run `make course-student`")
    exercises = solutions = 0
    for page in sorted((site_dir / "chapters").glob("*.html")):
        full = page.read_text()
        student = (STUDENT / "chapters" / page.name).read_text()
        n_ex = count(r'class="[^"]*\bexercise\b', full)
        assert count(r'class="[^"]*\bexercise\b', student) == n_ex, f"{page.name}: exercises differ"
        assert count(r'class="[^"]*\bsolution\b', student) == 0, f"{page.name}: a solution leaked"
        exercises += n_ex
        solutions += count(r'class="[^"]*\bsolution\b', full)
    assert exercises > 0 and solutions > 0, "the book should have exercises with solutions"
