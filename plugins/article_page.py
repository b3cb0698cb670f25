"""The article reading page: /peshawar/articles/<id> shows the text with
every quote, claim and citation as a <mark>, linked to its row.

``highlight()`` is a pure function (text and spans in, HTML out) so that it
can be tested on small inputs; the hook below only reads the spans from the
database and hands the HTML to templates/row-peshawar-articles.html.

Spans overlap (a claim inside a quote, a citation inside a claim, and in
principle two spans that cross), and HTML elements cannot. The marks are
therefore nested, outer span first; a span that crosses the end of the span
around it is closed there and reopened as a continuation. A link may not
contain another link, so the <a> elements wrap only the plain text runs
between mark boundaries: each run links to the innermost span covering it,
and its title names every span covering it.

Who speaks each quote and who asserts each claim is shown beside the text,
not only on hover (there is no hover on a touch screen): the first fragment
of a mark carries ``data-label`` and static/peshawar.css prints it as a small
label before the words (CSS generated content, so the text itself, and what
a reader copies, stays the article's). The legend is a row of checkboxes
that hide a kind's highlights with CSS alone (``:has()``), so the page needs
no script.
"""

from dataclasses import dataclass

from datasette import hookimpl
from datasette.utils import tilde_decode, tilde_encode
from markupsafe import Markup, escape

# The span tables shown on the page: (table, kind shown in class names).
# When two spans cover exactly the same characters, the one listed first is
# the outer one.
SPAN_TABLES = (("quotes", "quote"), ("claims", "claim"), ("citations", "citation"))
KIND_ORDER = {kind: position for position, (_, kind) in enumerate(SPAN_TABLES)}


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str
    id: str
    href: str
    title: str = ""
    automatic: bool = False  # found by the extractor, not yet checked by a person
    label: str = ""  # shown beside the text: who speaks a quote, who asserts a claim


def _opening_order(span):
    # Longer spans open first so that they enclose the shorter ones.
    return (span.start, -span.end, KIND_ORDER.get(span.kind, len(KIND_ORDER)), span.id)


def usable_spans(text, spans):
    """The spans that lie inside ``text`` and are not empty, in opening order."""
    return sorted(
        (s for s in spans if 0 <= s.start < s.end <= len(text)),
        key=_opening_order,
    )


def _open_tag(span, continued):
    classes = f"span span-{span.kind}" + (" span-automatic" if span.automatic else "") + (
        " span-continued" if continued else "")
    anchor = "" if continued else f' id="{escape(span.kind)}-{escape(span.id)}"'
    label = f' data-label="{escape(span.label)}"' if span.label and not continued else ""
    return Markup(
        f'<mark class="{classes}"{anchor} data-kind="{escape(span.kind)}" data-id="{escape(span.id)}"{label}>'
    )


def _text_run(text, covering):
    if not covering:
        return escape(text)
    innermost = covering[-1]
    title = "; ".join(s.title or f"{s.kind} {s.id}" for s in covering)
    return Markup(
        f'<a href="{escape(innermost.href)}" title="{escape(title)}">{escape(text)}</a>'
    )


def highlight(text, spans):
    """Return ``text`` as HTML with every span as a (possibly split) <mark>.

    Everything taken from ``text`` and from the spans is escaped. Spans that
    fall outside the text or are empty are left out.
    """
    spans = usable_spans(text, spans)
    boundaries = sorted({0, len(text)} | {s.start for s in spans} | {s.end for s in spans})
    starting = {}
    for span in spans:
        starting.setdefault(span.start, []).append(span)
    opened = set()  # spans that have had their first fragment
    stack = []  # open spans, outermost first
    out = []
    for position, following in zip(boundaries, boundaries[1:] + [None]):
        # Close every span ending here; the ones above it on the stack are
        # closed too and reopened below, as continuations.
        ending = [i for i, s in enumerate(stack) if s.end == position]
        reopen = []
        if ending:
            lowest = ending[0]
            for span in reversed(stack[lowest:]):
                out.append(Markup("</mark>"))
                if span.end != position:
                    reopen.append(span)
            del stack[lowest:]
        to_open = reopen + starting.get(position, [])
        # A span that ends later goes outside, so that it is split less often.
        to_open.sort(key=lambda s: (-s.end, KIND_ORDER.get(s.kind, len(KIND_ORDER)), s.id))
        for span in to_open:
            out.append(_open_tag(span, continued=span in opened))
            opened.add(span)
            stack.append(span)
        if following is not None:
            out.append(_text_run(text[position:following], stack))
    # Everything is closed at len(text), the last boundary.
    return Markup("").join(out)


