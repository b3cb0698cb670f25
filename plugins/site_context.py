"""What every page knows about the site: its title, licence, source and
about lines, from the top of metadata.yml.

Datasette 0.65 hands each template the metadata of the thing it shows (a
canned query's, a table's), and its footer reads the licence and source
from that. A canned query's metadata has neither, and a row page gets its
table's metadata, which holds the licence only after that table's list page
has been served once (the table view writes the inherited values into it).
templates/_footer.html reads ``site`` instead, so the licence and source
line is on every page from the first request.
"""

from datasette import hookimpl
from datasette.utils import append_querystring

SITE_KEYS = ("title", "description", "license", "license_url", "source", "source_url", "about", "about_url")


def site_of(metadata, path=lambda url: url):
    """The site-wide keys of the top-level metadata; ``path`` places the
    site's own pages (a *_url starting with /) under the site's base URL."""
    site = {key: metadata.get(key) for key in SITE_KEYS}
    for key in ("license_url", "source_url", "about_url"):
        if site[key] and site[key].startswith("/") and not site[key].startswith("//"):
            site[key] = path(site[key])
    return site


@hookimpl
def extra_template_vars(datasette):
    return {
        "site": site_of(datasette.metadata() or {}, datasette.urls.path),
        "append_querystring": append_querystring,
    }
