"""The downloads in dist/, written together: the data package (folder and
zip, validated by frictionless before anything is replaced) and the Web
Annotations. Everything is written into a staging folder first, so a failure
leaves the previous downloads as they were."""

import os
import shutil
import tempfile
from pathlib import Path

from .datapackage import validate_datapackage, write_datapackage, zip_datapackage
from .shape import ShapeError
from .webannotations import write_annotations

PACKAGE_DIR = "peshawar-datapackage"
PACKAGE_ZIP = "peshawar-datapackage.zip"
ANNOTATIONS = "annotations.jsonld"


def validation_errors(report, limit=10):
    """frictionless's first errors as lines: table, row, field, what is wrong."""
    lines = []
    for task in report.tasks:
        for error in task.errors:
            where = task.name
            if getattr(error, "row_number", None) is not None:
                where += f" row {error.row_number}"
            if getattr(error, "field_name", None) is not None:
                where += f" field {error.field_name}"
            lines.append(f"{where}: {error.type}: {error.note}")
    return lines[:limit]


def write_dist(db_path, metadata_path, dist_dir):
    """Write every download into ``dist_dir``; return their paths."""
    dist = Path(dist_dir)
    dist.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=dist))
    try:
        write_datapackage(db_path, metadata_path, staging / PACKAGE_DIR)
        report = validate_datapackage(staging / PACKAGE_DIR / "datapackage.json")
        if not report.valid:
            raise ShapeError("frictionless finds the data package invalid:\n  " + "\n  ".join(validation_errors(report)))
        zip_datapackage(staging / PACKAGE_DIR, staging / PACKAGE_ZIP)
        write_annotations(db_path, metadata_path, staging / ANNOTATIONS)
        for name in (PACKAGE_ZIP, ANNOTATIONS):
            os.replace(staging / name, dist / name)
        # A folder cannot be replaced in one step: the old one moves into the
        # staging folder (removed below) and the new one takes its place.
        if (dist / PACKAGE_DIR).exists():
            os.replace(dist / PACKAGE_DIR, staging / "previous")
        os.replace(staging / PACKAGE_DIR, dist / PACKAGE_DIR)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return [dist / PACKAGE_DIR, dist / PACKAGE_ZIP, dist / ANNOTATIONS]
