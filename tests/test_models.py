import datetime

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.core.management import call_command

from committee.models import (
    Chapter,
    Consultation,
    Document,
    EventStatus,
    FAQEntry,
    PublicationState,
    ReadingItem,
    Session,
)
from tests.factories import ChapterFactory, DocumentFactory, ReadingFactory, SessionFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("today", "status"),
    [
        (datetime.date(2023, 8, 20), EventStatus.UPCOMING),
        (datetime.date(2023, 8, 21), EventStatus.ONGOING),
        (datetime.date(2023, 8, 28), EventStatus.ONGOING),
        (datetime.date(2023, 9, 1), EventStatus.ONGOING),
        (datetime.date(2023, 9, 2), EventStatus.CONCLUDED),
    ],
)
def test_session_status_on_fixed_day(today, status):
    session = SessionFactory.build(start_date=datetime.date(2023, 8, 21), end_date=datetime.date(2023, 9, 1))

    assert session.status_on(today) == status


def test_session_querysets_by_status_on_fixed_day():
    SessionFactory(slug="past", start_date=datetime.date(2023, 1, 9), end_date=datetime.date(2023, 1, 20))
    SessionFactory(slug="now", start_date=datetime.date(2023, 8, 21), end_date=datetime.date(2023, 9, 1))
    SessionFactory(slug="later", start_date=datetime.date(2024, 1, 29), end_date=datetime.date(2024, 2, 9))
    today = datetime.date(2023, 8, 25)

    upcoming = list(Session.objects.upcoming(today).values_list("slug", flat=True))
    ongoing = list(Session.objects.ongoing(today).values_list("slug", flat=True))
    concluded = list(Session.objects.concluded(today).values_list("slug", flat=True))

    assert (upcoming, ongoing, concluded) == (["later"], ["now"], ["past"])


def test_published_hides_drafts():
    SessionFactory(slug="public")
    SessionFactory(slug="draft", publication_state=PublicationState.DRAFT)

    published = list(Session.objects.published().values_list("slug", flat=True))
    everything = sorted(Session.objects.values_list("slug", flat=True))

    assert published == ["public"]
    assert everything == ["draft", "public"]


def test_published_chains_with_status():
    SessionFactory(slug="public-later", start_date=datetime.date(2030, 1, 1), end_date=datetime.date(2030, 1, 5))
    SessionFactory(
        slug="draft-later",
        publication_state=PublicationState.DRAFT,
        start_date=datetime.date(2030, 1, 1),
        end_date=datetime.date(2030, 1, 5),
    )

    slugs = list(Session.objects.published().upcoming(datetime.date(2026, 11, 28)).values_list("slug", flat=True))

    assert slugs == ["public-later"]


def test_session_clean_rejects_end_before_start():
    session = SessionFactory.build(start_date=datetime.date(2023, 9, 1), end_date=datetime.date(2023, 8, 21))

    with pytest.raises(ValidationError) as excinfo:
        session.full_clean()

    assert excinfo.value.message_dict["end_date"] == ["The end date cannot be before the start date."]


def test_session_rejects_unknown_time_zone():
    session = SessionFactory.build(time_zone="Mars/Olympus_Mons")

    with pytest.raises(ValidationError) as excinfo:
        session.full_clean()

    assert list(excinfo.value.message_dict) == ["time_zone"]


def test_document_symbol_normalized_and_slug_made_on_save():
    document = Document(symbol="a/ac.291/22/rev.3", kind="draft-text", title="Updated draft text")

    document.save()

    assert (document.symbol, document.slug) == ("A/AC.291/22/Rev.3", "a-ac-291-22-rev-3")


def test_document_without_symbol_gets_free_slug_from_title():
    first = Document.objects.create(kind="methodology", title="Methodology")
    second = Document.objects.create(kind="methodology", title="Methodology", symbol="")

    assert (first.symbol, first.slug, second.symbol, second.slug) == (None, "methodology", None, "methodology-2")


