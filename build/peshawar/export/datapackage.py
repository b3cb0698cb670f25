"""The whole database as a Frictionless Data Package: one CSV per table and a
Table Schema for each (types, descriptions, primary and foreign keys, enums),
with the package's licence, sources, contributors and version.

CSV cannot tell NULL from an empty string, so the schemas say how it is
written: ``missingValues: [""]``, an empty cell is NULL. A text value that is
an empty string would then read back as NULL; the export refuses one (no
column holds one today) rather than change it silently.
"""

import csv
import hashlib
import io
import json
import zipfile
from pathlib import Path

from .shape import ShapeError, connect_read_only, read_metadata, read_tables

# The version of this package's layout, before the "+": bump the major when a
# table or column a reader may use goes away or changes meaning, the minor
# when one is added. After the "+" (semver build metadata) comes a digest of
# the data itself, so two packages with the same version hold the same rows.
LAYOUT_VERSION = "1.0.0"

# Written into the package's description after metadata.yml's own.
CSV_CONVENTIONS = (
    "Each table is one UTF-8 CSV file with a header row, its rows in primary "
    "key order. An empty cell is NULL (the schemas' missingValues); no text "
    "value is an empty string. Character offsets (start_char, end_char) count "
    "Unicode code points in articles.body, half-open, as Python and SQLite do."
)

# A zip's entries carry a timestamp; a fixed one keeps two builds of the same
# data byte-identical, as the database itself is.
ZIP_TIMESTAMP = (1980, 1, 1, 0, 0, 0)

PYTHON_TYPES = {"integer": (int,), "number": (float, int), "string": (str,)}


def table_rows(conn, table):
    """Every row of ``table`` in primary key order, each value checked to be
    one a CSV with the table's schema reads back as the same value."""
    names = [column.name for column in table.columns]
    quoted = ", ".join(f'"{name}"' for name in names)
    order = ", ".join(f'"{name}"' for name in table.primary_key) or "rowid"
    rows = conn.execute(f'select {quoted} from "{table.name}" order by {order}').fetchall()
    for number, row in enumerate(rows, 1):
        key = ", ".join(f"{name}={row[names.index(name)]!r}" for name in table.primary_key) or f"row {number}"
        for column, value in zip(table.columns, row):
            where = f"{table.name} ({key}), column {column.name}"
            if value is None:
                continue
            if value == "":
                raise ShapeError(f"{where}: an empty string, which the CSV could not tell from NULL; store NULL")
            if not isinstance(value, PYTHON_TYPES[column.field_type]):
                raise ShapeError(
                    f"{where}: {value!r} is a {type(value).__name__} in a column declared {column.declared_type}"
                )
    return names, rows


def table_schema(table):
    """The Table Schema of one table, as a frictionless Schema."""
    from frictionless import Schema, fields

    field_classes = {"integer": fields.IntegerField, "number": fields.NumberField, "string": fields.StringField}
    schema_fields = []
    for column in table.columns:
        constraints = {}
        if column.required:
            constraints["required"] = True
        if column.unique:
            constraints["unique"] = True
        if column.enum is not None:
            constraints["enum"] = list(column.enum)
        schema_fields.append(
            field_classes[column.field_type](
                name=column.name, description=column.description, constraints=constraints
            )
        )
    return Schema(
        fields=schema_fields,
        missing_values=[""],
        primary_key=list(table.primary_key),
        foreign_keys=[
            {"fields": list(key.columns), "reference": {"resource": key.table, "fields": list(key.references)}}
            for key in table.foreign_keys
        ],
    )


def write_table(conn, table, directory):
    """Write ``<table>.csv`` into ``directory``; return its Resource."""
    from frictionless import Resource

    names, rows = table_rows(conn, table)
    # RFC 4180 CSV as Python writes it: NULL as an empty cell, a float as its
    # shortest exact repr, quotes only where a value needs them.
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(names)
    writer.writerows(rows)
    content = buffer.getvalue().encode("utf-8")
    path = Path(directory) / f"{table.name}.csv"
    path.write_bytes(content)
    return Resource(
        name=table.name,
        path=path.name,
        description=table.description,
        format="csv",
        mediatype="text/csv",
        encoding="utf-8",
        hash=f"sha256:{hashlib.sha256(content).hexdigest()}",
        bytes=len(content),
        rows=len(rows),
        schema=table_schema(table),
    )


