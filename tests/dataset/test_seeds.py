"""Reading the seed files (dataset/seeds.py): JSON Schema problems with
their line, and a file read whole or not at all."""

import shutil
from pathlib import Path

from peshawar.dataset.seeds import read_seeds

ROOT = Path(__file__).resolve().parents[2]


def test_the_real_seeds_read_without_problems():
    seeds, problems = read_seeds(ROOT / "seeds")
    assert problems == []
    assert len(seeds.articles) == len(seeds.bodies) >= 5
    assert set(seeds.annotations) <= {article["id"] for article in seeds.articles}


def test_a_schema_problem_names_the_line_and_leaves_the_file_out(tmp_path):
    seeds_dir = tmp_path / "seeds"
    shutil.copytree(ROOT / "seeds", seeds_dir)
    topics = seeds_dir / "topics.yml"
    topics.write_text("topics:\n  - id: fine\n    label: Fine\n  - id: Not A Slug\n    label: Bad\n", encoding="utf-8")
    seeds, problems = read_seeds(seeds_dir)
    assert [str(p) for p in problems] == ["seeds/topics.yml:4: topics/1/id: 'Not A Slug' does not match '^[a-z0-9]+(-[a-z0-9]+)*$'"]
    assert seeds.topics == []


def test_two_annotation_files_for_one_article_are_refused(tmp_path):
    seeds_dir = tmp_path / "seeds"
    shutil.copytree(ROOT / "seeds", seeds_dir)
    first = sorted((seeds_dir / "annotations").glob("*.yml"))[0]
    shutil.copy(first, seeds_dir / "annotations" / "zz-copy.yml")
    _, problems = read_seeds(seeds_dir)
    assert any(p.path == "seeds/annotations/zz-copy.yml" and "a second annotation file for article" in p.message for p in problems)
