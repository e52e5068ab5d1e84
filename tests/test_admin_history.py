"""No lost update, revert and restore in the admin: the editor's work and the record's past are kept."""

import datetime

import pytest
import time_machine
from django.apps import apps
from django.contrib import admin
from django.contrib.admin.models import ADDITION, CHANGE, LogEntry
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse

from committee.models import DocumentVersion, Session, SessionDocument, Versioned
from tests.factories import DocumentFactory, SessionFactory, StakeholderFactory, UserFactory
from tests.test_admin import document_form, management_form, session_form

pytestmark = pytest.mark.django_db

NOON = datetime.datetime(2026, 12, 6, 12, 0, tzinfo=datetime.UTC)


@pytest.fixture
def alice(db):
    return UserFactory(username="alice", editor=True)


@pytest.fixture
def alice_client(alice):
    client = Client()
    client.force_login(alice)
    return client


def change_url(record):
    return reverse(f"admin:committee_{record._meta.model_name}_change", args=[record.pk])


def session_change(session, loaded_version, **overrides):
    return session_form(
        **{
            "title": session.title,
            "slug": session.slug,
            "start_date": "2023-08-21",
            "end_date": "2023-09-01",
            "city": session.city,
            "time_zone": session.time_zone,
            "venue": "",
            "room": "",
            "publication_state": "published",
            "loaded_version": str(loaded_version),
            **overrides,
        }
    )


def non_field_errors(response):
    return list(response.context["adminform"].form.non_field_errors())


# --- No lost update --------------------------------------------------------------------


def test_second_editor_saving_a_record_changed_since_is_refused_with_who_and_what(alice_client, editor_client, editor):
    session = SessionFactory(title="Fourth session", slug="fourth-session")
    with time_machine.travel(NOON, tick=False):
        first = alice_client.post(change_url(session), session_change(session, 1, title="Fourth session (Vienna)"))

    second = editor_client.post(change_url(session), session_change(session, 1, summary="My summary of the session."))

    assert first.status_code == 302
    assert second.status_code == 200
    assert non_field_errors(second) == [
        "This session was changed since you opened it: alice on Dec. 6, 2026, noon: Changed Title [en] and Number. "
        "Nothing was saved; your input is still in the form. Check it against those changes (open the record in a "
        "new tab), then save again to keep yours."
    ]
    form = second.context["adminform"].form
    assert form["summary_en"].value() == "My summary of the session."
    assert form["loaded_version"].value() == "2"
    session.refresh_from_db()
    assert (session.title, session.summary, session.version) == ("Fourth session (Vienna)", "", 2)


def test_second_editor_saves_after_seeing_the_refusal_and_the_history_keeps_both(
    alice_client, editor_client, alice, editor
):
    session = SessionFactory(title="Fourth session", slug="fourth-session")
    alice_client.post(change_url(session), session_change(session, 1, title="Fourth session (Vienna)"))
    editor_client.post(change_url(session), session_change(session, 1, summary="Mine."))

    again = editor_client.post(change_url(session), session_change(session, 2, summary="Mine."))

    assert again.status_code == 302
    session.refresh_from_db()
    assert (session.title, session.summary, session.version) == ("Fourth session", "Mine.", 3)
    assert list(session.history.order_by("version").values_list("version", "history_user__username", "title")) == [
        (1, None, "Fourth session"),
        (2, "alice", "Fourth session (Vienna)"),
        (3, editor.username, "Fourth session"),
    ]


def test_change_form_without_its_version_is_refused(editor_client):
    session = SessionFactory()
    data = session_change(session, 1)
    del data["loaded_version"]

    response = editor_client.post(change_url(session), data)

    assert response.status_code == 200
    assert non_field_errors(response) == ["This form came without the version it was opened at; open it again."]


