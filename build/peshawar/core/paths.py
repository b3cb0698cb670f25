"""Where the repository's files are: the seeds, the schema, the default database."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
SEEDS = ROOT / "seeds"
SCHEMA_DIR = ROOT / "schema"
DATABASE = ROOT / "peshawar.db"
METADATA = ROOT / "metadata.yml"
DIST = ROOT / "dist"