def sources_and_contributors(conn):
    """Each article as a source, and the authors and publishers its text names.

    No article has a known web address, so a source is its title, outlet and
    date in words; a value a reader inferred from the text says so.
    """
    articles = conn.execute(
        """
        select articles.title, articles.byline, outlets.name, articles.published_date,
          (select status from article_provenance where article_id = articles.id and field = 'outlet'),
          (select status from article_provenance where article_id = articles.id and field = 'published_date')
        from articles left join actors as outlets on outlets.id = articles.outlet_id
        order by articles.id
        """
    ).fetchall()

    def words(value, status, missing):
        if value is None:
            return missing
        return f"{value}, inferred from the text" if status == "inferred" else value

    sources, contributors = [], []
    for title, byline, outlet, published, outlet_status, date_status in articles:
        outlet_words = words(outlet, outlet_status, "outlet not stated")
        sources.append({"title": f"{title} ({outlet_words}; {words(published, date_status, 'date not stated')})"})
        publisher = outlet and (f"{outlet} (inferred from the text)" if outlet_status == "inferred" else outlet)
        for name, role in ((byline, "author"), (publisher, "publisher")):
            if name and {"title": name, "roles": [role]} not in contributors:
                contributors.append({"title": name, "roles": [role]})
    return sources, contributors


def data_digest(resources):
    """Twelve hex digits naming the data: a hash of every table's CSV hash."""
    joined = "\n".join(f"{resource.name} {resource.hash}" for resource in resources)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:12]


def write_datapackage(db_path, metadata_path, directory, database="peshawar"):
    """Write datapackage.json and one CSV per table into ``directory``."""
    from frictionless import Package

    metadata, table_metadata = read_metadata(metadata_path, database)
    for key in ("title", "description", "license", "license_url"):
        if not metadata.get(key):
            raise ShapeError(f"{metadata_path}: `{key}` is needed for the data package and is missing")
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    conn = connect_read_only(db_path)
    try:
        tables = read_tables(conn, table_metadata)
        resources = [write_table(conn, table, directory) for table in tables]
        sources, contributors = sources_and_contributors(conn)
    finally:
        conn.close()
    package = Package(
        name=database,
        title=" ".join(metadata["title"].split()),
        description=" ".join(metadata["description"].split()) + "\n\n" + CSV_CONVENTIONS,
        version=f"{LAYOUT_VERSION}+{data_digest(resources)}",
        licenses=[{"path": metadata["license_url"], "title": " ".join(metadata["license"].split())}],
        sources=sources,
        contributors=contributors,
        resources=resources,
    )
    descriptor = package.to_dict()
    (directory / "datapackage.json").write_text(
        json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    return descriptor


def zip_datapackage(directory, zip_path):
    """Zip the package with datapackage.json at the root, where frictionless
    and other Data Package readers look for it, entries in a fixed order and
    with a fixed timestamp."""
    directory = Path(directory)
    with zipfile.ZipFile(zip_path, "w") as archive:
        for path in sorted(directory.iterdir(), key=lambda p: (p.name != "datapackage.json", p.name)):
            entry = zipfile.ZipInfo(path.name, date_time=ZIP_TIMESTAMP)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            archive.writestr(entry, path.read_bytes(), compresslevel=9)


def validate_datapackage(path):
    """frictionless's report on a package (datapackage.json or the zip).

    Validating the package, not each resource alone, is what checks foreign
    keys: frictionless v5 looks a key up in the resource it references only
    when it validates the package that holds both.
    """
    from frictionless import Package

    return Package(str(path)).validate()
