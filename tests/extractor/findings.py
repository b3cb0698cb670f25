"""What the extractor finds in a short text, every span checked verbatim:
the helpers the extractor's test files share."""

from peshawar.extractor import analyse


def verbatim(text, result):
    """Every returned span is the slice of the text at its offsets."""
    for items in result.values():
        for item in items:
            assert item["end_char"] > item["start_char"]
            assert text[item["start_char"]:item["end_char"]] == item["text"]


def only_quote(text, registry):
    result = analyse(text, registry)
    verbatim(text, result)
    assert len(result["quotes"]) == 1, result["quotes"]
    return result["quotes"][0]


def claims_of(text, registry):
    result = analyse(text, registry)
    verbatim(text, result)
    return {c["text"]: c for c in result["claims"]}


def citations_of(text, registry):
    result = analyse(text, registry)
    verbatim(text, result)
    return [(c["text"], c["cited_id"], c["kind"]) for c in result["citations"]]


def mentions_of(text, registry):
    result = analyse(text, registry)
    verbatim(text, result)
    return [(m["text"], m["actor_id"], m["rule"]) for m in result["mentions"]]


def news_and_hostile_texts():
    """The seed and own-dev articles as they are and the extractor
    benchmark's hostile inputs: what a fast pattern is held to its plain
    form on."""
    from peshawar.bench.extractor import ADVERSARIAL, NEWS_SOURCES

    texts = [path.read_text(encoding="utf-8") for folder in NEWS_SOURCES for path in sorted(folder.glob("*.txt"))]
    return texts + [make(3000) for make in ADVERSARIAL.values()]
