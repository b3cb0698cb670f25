"""Automatic quotes linked to statements already quoted: a new quote that
renders the same words as a curated rendering of a statement becomes
another rendering of it (``core.renderings`` says what "the same words" is
and finds the candidates without comparing every pair).

Who speaks decides whether a link is made, as data (``SPEAKER_POLICY``):
the statement's speaker or one of its renderings' speakers (the Afghan
Taliban, or their spokesman) links with the words' score as confidence; a
speaker the extractor could not name links with a lower confidence; a
different known speaker does not link (the same words in another mouth
are a quotation of a quotation, or a coincidence).
"""

# speaker relation -> (rule, factor applied to the score / 100); None: no link.
SPEAKER_POLICY = {
    "same": ("same_words_same_speaker", 1.0),
    "unknown": ("same_words_unknown_speaker", 0.9),
    "other": None,
}


def speaker_relation(quote, speakers):
    speaker = quote.get("speaker_id")
    if speaker is None:
        return "unknown"
    return "same" if speaker in speakers else "other"


def link_statements(quotes, context):
    """Give each quote the best statement it renders, with rule and confidence."""
    for quote in quotes:
        for statement, value in context.renderings.matches(quote["text"]):
            policy = SPEAKER_POLICY[speaker_relation(quote, context.statement_speakers[statement])]
            if policy is None:
                continue
            rule, factor = policy
            quote.update(statement=statement, statement_rule=rule, statement_confidence=round(value / 100 * factor, 2))
            break
    return quotes