def test_change_by_a_publish_action_since_is_named_with_its_fields(alice_client, editor_client):
    session = SessionFactory(title="Fourth session", slug="fourth-session", publication_state="draft")
    with time_machine.travel(NOON, tick=False):
        alice_client.post(
            reverse("admin:committee_session_changelist"), {"action": "publish", "_selected_action": [session.pk]}
        )

    response = editor_client.post(change_url(session), session_change(session, 1, publication_state="draft"))

    assert non_field_errors(response)[0].startswith(
        "This session was changed since you opened it: alice on Dec. 6, 2026, noon: Published. Nothing was saved;"
    )
    session.refresh_from_db()
    assert session.publication_state == "published"


def document_change(document, loaded_version, versions=()):
    data = document_form(
        symbol=document.symbol,
        title=document.title,
        slug=document.slug,
        kind=document.kind,
        publication_state="published",
        certainty="confirmed",
        loaded_version=str(loaded_version),
        **management_form("versions", total=len(versions), initial=len(versions)),
    )
    for n, (row, url, row_version) in enumerate(versions):
        data.update(
            {
                f"versions-{n}-id": str(row.pk),
                f"versions-{n}-document": str(document.pk),
                f"versions-{n}-language": row.language,
                f"versions-{n}-url": url,
                f"versions-{n}-loaded_version": str(row_version),
            }
        )
    return data


def test_inline_row_changed_since_refuses_the_save_and_marks_the_row(alice_client, editor_client):
    document = DocumentFactory(symbol="A/AC.291/22", title="Draft text")
    english = DocumentVersion.objects.create(document=document, language="en", url="https://undocs.org/en/1")
    with time_machine.travel(NOON, tick=False):
        alice_client.post(change_url(document), document_change(document, 1, [(english, "https://undocs.org/en/2", 1)]))

    response = editor_client.post(
        change_url(document), document_change(document, 2, [(english, "https://undocs.org/en/3", 1)])
    )

    assert response.status_code == 200
    row = response.context["inline_admin_formsets"][0].formset.forms[0]
    assert list(row.non_field_errors()) == [
        "This row (language version) was changed since you opened the page: alice on Dec. 6, 2026, noon: URL. "
        "Nothing was saved; check the row, then save again to keep yours."
    ]
    assert row["url"].value() == "https://undocs.org/en/3"
    english.refresh_from_db()
    assert (english.url, english.version) == ("https://undocs.org/en/2", 2)


def test_inline_row_deleted_since_is_said_and_nothing_saved(editor_client):
    document = DocumentFactory(symbol="A/AC.291/22", title="Draft text")
    english = DocumentVersion.objects.create(document=document, language="en", url="https://undocs.org/en/1")
    data = document_change(document, 1, [(english, "https://undocs.org/en/3", 1)])
    english.delete()

    response = editor_client.post(change_url(document), data)

    assert response.status_code == 200
    row = response.context["inline_admin_formsets"][0].formset.forms[0]
    assert list(row.non_field_errors()) == [
        "This row was deleted or moved to another record since you opened the page. Nothing was saved; "
        "remove the row or add it again."
    ]
    assert list(DocumentVersion.objects.all()) == []


def document_sessions_change(document, link, loaded_version, **row):
    data = document_change(document, 1)
    data.update(management_form("session_documents", total=1, initial=1))
    data.update(
        {
            "session_documents-0-id": str(link.pk),
            "session_documents-0-document": str(document.pk),
            "session_documents-0-session": str(link.session_id),
            "session_documents-0-loaded_version": str(loaded_version),
        }
    )
    data.update({f"session_documents-0-{name}": value for name, value in row.items()})
    return data


