"""The data a reader can take away, for the templates to list.

Every page gets ``downloads``: a list of {title, href, size_bytes,
description}, one per file that exists: the data package zip and the Web
Annotations that `make package` writes into dist/, and the SQLite file; an
empty list when none is there. The dist/ files are served at
/-/downloads/<name> with their media types (nothing else in dist/ is); the
SQLite file is Datasette's own download of an immutable database.

dist/ is the repository's unless plugin configuration says otherwise
(``plugins: downloads: directory: ...`` in the metadata), as the tests do.
"""

from pathlib import Path

from datasette import hookimpl
from datasette.utils.asgi import AsgiFileDownload, NotFound

DEFAULT_DIRECTORY = Path(__file__).resolve().parents[1] / "dist"

# What `make package` writes (build/peshawar/export/dist.py names the files;
# a test holds the two lists to each other), in the order a reader sees them.
DIST_FILES = {
    "peshawar-datapackage.zip": {
        "title": "Data package (CSV, zip)",
        "content_type": "application/zip",
        "description": (
            "Every table as a CSV file with a Table Schema (types, keys, descriptions), "
            "as a Frictionless Data Package: for spreadsheets, pandas, R and frictionless."
        ),
    },
    "annotations.jsonld": {
        "title": "Web Annotations (JSON-LD)",
        "content_type": "application/ld+json",
        "description": (
            "Every quote, claim and citation as a W3C Web Annotation on its article's "
            "text, for annotation tools and linked-data readers."
        ),
    },
}
SQLITE_DESCRIPTION = "The whole database as one SQLite file, for sqlite3, Datasette or any SQLite client."


def dist_directory(datasette):
    configured = (datasette.plugin_config("downloads") or {}).get("directory")
    return Path(configured) if configured else DEFAULT_DIRECTORY


async def download_list(datasette, actor=None):
    """The downloads that exist now, in the shape the templates use."""
    directory = dist_directory(datasette)
    downloads = []
    for name, about in DIST_FILES.items():
        path = directory / name
        if path.is_file():
            downloads.append(
                {
                    "title": about["title"],
                    "href": datasette.urls.path(f"/-/downloads/{name}"),
                    "size_bytes": path.stat().st_size,
                    "description": about["description"],
                }
            )
    if datasette.setting("allow_download"):
        for name, db in datasette.databases.items():
            # Datasette offers a database file for download only when it is
            # opened immutable: a mutable one could change mid-download.
            if db.is_memory or db.is_mutable or not db.path or not Path(db.path).is_file():
                continue
            allowed = await datasette.permission_allowed(actor, "view-database-download", resource=name, default=True)
            if allowed:
                downloads.append(
                    {
                        "title": "SQLite database",
                        "href": datasette.urls.database(name) + ".db",
                        "size_bytes": Path(db.path).stat().st_size,
                        "description": SQLITE_DESCRIPTION,
                    }
                )
    return downloads


@hookimpl
def extra_template_vars(request, datasette):
    async def inner():
        return {"downloads": await download_list(datasette, request.actor if request else None)}

    return inner


async def serve_download(request, datasette):
    name = request.url_vars["name"]
    about = DIST_FILES.get(name)
    path = dist_directory(datasette) / name
    if about is None or not path.is_file():
        raise NotFound(f"No download called {name}")
    return AsgiFileDownload(path, filename=name, content_type=about["content_type"])


@hookimpl
def register_routes():
    return [(r"^/-/downloads/(?P<name>[^/]+)$", serve_download)]
