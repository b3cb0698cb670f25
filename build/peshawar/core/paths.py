"""Where the repository's files are: the seeds, the schema, the default database."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
SEEDS = ROOT / "seeds"
CORPORA = ROOT / "corpora"
SCHEMA_DIR = ROOT / "schema"
DATABASE = ROOT / "peshawar.db"
# What the build remembers between runs (dataset/cache.py); safe to delete.
CACHE = ROOT / ".cache" / "build.sqlite"
METADATA = ROOT / "metadata.yml"
DIST = ROOT / "dist"
