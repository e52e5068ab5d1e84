"""Two editors in the admin at once, each in a browser of their own: neither loses the other's work."""

import pytest
from playwright.sync_api import expect

from committee.models import Session
from tests.factories import UserFactory

from .support import sign_in

pytestmark = pytest.mark.browser


@pytest.fixture
def second_editor(transactional_db):
    return UserFactory(username="alice", editor=True)


def test_second_editor_is_refused_told_who_changed_what_and_keeps_their_input(
    live_record, editor, second_editor, new_context
):
    session = Session.objects.get(slug="first-session")
    room = session.room
    change_url = f"/admin/committee/session/{session.pk}/change/"
    alice, bob = new_context().new_page(), new_context().new_page()
    sign_in(alice, second_editor)
    sign_in(bob, editor)
    alice.goto(change_url)
    bob.goto(change_url)

    # Alice saves first.
    alice.get_by_label("Summary [en]:").fill("Alice's summary.")
    alice.get_by_role("button", name="Save and continue editing").click()
    expect(alice.locator(".messagelist")).to_contain_text("was changed successfully")

    # Bob's save, from the page he opened before hers, is refused; his input stays in the form.
    bob.get_by_label("Room:").fill("Plenary Hall M")
    bob.get_by_role("button", name="Save and continue editing").click()
    refusal = bob.locator(".errorlist.nonfield")
    expect(refusal).to_contain_text("This session was changed since you opened it: alice on ")
    expect(refusal).to_contain_text(": Changed Summary [en]. Nothing was saved; your input is still in the form.")
    expect(bob.get_by_label("Room:")).to_have_value("Plenary Hall M")
    session.refresh_from_db()
    assert (session.summary, session.room, session.version) == ("Alice's summary.", room, 2)

    # Having seen what changed, Bob takes Alice's summary in and saves: both changes are kept.
    bob.get_by_label("Summary [en]:").fill("Alice's summary.")
    bob.get_by_role("button", name="Save and continue editing").click()
    expect(bob.locator(".messagelist")).to_contain_text("was changed successfully")
    session.refresh_from_db()
    assert (session.summary, session.room, session.version) == ("Alice's summary.", "Plenary Hall M", 3)


def test_second_editor_saving_after_the_first_deleted_an_inline_row_is_refused_with_the_row_named(
    live_record, editor, second_editor, new_context
):
    session = Session.objects.get(slug="first-session")
    change_url = f"/admin/committee/session/{session.pk}/change/"
    row = session.session_documents.order_by("pk").first()
    alice, bob = new_context().new_page(), new_context().new_page()
    sign_in(alice, second_editor)
    sign_in(bob, editor)
    alice.goto(change_url)
    bob.goto(change_url)
    index = [
        int(pk)
        for pk in alice.locator("input[name^='session_documents-'][name$='-id']").evaluate_all(
            "inputs => inputs.map(input => input.value || '0')"
        )
    ].index(row.pk)

    alice.locator(f"#id_session_documents-{index}-DELETE").check()
    alice.get_by_role("button", name="Save and continue editing").click()
    expect(alice.locator(".messagelist")).to_contain_text("was changed successfully")
    bob.get_by_label("Summary [en]:").fill("Bob's summary.")
    bob.get_by_role("button", name="Save and continue editing").click()

    expect(bob.locator(".errorlist.nonfield").first).to_contain_text(
        "This session was changed since you opened it: alice on "
    )
    expect(bob.locator(".errorlist.nonfield").first).to_contain_text("Deleted session document")
    expect(bob.get_by_label("Summary [en]:")).to_have_value("Bob's summary.")
    assert not session.session_documents.filter(pk=row.pk).exists()
    session.refresh_from_db()
    assert session.summary != "Bob's summary."