def test_inline_row_shared_by_two_records_changed_from_the_other_is_refused(alice_client, editor_client):
    fourth, fifth, sixth = (SessionFactory(slug=f"{n}-session") for n in ("fourth", "fifth", "sixth"))
    document = DocumentFactory(symbol="A/AC.291/22")
    link = SessionDocument.objects.create(session=fourth, document=document)
    opened = document_sessions_change(document, link, 1, session=sixth.pk)
    with time_machine.travel(NOON, tick=False):
        alice_client.post(change_url(document), document_sessions_change(document, link, 1, session=fifth.pk))

    response = editor_client.post(change_url(document), {**opened, "loaded_version": "2"})

    assert response.status_code == 200
    formset = next(
        f.formset for f in response.context["inline_admin_formsets"] if f.formset.prefix == "session_documents"
    )
    assert list(formset.forms[0].non_field_errors()) == [
        "This row (session document) was changed since you opened the page: alice on Dec. 6, 2026, noon: session. "
        "Nothing was saved; check the row, then save again to keep yours."
    ]
    link.refresh_from_db()
    assert (link.session, link.document, link.version) == (fifth, document, 2)


def test_inline_row_moved_to_another_record_since_is_refused(editor_client):
    fourth = SessionFactory(slug="fourth-session")
    document, other = DocumentFactory(symbol="A/AC.291/22"), DocumentFactory(symbol="A/AC.291/23")
    link = SessionDocument.objects.create(session=fourth, document=document)
    opened = document_sessions_change(document, link, 1)
    link.document = other
    link.save()

    response = editor_client.post(change_url(document), opened)

    formset = next(
        f.formset for f in response.context["inline_admin_formsets"] if f.formset.prefix == "session_documents"
    )
    assert list(formset.forms[0].non_field_errors()) == [
        "This row was deleted or moved to another record since you opened the page. Nothing was saved; "
        "remove the row or add it again."
    ]
    link.refresh_from_db()
    assert (link.document, link.version) == (other, 2)


def test_inline_row_deleted_by_the_second_editor_after_a_change_is_refused(editor_client):
    fourth = SessionFactory(slug="fourth-session")
    document = DocumentFactory(symbol="A/AC.291/22")
    link = SessionDocument.objects.create(session=fourth, document=document)
    with time_machine.travel(NOON, tick=False):
        link.save()  # changed since the page was opened: version 2

    response = editor_client.post(change_url(document), document_sessions_change(document, link, 1, DELETE="on"))

    assert response.status_code == 200
    formset = next(
        f.formset for f in response.context["inline_admin_formsets"] if f.formset.prefix == "session_documents"
    )
    assert list(formset.non_form_errors()) == [
        "This row (session document) was changed since you opened the page: someone outside the admin on "
        "Dec. 6, 2026, noon: saved without a change. Nothing was saved; check the row, then save again to keep yours."
    ]
    assert list(SessionDocument.objects.values_list("pk", flat=True)) == [link.pk]


def admin_models():
    return [model for model in apps.get_app_config("committee").get_models() if admin.site.is_registered(model)]


@pytest.mark.parametrize("model", admin_models(), ids=lambda model: model.__name__)
def test_every_admin_change_form_carries_the_versions_of_the_record_and_its_rows(record, editor_client, model):
    obj = model.objects.order_by("pk").first() or StakeholderFactory()  # the record names no stakeholder

    response = editor_client.get(change_url(obj))

    form = response.context["adminform"].form
    assert form["loaded_version"].value() == obj.version
    assert f'<input type="hidden" name="loaded_version" value="{obj.version}"' in response.text
    for formset in response.context["inline_admin_formsets"]:
        rows = formset.formset.forms[: formset.formset.initial_form_count()]
        # The empty row too: a record whose inline has no rows yet still proves its rows are checked.
        if issubclass(formset.formset.model, Versioned):
            assert [row["loaded_version"].value() for row in rows] == [row.instance.version for row in rows]
            assert "loaded_version" in formset.formset.empty_form.fields
        else:
            assert all("loaded_version" not in row.fields for row in [*rows, formset.formset.empty_form])


