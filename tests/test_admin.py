import re

import pytest
from django.urls import reverse

from committee.models import BureauMembership, Document, PublicationState, Reading, ReadingItem, Session
from tests.factories import (
    ChapterFactory,
    DocumentFactory,
    ReadingFactory,
    SessionFactory,
    SourceFactory,
    StakeholderFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def management_form(prefix, total=0, initial=0):
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


# The admin's form has a field per language for each translated field (committee/translation.py):
# the tests write the English one.
TRANSLATED_FIELDS = ("title", "summary", "body", "certainty_note")


def in_english(data):
    return {f"{key}_en" if key in TRANSLATED_FIELDS else key: value for key, value in data.items()}


def session_form(**overrides):
    data = {
        "title": "Seventh session",
        "slug": "seventh-session",
        "kind": "negotiating",
        "number": "7",
        "start_date": "2027-01-11",
        "end_date": "2027-01-22",
        "time_zone": "Europe/Vienna",
        "city": "Vienna",
        "venue": "Vienna International Centre",
        "room": "Plenary Hall, M-Building",
        "publication_state": "draft",
        "certainty": "confirmed",
        **management_form("session_documents"),
        **management_form("Session_sources"),
    }
    data.update(overrides)
    return in_english(data)


def errors_of(response, field):
    """The messages the admin shows for one field of the main form."""
    return response.context["adminform"].form.errors.get(field)


def test_editor_adds_session_with_inline_document_and_source_then_sees_history(editor_client, editor):
    document = DocumentFactory(symbol="A/AC.291/30", title="Provisional agenda")
    source = SourceFactory(url="https://www.unodc.org/unodc/en/cybercrime/ad_hoc_committee/home", title="AHC home")
    data = session_form(
        **management_form("session_documents", total=1),
        **{"session_documents-0-document": str(document.pk)},
        **management_form("Session_sources", total=1),
        **{"Session_sources-0-source": str(source.pk)},
    )

    response = editor_client.post(reverse("admin:committee_session_add"), data)

    assert response.status_code == 302
    session = Session.objects.get(slug="seventh-session")
    assert list(session.documents.values_list("symbol", flat=True)) == ["A/AC.291/30"]
    assert list(session.sources.values_list("url", flat=True)) == [source.url]
    assert session.publication_state == PublicationState.DRAFT

    data.update(
        {
            "title_en": "Seventh session (resumed)",
            "loaded_version": "1",
            "session_documents-INITIAL_FORMS": "1",
            "session_documents-0-loaded_version": "1",
            "session_documents-0-id": str(session.session_documents.get().pk),
            "session_documents-0-session": str(session.pk),
            "Session_sources-INITIAL_FORMS": "1",
            "Session_sources-0-id": str(session.sources.through.objects.get(session=session).pk),
            "Session_sources-0-session": str(session.pk),
        }
    )
    response = editor_client.post(reverse("admin:committee_session_change", args=[session.pk]), data)
    history_page = editor_client.get(reverse("admin:committee_session_history", args=[session.pk]))

    assert response.status_code == 302
    history = list(session.history.order_by("history_date").values_list("history_type", "title", "history_user"))
    assert history == [("+", "Seventh session", editor.pk), ("~", "Seventh session (resumed)", editor.pk)]
    assert history_page.status_code == 200
    shown = [
        (entry.history_type, entry.history_user.username, entry.history_change_reason)
        for entry in history_page.context["page_obj"].object_list
    ]
    assert shown == [
        ("~", editor.username, "Changed Title [en]."),
        (
            "+",
            editor.username,
            "Added. Added session document “Seventh session · A/AC.291/30 — Provisional agenda”. "
            "Added source “AHC home”.",
        ),
    ]


def test_admin_session_end_before_start_is_a_field_error_and_nothing_saved(editor_client):
    data = session_form(start_date="2027-01-22", end_date="2027-01-11")

    response = editor_client.post(reverse("admin:committee_session_add"), data)

    assert response.status_code == 200
    assert errors_of(response, "end_date") == ["The end date cannot be before the start date."]
    assert Session.objects.count() == 0


def document_form(**overrides):
    data = {
        "symbol": "A/AC.291/22",
        "title": "Draft text of the convention",
        "slug": "",
        "kind": "draft-text",
        "publication_state": "draft",
        "certainty": "likely",
        **management_form("versions"),
        **management_form("session_documents"),
        **management_form("revisions"),
        **management_form("Document_sources"),
    }
    data.update(overrides)
    return in_english(data)


def test_admin_document_symbol_normalized_on_save(editor_client):
    response = editor_client.post(reverse("admin:committee_document_add"), document_form(symbol="a/ac.291/22/rev.3"))

    assert response.status_code == 302
    assert list(Document.objects.values_list("symbol", "slug")) == [("A/AC.291/22/Rev.3", "a-ac-291-22-rev-3")]


def test_admin_malformed_symbol_is_a_field_error_and_nothing_saved(editor_client):
    response = editor_client.post(reverse("admin:committee_document_add"), document_form(symbol="A/AC.291/22/Foo.1"))

    assert response.status_code == 200
    assert errors_of(response, "symbol") == [
        "“A/AC.291/22/Foo.1” is not a valid UN document symbol: “FOO.1” is not a suffix such as Rev.1, Add.1 or Corr.1."
    ]
    assert Document.objects.count() == 0


def test_admin_duplicate_symbol_is_a_field_error_and_nothing_saved(editor_client):
    DocumentFactory(symbol="A/AC.291/22", slug="a-ac-291-22")

    response = editor_client.post(reverse("admin:committee_document_add"), document_form(symbol="a/ac.291/22"))

    assert response.status_code == 200
    assert errors_of(response, "symbol") == ["Document with this UN symbol already exists."]
    assert Document.objects.count() == 1


def test_admin_document_with_language_versions_and_revision_inline(editor_client):
    data = document_form(
        **management_form("versions", total=2),
        **{"versions-0-language": "en", "versions-0-url": "https://undocs.org/en/A/AC.291/22"},
        **{"versions-1-language": "fr", "versions-1-url": "https://undocs.org/fr/A/AC.291/22"},
        **management_form("revisions", total=1),
        **{
            "revisions-0-symbol": "A/AC.291/22/Rev.1",
            "revisions-0-kind": "draft-text",
            "revisions-0-title_en": "Revised draft text",
            "revisions-0-publication_state": "draft",
        },
    )

    response = editor_client.post(reverse("admin:committee_document_add"), data)

    assert response.status_code == 302
    original = Document.objects.get(symbol="A/AC.291/22")
    assert sorted(original.versions.values_list("language", flat=True)) == ["en", "fr"]
    assert list(original.revisions.values_list("symbol", "slug")) == [("A/AC.291/22/Rev.1", "a-ac-291-22-rev-1")]


def reading_form(sessions, items):
    data = {
        "title": "Third reading",
        "slug": "third-reading",
        "order": "3",
        "sessions": [str(session.pk) for session in sessions],
        "publication_state": "draft",
        "certainty": "confirmed",
        **management_form("items", total=len(items)),
        **management_form("Reading_sources"),
    }
    for i, (chapter, session) in enumerate(items):
        data[f"items-{i}-chapter"] = str(chapter.pk)
        data[f"items-{i}-session"] = str(session.pk)
        data[f"items-{i}-certainty"] = "confirmed"
    return in_english(data)


def test_admin_reading_item_outside_the_readings_sessions_is_a_field_error(editor_client):
    inside, outside = SessionFactory(), SessionFactory()
    chapter = ChapterFactory()

    response = editor_client.post(
        reverse("admin:committee_reading_add"), reading_form([inside], [(chapter, inside), (chapter, outside)])
    )

    assert response.status_code == 200
    item_forms = response.context["inline_admin_formsets"][0].formset.forms
    assert [form.errors.get("session") for form in item_forms] == [
        None,
        ["This session is not one of the reading’s sessions; add it to the reading first."],
    ]
    assert (Reading.objects.count(), ReadingItem.objects.count()) == (0, 0)


def test_admin_reading_items_within_the_sessions_chosen_in_the_same_form_are_saved(editor_client):
    first, second = SessionFactory(), SessionFactory()
    chapter = ChapterFactory()

    response = editor_client.post(
        reverse("admin:committee_reading_add"), reading_form([first, second], [(chapter, first), (chapter, second)])
    )

    assert response.status_code == 302
    reading = Reading.objects.get()
    assert sorted(reading.items.values_list("session__slug", flat=True)) == sorted([first.slug, second.slug])


def test_admin_publish_and_unpublish_actions_record_history(editor_client):
    draft = SessionFactory(slug="draft-one", publication_state=PublicationState.DRAFT)
    url = reverse("admin:committee_session_changelist")

    editor_client.post(url, {"action": "publish", "_selected_action": [draft.pk]})
    draft.refresh_from_db()
    published_state = draft.publication_state
    editor_client.post(url, {"action": "unpublish", "_selected_action": [draft.pk]})
    draft.refresh_from_db()

    assert (published_state, draft.publication_state) == (PublicationState.PUBLISHED, PublicationState.DRAFT)
    reasons = list(draft.history.order_by("history_date").values_list("history_change_reason", flat=True))
    assert reasons == [None, "Published", "Unpublished"]


def test_admin_change_form_links_to_view_on_site(editor_client):
    session = SessionFactory(slug="sixth-session")

    response = editor_client.get(reverse("admin:committee_session_change", args=[session.pk]))

    view_on_site = re.search(r'href="([^"]+)" class="viewsitelink"', response.content.decode())
    assert view_on_site is not None
    assert editor_client.get(view_on_site[1]).headers["Location"] == "http://testserver/sessions/sixth-session/"


def test_staff_outside_editors_sees_nothing_of_the_record(client):
    client.force_login(UserFactory())  # staff, in no group
    SessionFactory()

    index = client.get(reverse("admin:index"))
    changelist = client.get(reverse("admin:committee_session_changelist"))

    assert index.status_code == 200
    assert index.context["app_list"] == []
    assert changelist.status_code == 403


def test_editors_cannot_manage_users_or_groups(editor_client):
    index = editor_client.get(reverse("admin:index"))
    users = editor_client.get(reverse("admin:auth_user_changelist"))
    groups = editor_client.get(reverse("admin:auth_group_changelist"))

    assert [app["app_label"] for app in index.context["app_list"]] == ["committee"]
    assert (users.status_code, groups.status_code) == (403, 403)


def test_anonymous_admin_redirects_to_login(client):
    response = client.get(reverse("admin:committee_session_changelist"))

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_admin_autocomplete_finds_documents_by_symbol(editor_client):
    DocumentFactory(symbol="A/AC.291/22/Rev.3", title="Updated draft text")
    DocumentFactory(symbol="A/AC.291/27", title="Interpretative notes")

    response = editor_client.get(
        reverse("admin:autocomplete"),
        {"term": "22/Rev", "app_label": "committee", "model_name": "session", "field_name": "mandate"},
    )

    assert [result["text"] for result in response.json()["results"]] == ["A/AC.291/22/Rev.3 — Updated draft text"]


RECORD_MODELS = [
    "bureaumembership", "chapter", "consultation", "document", "faqentry", "milestone",
    "negotiationgroup", "person", "reading", "session", "source", "stakeholder",
]  # fmt: skip


@pytest.mark.parametrize("model", RECORD_MODELS)
def test_admin_changelist_renders_with_the_record(record, editor_client, model, cold_caches, django_assert_num_queries):
    with django_assert_num_queries(CHANGELIST_QUERIES[model]):
        response = editor_client.get(reverse(f"admin:committee_{model}_changelist"))

    assert response.status_code == 200


@pytest.mark.parametrize("model", RECORD_MODELS)
def test_admin_change_form_renders_with_the_record(
    record, editor_client, model, cold_caches, django_assert_num_queries
):
    from django.apps import apps

    obj = apps.get_model("committee", model).objects.order_by("pk").first() or StakeholderFactory()

    with django_assert_num_queries(CHANGE_FORM_QUERIES[model]):
        response = editor_client.get(reverse(f"admin:committee_{model}_change", args=[obj.pk]))

    assert response.status_code == 200


@pytest.mark.parametrize("count", [1, 6])
def test_admin_session_changelist_queries_do_not_grow_with_rows(
    editor_client, count, cold_caches, django_assert_num_queries
):
    SessionFactory.create_batch(count, mandate=DocumentFactory())

    with django_assert_num_queries(12):
        response = editor_client.get(reverse("admin:committee_session_changelist"))

    assert response.context["cl"].result_count == count


@pytest.mark.parametrize("count", [1, 6])
def test_admin_bureau_changelist_queries_do_not_grow_with_rows(
    record, editor_client, count, cold_caches, django_assert_num_queries
):
    BureauMembership.objects.exclude(pk__in=BureauMembership.objects.order_by("pk")[:count]).delete()

    with django_assert_num_queries(11):
        response = editor_client.get(reverse("admin:committee_bureaumembership_changelist"))

    assert response.context["cl"].result_count == count


# Queries per page with the record loaded (session, permissions, the page's own queries).
CHANGELIST_QUERIES = {
    "bureaumembership": 11, "chapter": 9, "consultation": 12, "document": 11, "faqentry": 9, "milestone": 11,
    "negotiationgroup": 9, "person": 9, "reading": 9, "session": 12, "source": 10, "stakeholder": 9,
}  # fmt: skip
CHANGE_FORM_QUERIES = {
    "bureaumembership": 11, "chapter": 9, "consultation": 13, "document": 14, "faqentry": 9, "milestone": 10,
    "negotiationgroup": 14, "person": 9, "reading": 12, "session": 10, "source": 8, "stakeholder": 9,
}  # fmt: skip


@pytest.mark.parametrize("rows", [1, 8])
def test_admin_reading_change_form_queries_do_not_grow_with_items(
    editor_client, rows, cold_caches, django_assert_num_queries
):
    reading = ReadingFactory()
    sessions = SessionFactory.create_batch(2)
    reading.sessions.set(sessions)
    chapters = ChapterFactory.create_batch(rows)
    for i, chapter in enumerate(chapters):
        ReadingItem.objects.create(reading=reading, chapter=chapter, session=sessions[i % 2], basis=DocumentFactory())
        reading.sources.add(SourceFactory())

    with django_assert_num_queries(12):
        response = editor_client.get(reverse("admin:committee_reading_change", args=[reading.pk]))

    content = response.content.decode()
    shown = [f'<option value="{chapter.pk}" selected>{chapter.title}</option>' in content for chapter in chapters]
    assert shown == [True] * rows
