"""Reading the HTML the site writes: checking that tags nest and collecting
the marks, links and text (shared by the highlighter and site tests)."""

import re
from html import unescape
from html.parser import HTMLParser


class Tree(HTMLParser):
    """Checks that tags nest properly and collects marks, links and text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.marks, self.links, self.text = [], [], [], []
        self.errors = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and "a" in self.stack:
            self.errors.append("a link inside a link")
        self.stack.append(tag)
        if tag == "mark":
            self.marks.append(attrs)
        if tag == "a":
            self.links.append(attrs)

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
        else:
            self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)


def parse(html):
    tree = Tree()
    tree.feed(str(html))
    tree.close()
    assert not tree.errors, tree.errors
    assert not tree.stack, f"left open: {tree.stack}"
    return tree


def marked_text(html, kind, id):
    """The text inside every fragment of one span's marks, joined."""
    pattern = re.compile(r"<(/?)mark([^>]*)>|<[^>]+>|([^<]+)")
    depth_of_span, inside, stack = None, [], []
    for closing, attrs, text in pattern.findall(str(html)):
        if text:
            if depth_of_span is not None:
                inside.append(text)
        elif attrs or closing:
            if closing:
                if stack.pop() == (kind, id):
                    depth_of_span = None
            else:
                key = (re.search(r'data-kind="([^"]*)"', attrs).group(1), re.search(r'data-id="([^"]*)"', attrs).group(1))
                stack.append(key)
                if key == (kind, id):
                    depth_of_span = len(stack)
    return unescape("".join(inside))