def test_versions_rise_with_each_save_and_not_with_loaddata(record):
    session = Session.objects.get(slug="first-session")
    assert session.version == 1

    session.summary = "Changed."
    session.save()
    session.save(update_fields=["summary"])

    session.refresh_from_db()
    assert session.version == 3
    assert list(session.history.values_list("version", flat=True).order_by("version")) == [2, 3]


# --- Undo: revert to an earlier version ----------------------------------------------------


def test_editor_reverts_a_record_to_an_earlier_version_logged_as_a_change_of_its_own(
    alice_client, editor_client, editor
):
    session = SessionFactory(title="Fourth session", slug="fourth-session")
    document = DocumentFactory(symbol="A/AC.291/22")
    with time_machine.travel(NOON, tick=False):
        alice_client.post(change_url(session), session_change(session, 1, summary="First summary."))
    first = session.history.get(version=2)
    alice_client.post(
        change_url(session),
        session_change(
            session,
            2,
            title="Fourth session (wrong)",
            summary="Wrong summary.",
            **management_form("session_documents", total=1),
            **{"session_documents-0-document": str(document.pk)},
        ),
    )
    revert_url = reverse("admin:committee_session_simple_history", args=[session.pk, first.history_id])

    page = editor_client.get(revert_url)
    form = page.context["adminform"].form
    response = editor_client.post(
        revert_url, session_change(session, form["loaded_version"].value(), summary=form["summary_en"].value())
    )

    assert (form["title_en"].value(), form["summary_en"].value(), form["loaded_version"].value()) == (
        "Fourth session",
        "First summary.",
        3,
    )
    assert response.status_code == 302
    session.refresh_from_db()
    assert (session.title, session.summary, session.version) == ("Fourth session", "First summary.", 4)
    # The record's own fields come back; its inline parts stay as they are now.
    assert list(session.documents.values_list("symbol", flat=True)) == ["A/AC.291/22"]
    latest = session.history.get(version=4)
    reason = "Reverted to the version of Dec. 6, 2026, noon by alice."
    assert (latest.history_user, latest.history_change_reason) == (editor, reason)
    entry = LogEntry.objects.filter(object_id=str(session.pk)).latest("action_time")
    assert (entry.user, entry.action_flag, entry.get_change_message()) == (editor, CHANGE, reason)


def test_revert_over_a_change_made_since_the_revert_page_opened_is_refused(alice_client, editor_client):
    session = SessionFactory(title="Fourth session", slug="fourth-session")
    alice_client.post(change_url(session), session_change(session, 1, summary="First."))
    revert_url = reverse("admin:committee_session_simple_history", args=[session.pk, session.history.get(version=1).pk])
    opened = editor_client.get(revert_url).context["adminform"].form["loaded_version"].value()
    alice_client.post(change_url(session), session_change(session, 2, summary="Second."))

    response = editor_client.post(revert_url, session_change(session, opened, summary=""))

    assert response.status_code == 200
    assert non_field_errors(response)[0].startswith("This session was changed since you opened it: alice on ")
    session.refresh_from_db()
    assert (session.summary, session.version) == ("Second.", 3)


# --- Undo: a deleted record brought back ---------------------------------------------------


def delete_in_admin(client, record):
    url = reverse(f"admin:committee_{record._meta.model_name}_delete", args=[record.pk])
    return client.post(url, {"post": "yes"})


