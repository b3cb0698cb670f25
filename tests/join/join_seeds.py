"""Made-up seeds for the join tests (none of them from the real ones), and
claims and quotes shaped as the extractor gives them."""

ACTORS = [
    {"id": "river-front", "name": "River Front", "kind": "militant_group", "aliases": ["RF"]},
    {"id": "ade-bello", "name": "Ade Bello", "kind": "person"},
    {"id": "maria-lopez", "name": "Maria Lopez", "kind": "person"},
    {"id": "tomas-lopez", "name": "Tomas Lopez", "kind": "person"},
]
TOPICS = [{"id": t, "label": t} for t in ("death-toll", "attackers", "injured", "attack-date")]
STATEMENTS = [{"id": "front-denial", "speaker": "river-front", "label": "The Front's denial"}]
# A curated annotation: two renderings of the Front's denial, and the day of the attack.
CURATED = {
    "article": "curated-one", "status": "curated",
    "quotes": [
        {"id": "c-q1", "speaker": "ade-bello", "statement": "front-denial",
         "text": "The Front had no part in the bombing of the bridge and condemns the murder of civilians"},
        {"id": "c-q2", "speaker": "river-front", "statement": "front-denial",
         "text": "We took no part in bombing the bridge, and we condemn the killing of civilians"},
    ],
    "claims": [{"id": "c-c1", "text": "May 3, 2021", "kind": "date", "date": "2021-05-03", "topic": "attack-date"}],
}



def claim(text, sentence, kind, **more):
    """An extractor claim on ``text`` inside ``sentence``."""
    start = sentence.index(text)
    return {"text": text, "start_char": start, "end_char": start + len(text), "kind": kind, **more}


def quote(text, speaker=None, speaker_id=None, start_char=0):
    return {"text": text, "speaker": speaker, "speaker_id": speaker_id, "start_char": start_char,
            "end_char": start_char + len(text)}