def legend(counts):
    """The key to the mark colours, with how many of each the article has; each
    entry is a checkbox that shows or hides that kind's highlights."""
    items = []
    for _, kind in SPAN_TABLES:
        items.append(
            f'<li><label><input type="checkbox" class="legend-toggle" name="show" value="{kind}" checked> '
            f'<mark class="span span-{kind}">{kind}s</mark> {counts.get(kind, 0)}</label></li>'
        )
    return Markup('<ul class="article-legend" aria-label="Highlight">' + "".join(items) + "</ul>")


# Reading the spans from the database ---------------------------------------

SPANS_SQL = """
select 'quote' as kind, quotes.id, quotes.start_char, quotes.end_char, quotes.method,
  quotes.rule, quotes.confidence,
  'quote by ' || coalesce(actors.name, quotes.speaker_text, 'an unidentified speaker') as title,
  coalesce(actors.name, quotes.speaker_text, 'speaker not identified') as label
from quotes
  left join actors on actors.id = quotes.speaker_id
where quotes.article_id = :article_id
union all
select 'claim', claims.id, claims.start_char, claims.end_char, claims.method,
  claims.rule, claims.confidence,
  'claim: ' || replace(claims.kind, '_', ' ')
    || case when claims.value is null then '' else ' ' || printf('%g', claims.value) end
    || coalesce(' (' || actors.name || ')', ''),
  coalesce(actors.name, case when claims.voice = 'article' then 'the article' end, 'claimant not identified')
from claims
  left join actors on actors.id = claims.claimant_id
where claims.article_id = :article_id
union all
select 'citation', citations.id, citations.start_char, citations.end_char, citations.method,
  citations.rule, citations.confidence,
  'cites ' || actors.name || ' (' || replace(citations.kind, '_', ' ') || ')',
  ''
from citations
  join actors on actors.id = citations.cited_id
where citations.article_id = :article_id
"""

TABLE_OF_KIND = {kind: table for table, kind in SPAN_TABLES}


async def article_spans(datasette, database, article_id):
    db = datasette.get_database(database)
    rows = (await db.execute(SPANS_SQL, {"article_id": article_id})).rows
    return [
        Span(
            start=row["start_char"], end=row["end_char"], kind=row["kind"], id=row["id"],
            href=datasette.urls.row(database, TABLE_OF_KIND[row["kind"]], tilde_encode(row["id"])),
            title=f"{row['title']} [{row['id']}]" + (
                f" found automatically by rule {row['rule']}, confidence {row['confidence']}: not yet checked"
                if row["method"] == "automatic" else ""
            ),
            automatic=row["method"] == "automatic",
            label=row["label"] or "",
        )
        for row in rows
    ]


@hookimpl
def extra_template_vars(template, database, table, view_name, request, datasette):
    if view_name != "row" or table != "articles" or request is None:
        return {}

    async def reading_view():
        pks = request.url_vars.get("pks", "")
        if "," in pks:
            return {}
        article_id = tilde_decode(pks)
        db = datasette.get_database(database)
        found = (await db.execute(
            "select title, body from articles where id = :id", {"id": article_id}
        )).rows
        if not found:
            return {}
        spans = await article_spans(datasette, database, article_id)
        counts = {}
        for span in spans:
            counts[span.kind] = counts.get(span.kind, 0) + 1
        return {
            "article_title": found[0]["title"],
            "article_reading": highlight(found[0]["body"], spans),
            "article_legend": legend(counts),
        }

    return reading_view