def test_document_duplicate_symbol_in_other_spelling_is_invalid():
    DocumentFactory(symbol="A/AC.291/22")
    duplicate = Document(symbol="a/ac.291/22", kind="draft-text", title="Copy", slug="copy")

    with pytest.raises(ValidationError) as excinfo:
        duplicate.full_clean()

    assert excinfo.value.message_dict["symbol"] == ["Document with this UN symbol already exists."]


def test_document_by_symbol_any_spelling():
    document = DocumentFactory(symbol="A/AC.291/24/Add.1")

    found = list(Document.objects.by_symbol("a/ac.291/24/add 1"))
    not_a_symbol = list(Document.objects.by_symbol("not a symbol"))

    assert (found, not_a_symbol) == ([document], [])


def test_reading_item_session_must_be_in_reading():
    reading = ReadingFactory()
    inside, outside = SessionFactory(), SessionFactory()
    reading.sessions.add(inside)
    chapter = ChapterFactory()
    item = ReadingItem(reading=reading, chapter=chapter, session=outside)

    with pytest.raises(ValidationError) as excinfo:
        item.full_clean()

    assert excinfo.value.message_dict == {
        "session": ["This session is not one of the reading’s sessions; add it to the reading first."]
    }


def test_consultation_languages_validated_and_tidied():
    consultation = Consultation(
        number=9, title="Ninth", slug="ninth", start_date=datetime.date(2023, 6, 20),
        end_date=datetime.date(2023, 6, 21), city="Vienna", time_zone="Europe/Vienna", languages=" en , fr",
    )  # fmt: skip
    consultation.full_clean()
    bad = Consultation(
        number=10, title="Tenth", slug="tenth", start_date=datetime.date(2023, 6, 20),
        end_date=datetime.date(2023, 6, 21), city="Vienna", time_zone="Europe/Vienna", languages="en,xx",
    )  # fmt: skip

    with pytest.raises(ValidationError) as excinfo:
        bad.full_clean()

    assert consultation.languages == "en,fr"
    assert list(excinfo.value.message_dict) == ["languages"]


def test_rich_text_sanitized_on_save():
    entry = FAQEntry.objects.create(
        question="Q",
        slug="q",
        answer=(
            '<p onclick="x()">Hi<script>alert(1)</script> <a href="javascript:alert(1)">x</a></p>'
            '<iframe src="//e"></iframe>'
        ),
    )

    entry.refresh_from_db()

    assert entry.answer == '<p>Hi <a rel="noopener noreferrer">x</a></p>'


def test_editing_moves_updated_at_but_not_created_at():
    chapter = ChapterFactory()
    created, updated = chapter.created_at, chapter.updated_at

    chapter.title = "Criminalization"
    chapter.save()
    chapter.refresh_from_db()

    assert chapter.created_at == created
    assert chapter.updated_at > updated


def test_editors_group_has_exactly_the_record_permissions():
    group = Group.objects.get(name="Editors")

    codenames = set(group.permissions.values_list("content_type__app_label", "codename"))

    record_models = {
        "bureaumembership", "chapter", "consultation", "document", "documentversion", "facilitation",
        "faqentry", "milestone", "negotiationgroup", "person", "reading", "readingitem", "session",
        "recordcheck", "sessiondocument", "source", "stakeholder", "conventionchapter", "article", "participant",
        "treatyaction",
    }  # fmt: skip
    expected = {
        ("committee", f"{action}_{model}") for model in record_models for action in ("add", "change", "delete", "view")
    }
    assert codenames == expected
    assert not group.permissions.filter(content_type__app_label="auth").exists()


def test_sync_editors_command_is_idempotent():
    call_command("sync_editors", verbosity=0)
    call_command("sync_editors", verbosity=0)

    assert Group.objects.filter(name="Editors").count() == 1
    assert (
        Group.objects.get(name="Editors").permissions.count()
        == Permission.objects.filter(content_type__app_label="committee")
        .exclude(content_type__model__startswith="historical")
        .count()
    )


def test_chapter_ordering_by_order_then_title():
    ChapterFactory(title="B", slug="b", order=2)
    ChapterFactory(title="A", slug="a", order=2)
    ChapterFactory(title="Z", slug="z", order=1)

    assert list(Chapter.objects.values_list("slug", flat=True)) == ["z", "a", "b"]
