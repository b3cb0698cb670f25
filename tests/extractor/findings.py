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
