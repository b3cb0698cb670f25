"""The downloads plugin: the `downloads` template variable lists what exists,
and every link in it answers with the file and its media type.

The site's own templates (another part of the site) render the list; here a
two-line template shows that the front page and the database page receive it.
"""

import json
import shutil
from pathlib import Path

import pytest
import yaml
from serving import serve_settings
from datasette.app import Datasette
from plugin_modules import load_plugin

from peshawar.export.dist import ANNOTATIONS, PACKAGE_ZIP

on_the_session_loop = pytest.mark.asyncio(loop_scope="session")

ROOT = Path(__file__).resolve().parents[1]
downloads = load_plugin("downloads")

MEDIA_TYPES = {".zip": "application/zip", ".jsonld": "application/ld+json", ".db": "application/octet-stream"}
SHOW_DOWNLOADS = '<script type="application/json" id="downloads">{{ downloads|tojson }}</script>\n'


def site(db_path=None, directory=None, templates=None, mutable=False):
    """Datasette as `make serve` runs it, with the downloads plugin pointed
    at ``directory`` and, where given, a template folder of the test's own."""
    metadata = yaml.safe_load((ROOT / "metadata.yml").read_text(encoding="utf-8"))
    metadata.setdefault("plugins", {})["downloads"] = {"directory": str(directory)}
    files = [str(db_path)] if db_path else []
    return Datasette(
        files=files if mutable else [],
        immutables=[] if mutable else files,
        metadata=metadata,
        plugins_dir=str(ROOT / "plugins"),
        template_dir=str(templates or ROOT / "templates"),
        static_mounts=[("static", str(ROOT / "static"))],
        settings=serve_settings(),
    )


def rendered_downloads(html):
    start = html.index('id="downloads">') + len('id="downloads">')
    return json.loads(html[start : html.index("</script>", start)])


def test_the_plugin_offers_what_make_package_writes():
    assert list(downloads.DIST_FILES) == [PACKAGE_ZIP, ANNOTATIONS]


@on_the_session_loop
async def test_downloads_lists_each_file_with_its_size(datasette, dist_dir, db_path):
    listed = await downloads.download_list(datasette)
    assert [item["href"] for item in listed] == [
        f"/-/downloads/{PACKAGE_ZIP}", f"/-/downloads/{ANNOTATIONS}", "/peshawar.db",
    ]
    files = [dist_dir / PACKAGE_ZIP, dist_dir / ANNOTATIONS, db_path]
    assert [item["size_bytes"] for item in listed] == [path.stat().st_size for path in files]
    for item in listed:
        assert set(item) == {"title", "href", "size_bytes", "description"}
        assert item["title"] and len(item["description"]) > 40


@on_the_session_loop
async def test_every_download_answers_with_its_file_and_media_type(datasette, dist_dir, db_path):
    files = {f"/-/downloads/{PACKAGE_ZIP}": dist_dir / PACKAGE_ZIP, f"/-/downloads/{ANNOTATIONS}": dist_dir / ANNOTATIONS, "/peshawar.db": db_path}
    for item in await downloads.download_list(datasette):
        response = await datasette.client.get(item["href"])
        assert response.status_code == 200, item["href"]
        assert response.headers["content-type"].split(";")[0] == MEDIA_TYPES[Path(item["href"]).suffix]
        assert response.content == files[item["href"]].read_bytes()
        assert int(response.headers["content-length"]) == item["size_bytes"]


@on_the_session_loop
@pytest.mark.parametrize(
    "path", ["/-/downloads/datapackage.json", "/-/downloads/peshawar-datapackage", "/-/downloads/nothing.zip"]
)
async def test_nothing_else_in_dist_is_served(datasette, path):
    response = await datasette.client.get(path)
    assert response.status_code == 404


@on_the_session_loop
async def test_the_front_page_and_database_page_receive_the_list(db_path, dist_dir, tmp_path):
    templates = tmp_path / "templates"
    templates.mkdir()
    for page in ("index.html", "database.html"):
        (templates / page).write_text(SHOW_DOWNLOADS, encoding="utf-8")
    ds = site(db_path, dist_dir, templates)
    expected = await downloads.download_list(ds)
    assert len(expected) == 3
    for path in ("/", "/peshawar"):
        response = await ds.client.get(path)
        assert response.status_code == 200
        assert rendered_downloads(response.text) == expected


@on_the_session_loop
async def test_the_list_is_empty_when_nothing_is_built(db_path, tmp_path):
    """No dist/ files, and a database opened mutable (Datasette will not
    offer that file for download): nothing to list."""
    empty = tmp_path / "dist"
    empty.mkdir()
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "index.html").write_text(SHOW_DOWNLOADS, encoding="utf-8")
    copy = tmp_path / "peshawar.db"
    shutil.copy(db_path, copy)
    ds = site(copy, empty, templates, mutable=True)
    assert await downloads.download_list(ds) == []
    assert rendered_downloads((await ds.client.get("/")).text) == []
    assert (await ds.client.get("/peshawar.db")).status_code == 403
    assert (await ds.client.get(f"/-/downloads/{ANNOTATIONS}")).status_code == 404
