"""What the built database says about its tables, and what metadata.yml says
about them: the shape both exports describe.

Columns, types, keys and foreign keys come from SQLite's pragmas; enums from
the CHECK constraints in the DDL stored in sqlite_master; descriptions and
label columns from metadata.yml (``databases.<name>.tables.<table>``), where
they are stated once. Views and full-text-search tables (virtual tables and
their shadow tables) hold no data of their own and are left out.
"""

import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import yaml


class ShapeError(Exception):
    """The database holds something an export cannot carry faithfully."""


@dataclass(frozen=True)
class Column:
    name: str
    declared_type: str
    # Table Schema type: integer, number or string.
    field_type: str
    required: bool
    unique: bool
    enum: tuple | None
    description: str | None


@dataclass(frozen=True)
class ForeignKey:
    columns: tuple
    table: str
    references: tuple


@dataclass(frozen=True)
class Table:
    name: str
    columns: tuple
    primary_key: tuple
    foreign_keys: tuple
    description: str | None
    label_column: str | None


def connect_read_only(db_path):
    """A connection that cannot change the database (it must exist)."""
    db_path = Path(db_path)
    if not db_path.is_file():
        raise ShapeError(f"{db_path}: no such database; run `make build` first")
    return sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=ro", uri=True)


def read_metadata(metadata_path, database="peshawar"):
    """The whole metadata.yml and the table entries of ``database`` in it."""
    metadata = yaml.safe_load(Path(metadata_path).read_text(encoding="utf-8")) or {}
    tables = ((metadata.get("databases") or {}).get(database) or {}).get("tables") or {}
    return metadata, tables


def read_tables(conn, table_metadata):
    """Every data table, referenced tables before the tables that refer to them.

    A table the site hides (``hidden: true`` in metadata.yml) holds the
    answer to a question, worked out by the build from the data tables
    (schema/after_load.sql): derived, like the search indexes, so left out.
    """
    names = [
        name
        for (name,) in conn.execute(
            "select name from pragma_table_list where schema = 'main' and type = 'table' "
            "and name not like 'sqlite_%' order by name"
        )
        if not (table_metadata.get(name) or {}).get("hidden")
    ]
    tables = {name: _read_table(conn, name, table_metadata.get(name) or {}) for name in names}
    return [tables[name] for name in _referenced_first(tables)]


def _read_table(conn, name, meta):
    ddl = conn.execute("select sql from sqlite_master where type = 'table' and name = ?", [name]).fetchone()[0]
    enums = check_enums(ddl)
    info = conn.execute("select name, type, \"notnull\", pk from pragma_table_info(?) order by cid", [name]).fetchall()
    primary_key = tuple(column for column, _, _, pk in sorted(info, key=lambda row: row[3]) if pk)
    unique = _unique_columns(conn, name, primary_key)
    descriptions = meta.get("columns") or {}
    columns = []
    for column, declared, notnull, pk in info:
        field_type = table_schema_type(declared)
        if field_type is None:
            raise ShapeError(f"{name}.{column}: declared type {declared!r} has no CSV form (BLOB affinity)")
        enum = enums.get(column)
        if enum is not None:
            enum = tuple(_literal_for(value, field_type, f"{name}.{column}") for value in enum)
        columns.append(
            Column(
                name=column,
                declared_type=declared,
                field_type=field_type,
                # A primary key is required even where SQLite would let it be NULL.
                required=bool(notnull or pk),
                unique=column in unique,
                enum=enum,
                description=_text(descriptions.get(column)),
            )
        )
    return Table(
        name=name,
        columns=tuple(columns),
        primary_key=primary_key,
        foreign_keys=_foreign_keys(conn, name),
        description=_text(meta.get("description")),
        label_column=meta.get("label_column") or next(
            (c for c in ("name", "label", "title") if any(row[0] == c for row in info)), None
        ),
    )


def _text(value):
    return " ".join(value.split()) if isinstance(value, str) else None


def table_schema_type(declared):
    """The Table Schema type for a SQLite declared type, by SQLite's own
    affinity rules (https://www.sqlite.org/datatype3.html, section 3.1);
    None for BLOB affinity, which CSV cannot carry."""
    declared = (declared or "").upper()
    if "INT" in declared:
        return "integer"
    if any(word in declared for word in ("CHAR", "CLOB", "TEXT")):
        return "string"
    if "BLOB" in declared or not declared:
        return None
    # REAL, FLOAT, DOUBLE and NUMERIC affinity.
    return "number"


def _literal_for(value, field_type, where):
    if field_type == "string" and isinstance(value, str):
        return value
    if field_type == "integer" and isinstance(value, int):
        return value
    if field_type == "number" and isinstance(value, (int, float)):
        return value
    raise ShapeError(f"{where}: CHECK lists {value!r}, which is not a {field_type}")


def _unique_columns(conn, name, primary_key):
    """Columns with a one-column UNIQUE constraint or unique index (not partial)."""
    unique = set(primary_key) if len(primary_key) == 1 else set()
    for index, is_unique, partial in conn.execute(
        "select name, \"unique\", partial from pragma_index_list(?)", [name]
    ):
        if not is_unique or partial:
            continue
        indexed = [column for (column,) in conn.execute("select name from pragma_index_info(?)", [index])]
        if len(indexed) == 1 and indexed[0] is not None:
            unique.add(indexed[0])
    return unique


