"""The record's text in the six UN languages (django-modeltranslation).

Each field named here gets one column per language in its own table (``title_en``, ``title_fr``,
``title_zh_hans``, ...); reading a record in any language reads the same row, so a language adds
no query per row (django-parler would join or prefetch a table of translations for each model).
The original attribute (``record.title``) gives the active language's text, or the English text
where that language has none (settings.MODELTRANSLATION_FALLBACK_LANGUAGES); templates show it
with ``{% translated record "title" %}``, which marks such an English text ``lang="en"``.

Translated: every free text a visitor reads. Not translated: symbols, slugs, addresses, names of
people and organizations (Person.name and honorific, Stakeholder.name, BureauMembership.country,
Facilitation.country), and cities, venues and rooms: they are names, and a city is also a filter
value (``?city=``) and the calendar's LOCATION, which must stay one value whatever the language.
Sources keep their titles as published, in the language of the source.

English is required where the field is required today (``required_languages``: the English
field keeps the original field's ``blank``); the other languages are optional.

The change history is registered here, after the translated fields (django-simple-history's
documented way with modeltranslation), so that each historical record keeps every language and a
change to a French title is a change in the history like any other.
"""

from django.conf import settings
from django.utils.translation import get_language, get_supported_language_variant
from modeltranslation.translator import TranslationOptions, translator
from modeltranslation.utils import build_localized_fieldname
from simple_history import register as register_history

from .models import (
    Article,
    BureauMembership,
    Chapter,
    Consultation,
    ConventionChapter,
    Document,
    FAQEntry,
    Milestone,
    NegotiationGroup,
    Participant,
    Person,
    Reading,
    ReadingItem,
    Session,
    Stakeholder,
    TreatyAction,
)

# Every public record's note on what is less certain, in words shown to visitors.
PROVENANCE = ("certainty_note",)

TRANSLATED = {
    Session: ("title", "summary", "body", *PROVENANCE),
    Consultation: ("title", "summary", "body", "panels", *PROVENANCE),
    Reading: ("title", "summary", "body", *PROVENANCE),
    ReadingItem: ("basis_note", "certainty_note"),
    Chapter: ("title", "description", *PROVENANCE),
    NegotiationGroup: ("name", "topics", "body", *PROVENANCE),
    Document: ("title", "summary", *PROVENANCE),
    Milestone: ("title", "description", *PROVENANCE),
    FAQEntry: ("question", "answer", *PROVENANCE),
    ConventionChapter: ("title", "summary", *PROVENANCE),
    Article: ("title", *PROVENANCE),
    Person: PROVENANCE,
    BureauMembership: PROVENANCE,
    Stakeholder: PROVENANCE,
    Participant: PROVENANCE,
    TreatyAction: PROVENANCE,
}

for _model, _fields in TRANSLATED.items():
    options = {"fields": _fields, "required_languages": ("en",)}
    translator.register(_model, type(f"{_model.__name__}TranslationOptions", (TranslationOptions,), options))
    register_history(_model)


def active_language() -> str:
    """The active language as the record's columns name it (fr, zh-hans); English if unknown."""
    try:
        return get_supported_language_variant(get_language() or settings.LANGUAGE_CODE)
    except LookupError:
        return settings.MODELTRANSLATION_DEFAULT_LANGUAGE


def fallback_language(record, field: str) -> str:
    """``"en"`` when ``record.field`` gives the English text for want of one in the active
    language (to be marked ``lang="en"`` where it is shown), else ``""``."""
    language = active_language()
    english = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    if language == english or getattr(record, build_localized_fieldname(field, language), None):
        return ""
    return english if getattr(record, field) else ""