def test_deleted_records_are_listed_and_restored_with_their_parts_logged_as_a_change_of_their_own(
    alice_client, editor_client, editor
):
    session = SessionFactory(title="Fourth session", slug="fourth-session", summary="Kept.")
    document = DocumentFactory(symbol="A/AC.291/22")
    SessionDocument.objects.create(session=session, document=document)
    pk = session.pk
    with time_machine.travel(NOON, tick=False):
        assert delete_in_admin(alice_client, session).status_code == 302
    deleted = Session.history.get(id=pk, history_type="-")

    listing = editor_client.get(reverse("admin:committee_session_deleted"))
    restore_url = reverse("admin:committee_session_restore", args=[deleted.history_id])
    confirmation = editor_client.get(restore_url)
    response = editor_client.post(restore_url)

    assert [str(entry.instance) for entry in listing.context["deleted"]] == ["Fourth session"]
    assert f'href="{restore_url}"' in listing.text
    assert [str(part) for part in confirmation.context["parts"]] == [f"Fourth session · {document}"]
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:committee_session_change", args=[pk])
    restored = Session.objects.get(pk=pk)
    assert (restored.title, restored.summary) == ("Fourth session", "Kept.")
    assert list(restored.documents.values_list("symbol", flat=True)) == ["A/AC.291/22"]
    reason = "Restored after its deletion on Dec. 6, 2026, noon by alice."
    assert list(restored.history.order_by("history_id").values_list("history_type", "history_change_reason"))[-2:] == [
        ("-", None),
        ("+", reason),
    ]
    entry = LogEntry.objects.filter(object_id=str(pk)).latest("action_time")
    assert (entry.user, entry.action_flag, entry.get_change_message()) == (editor, ADDITION, reason)
    assert list(editor_client.get(reverse("admin:committee_session_deleted")).context["deleted"]) == []


def test_restore_of_a_record_whose_slug_is_taken_again_is_a_message_not_an_error(editor_client):
    session = SessionFactory(title="Fourth session", slug="fourth-session")
    delete_in_admin(editor_client, session)
    SessionFactory(title="Another fourth session", slug="fourth-session")
    deleted = Session.history.get(history_type="-")

    response = editor_client.post(reverse("admin:committee_session_restore", args=[deleted.history_id]), follow=True)

    assert [str(message) for message in response.context["messages"]][-1:] == [
        "“Fourth session” cannot be restored: Session with this Slug already exists."
    ]
    assert list(Session.objects.values_list("title", flat=True)) == ["Another fourth session"]


def test_restore_needs_the_change_and_add_permissions(client, editor):
    session = SessionFactory()
    session.delete()
    deleted = Session.history.get(history_type="-")
    viewer = UserFactory()
    viewer.user_permissions.add(*Permission.objects.filter(codename__in=["view_session", "change_session"]))
    client.force_login(viewer)

    listing = client.get(reverse("admin:committee_session_deleted"))
    restore = client.post(reverse("admin:committee_session_restore", args=[deleted.history_id]))

    assert (listing.status_code, restore.status_code) == (403, 403)
    assert not Session.objects.exists()


def test_restore_is_a_csrf_protected_post(editor):
    session = SessionFactory()
    session.delete()
    deleted = Session.history.get(history_type="-")
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)

    response = client.post(reverse("admin:committee_session_restore", args=[deleted.history_id]))

    assert response.status_code == 403
    assert not Session.objects.exists()


def test_restore_of_a_record_not_deleted_is_a_404(editor_client):
    session = SessionFactory()

    response = editor_client.post(reverse("admin:committee_session_restore", args=[session.history.get().history_id]))

    assert response.status_code == 404


@pytest.mark.parametrize("count", [1, 4])
def test_deleted_records_page_queries_do_not_grow_with_rows(
    editor_client, count, cold_caches, django_assert_num_queries
):
    for _n in range(count):
        SessionFactory().delete()

    with django_assert_num_queries(7):
        response = editor_client.get(reverse("admin:committee_session_deleted"))

    assert len(response.context["deleted"]) == count


def test_history_page_lists_what_changed_without_the_version(alice_client, editor_client):
    session = SessionFactory(title="Fourth session", slug="fourth-session")
    alice_client.post(change_url(session), session_change(session, 1, summary="First."))

    page = editor_client.get(reverse("admin:committee_session_history", args=[session.pk]))

    newest = page.context["page_obj"].object_list[0]
    assert [change["field"] for change in newest.history_delta_changes] == ["Number", "Summary", "Summary [en]"]
