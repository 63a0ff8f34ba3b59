"""Events stage: triggers, ACLED types, actors, figures, modality and attribution, per sentence."""

from sitroom.events.actors import ActorDictionary, load_actor_dictionary
from sitroom.events.extract import Coding, EventContext, extract_events
from sitroom.events.figures import parse_count
from sitroom.events.taxonomy import Taxonomy, load_taxonomy

__all__ = [
    "ActorDictionary",
    "Coding",
    "EventContext",
    "Taxonomy",
    "extract_events",
    "load_actor_dictionary",
    "load_taxonomy",
    "parse_count",
]