def _foreign_keys(conn, name):
    keys = {}
    for key_id, _seq, table, source, target in conn.execute(
        "select id, seq, \"table\", \"from\", \"to\" from pragma_foreign_key_list(?) order by id, seq", [name]
    ):
        keys.setdefault(key_id, (table, [], []))
        keys[key_id][1].append(source)
        keys[key_id][2].append(target)
    foreign_keys = []
    for table, sources, targets in keys.values():
        if any(target is None for target in targets):
            # REFERENCES t without columns means t's primary key.
            targets = [column for column, pk in conn.execute(
                "select name, pk from pragma_table_info(?) where pk > 0 order by pk", [table]
            )]
        foreign_keys.append(ForeignKey(tuple(sources), table, tuple(targets)))
    return tuple(sorted(foreign_keys, key=lambda key: key.columns))


def _referenced_first(tables):
    """Table names so that every table comes after the tables it refers to
    (self-references aside), alphabetically where the order is free."""
    ordered, placed = [], set()
    while len(ordered) < len(tables):
        ready = [
            name
            for name, table in sorted(tables.items())
            if name not in placed
            and all(key.table in placed or key.table == name or key.table not in tables for key in table.foreign_keys)
        ]
        if not ready:
            cycle = sorted(set(tables) - placed)
            raise ShapeError(f"foreign keys form a cycle among {', '.join(cycle)}")
        ordered.append(ready[0])
        placed.add(ready[0])
    return ordered


# CHECK constraints ----------------------------------------------------------
# Only a CHECK that says exactly "col IN (literals)" or "col IS NULL OR col IN
# (literals)" becomes an enum: any other condition (an IN list that applies
# only when something else holds) is not a list of allowed values, and is left
# to the database.

_TOKEN = re.compile(
    r"""
      (?P<space>\s+|--[^\n]*|/\*.*?\*/)
    | (?P<string>'(?:[^']|'')*')
    | (?P<quoted>"(?:[^"]|"")*"|\[[^\]]*\]|`(?:[^`]|``)*`)
    | (?P<number>[-+]?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?)
    | (?P<word>\w+)
    | (?P<punct>.)
    """,
    re.VERBOSE | re.DOTALL,
)


def _tokens(sql):
    """SQL tokens as (kind, value): comments and whitespace dropped, strings
    and numbers as Python values, identifiers unquoted, keywords upper-case."""
    tokens = []
    for match in _TOKEN.finditer(sql):
        kind, text = match.lastgroup, match.group()
        if kind == "space":
            continue
        if kind == "string":
            tokens.append(("literal", text[1:-1].replace("''", "'")))
        elif kind == "number":
            tokens.append(("literal", float(text) if re.search(r"[.eE]", text) else int(text)))
        elif kind == "quoted":
            tokens.append(("word", text[1:-1]))
        elif kind == "word":
            tokens.append(("word", text))
        else:
            tokens.append(("punct", text))
    return tokens


def _is(token, keyword):
    return token[0] == "word" and token[1].upper() == keyword


def _check_bodies(tokens):
    """The token list inside each CHECK ( ... )."""
    bodies = []
    for position, token in enumerate(tokens):
        if not (_is(token, "CHECK") and position + 1 < len(tokens) and tokens[position + 1] == ("punct", "(")):
            continue
        depth, body = 0, []
        for inner in tokens[position + 1 :]:
            if inner == ("punct", "("):
                depth += 1
            elif inner == ("punct", ")"):
                depth -= 1
                if depth == 0:
                    break
            body.append(inner)
        bodies.append(body[1:])
    return bodies


def _in_list(tokens):
    """(column, values) for exactly ``column IN (literal, ...)``, else None."""
    if len(tokens) < 5 or tokens[0][0] != "word" or not _is(tokens[1], "IN"):
        return None
    if tokens[2] != ("punct", "(") or tokens[-1] != ("punct", ")"):
        return None
    items = tokens[3:-1]
    values = items[0::2]
    commas = items[1::2]
    if not values or any(kind != "literal" for kind, _ in values) or any(c != ("punct", ",") for c in commas):
        return None
    if len(values) != len(commas) + 1:
        return None
    return tokens[0][1], [value for _, value in values]


def check_enums(ddl):
    """{column: allowed values} from the CHECK constraints of a CREATE TABLE."""
    enums = {}
    for body in _check_bodies(_tokens(ddl)):
        found = _in_list(body)
        if found is None:
            found = _in_list_or_null(body)
        if found is not None:
            enums[found[0]] = found[1]
    return enums


def _in_list_or_null(tokens):
    """(column, values) for ``column IS NULL OR column IN (...)``, either way
    round: NULL is a missing value, which an enum does not forbid."""
    if len(tokens) > 4 and _is(tokens[1], "IS") and _is(tokens[2], "NULL") and _is(tokens[3], "OR"):
        found, column = _in_list(tokens[4:]), tokens[0]
    elif len(tokens) > 4 and _is(tokens[-4], "OR") and _is(tokens[-2], "IS") and _is(tokens[-1], "NULL"):
        found, column = _in_list(tokens[:-4]), tokens[-3]
    else:
        return None
    if found is None or column[0] != "word" or column[1].lower() != found[0].lower():
        return None
    return found
