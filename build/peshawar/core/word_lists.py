"""Word lists kept as plain text files: one entry per line, ``#`` starts a
comment, blank lines are ignored, an entry of several words keeps single
spaces between them."""


def read_word_list(path):
    """The entries of the word list at ``path``, in file order."""
    entries = []
    for line in path.read_text(encoding="utf-8").splitlines():
        entry = " ".join(line.split("#", 1)[0].split())
        if entry:
            entries.append(entry)
    return tuple(entries)
