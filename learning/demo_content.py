"""The demo course's texts, read from learning/content/ (see cms.content_files) into the shapes
learning.demo seeds: the course index, the course and its lessons (with quiz, captions of the
recorded webinar, and the live webinar's place), each by language code."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from cms.content_files import (
    LANGUAGES,
    ContentError,
    blocks,
    check_no_stray_files,
    read,
    require,
    translations,
)

CONTENT = Path(__file__).resolve().parent / "content"
COURSE = CONTENT / "course.toml"
KINDS = ("reading", "recorded", "live")
# What a lesson file gives beside title, summary and body (quiz and reflection are optional),
# by kind of lesson.
LESSON_KEYS = {"reading": (), "recorded": ("transcript", "captions"), "live": ("place",)}


@dataclass(frozen=True)
class CourseContent:
    index: dict[str, tuple[str, str]]  # code: (title, intro)
    course: dict  # {"slug", "values", "estimated_minutes", code: {title, summary, intro}}
    lessons: list[dict]  # {"slug", "kind", "required", code: {title, summary, body, quiz, ...}}
    captions: dict[str, list[tuple[float, float, str]]]  # code: [(start, end, text)]


def _quiz(questions: list[dict], path: Path) -> list[dict]:
    for number, question in enumerate(questions, start=1):
        require(question, ("question", "multiple", "options"), path, f"quiz[{number}]")
        for option_number, option in enumerate(question["options"], start=1):
            where = f"quiz[{number}].options[{option_number}]"
            require(option, ("text", "correct", "feedback"), path, where)
    return [
        {
            "question": question["question"],
            "multiple": question["multiple"],
            "options": [
                {key: option[key] for key in ("text", "correct", "feedback")}
                for option in question["options"]
            ],
        }
        for question in questions
    ]


def _lesson(entry: dict, number: int) -> tuple[dict, dict[str, list]]:
    require(entry, ("slug", "kind", "required"), COURSE, f"lessons[{number}]")
    if entry["kind"] not in KINDS:
        raise ContentError(f"{COURSE}: lessons[{number}] kind should be one of {', '.join(KINDS)}")
    relative = f"lessons/{entry['slug']}.toml"
    extra = LESSON_KEYS[entry["kind"]]
    files = translations(CONTENT, relative, ("title", "summary", "body", *extra))
    lesson = {key: entry[key] for key in ("slug", "kind", "required")}
    captions = {}
    for code, texts in files.items():
        path = CONTENT / code / relative
        values = {
            "title": texts["title"],
            "summary": texts["summary"],
            "body": blocks(texts["body"], path),
            "quiz": _quiz(texts.get("quiz", []), path),
        }
        for key in ("reflection", "transcript", "place"):
            if key in texts:
                values[key] = texts[key]
        lesson[code] = values
        if "captions" in texts:
            for cue, caption in enumerate(texts["captions"], start=1):
                require(caption, ("start", "end", "text"), path, f"captions[{cue}]")
            captions[code] = [(c["start"], c["end"], c["text"]) for c in texts["captions"]]
    return lesson, captions


@functools.cache
def course_content() -> CourseContent:
    """Read and check every file once; a ContentError names the file at fault."""
    facts = read(COURSE)
    require(facts, ("course", "lessons"), COURSE)
    require(facts["course"], ("slug", "values", "estimated_minutes"), COURSE, "course")
    files = translations(CONTENT, "course.toml", ("index", "course"))
    fi_course = CONTENT / "fi" / "course.toml"
    require(files["fi"]["index"], ("title", "intro"), fi_course, "index")
    require(files["fi"]["course"], ("title", "summary", "intro"), fi_course, "course")
    course = {key: facts["course"][key] for key in ("slug", "values", "estimated_minutes")}
    for code, texts in files.items():
        path = CONTENT / code / "course.toml"
        course[code] = {
            "title": texts["course"]["title"],
            "summary": texts["course"]["summary"],
            "intro": blocks(texts["course"]["intro"], path, "course.intro"),
        }
    lessons, captions = [], {}
    for number, entry in enumerate(facts["lessons"], start=1):
        lesson, lesson_captions = _lesson(entry, number)
        lessons.append(lesson)
        captions.update(lesson_captions)
    check_no_stray_files(
        CONTENT,
        {"course.toml"} | {f"lessons/{lesson['slug']}.toml" for lesson in lessons},
        COURSE,
    )
    return CourseContent(
        index={
            code: (files[code]["index"]["title"], files[code]["index"]["intro"])
            for code in LANGUAGES
        },
        course=course,
        lessons=lessons,
        captions=captions,
    )
