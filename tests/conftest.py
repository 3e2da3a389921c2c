from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


def seed_path(prefix: str) -> Path:
    return next(SEEDS.glob(f"{prefix}_*.txt"))


def seed_text(prefix: str) -> str:
    return seed_path(prefix).read_text(encoding="utf-8")


def story(article_id, outlet, sentences, story_id="s"):
    """A StoryText whose sentences are the given strings, joined by single spaces."""
    from framing.actors import StoryText

    text, spans, pos = "", [], 0
    for s in sentences:
        spans.append((pos, pos + len(s)))
        text += s + " "
        pos = len(text)
    return StoryText(article_id, outlet, text, tuple(spans), story_id)


def seed_story(prefix: str, story_id: str = "parler"):
    """A seed article as a StoryText; story sentences approximated (test only) as its lines of
    at least 5 words."""
    from framing.actors import StoryText

    path = seed_path(prefix)
    text = path.read_text(encoding="utf-8")
    spans, pos = [], 0
    for line in text.split("\n"):
        if len(line.split()) >= 5:
            spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return StoryText(path.stem, prefix, text, tuple(spans), story_id)
