"""Editors record a signature or an instrument in the admin, on the participant's page."""

import pytest
from django.urls import reverse

from committee.models import ActionKind, Participant, TreatyAction
from tests.factories import ArticleFactory, ParticipantFactory, SourceFactory, TreatyActionFactory
from tests.test_admin import management_form

pytestmark = pytest.mark.django_db

PREFIX = "actions"


def participant_form(**overrides):
    return {
        "country": "MU",
        "kind": "state",
        "regional_group": "african",
        "publication_state": "published",
        "certainty": "confirmed",
        **management_form(PREFIX),
        **management_form("Participant_sources"),
        **overrides,
    }


def action_row(n, **fields):
    row = {
        "kind": "signature",
        "date": "2025-11-19",
        "date_precision": "day",
        "notification": "",
        "publication_state": "published",
        "certainty": "confirmed",
        "certainty_note": "",
        **fields,
    }
    return {f"{PREFIX}-{n}-{name}": value for name, value in row.items()}


def test_editor_adds_a_participant_with_its_signature_and_its_source(editor_client, editor):
    source = SourceFactory(url="https://treaties.un.org/example", title="Depositary status")
    data = participant_form(
        **management_form(PREFIX, total=1), **action_row(0, sources=[str(source.pk)], notification="C.N.9.2025")
    )

    response = editor_client.post(reverse("admin:committee_participant_add"), data)

    assert response.status_code == 302
    action = TreatyAction.objects.get()
    assert (str(action), action.notification, [s.url for s in action.sources.all()]) == (
        "Mauritius: signature, 19 November 2025",
        "C.N.9.2025",
        ["https://treaties.un.org/example"],
    )
    assert list(action.history.values_list("history_type", "history_user")) == [("+", editor.pk)]


def test_two_instruments_in_one_submission_are_a_row_error_and_nothing_is_saved(editor_client):
    data = participant_form(
        **management_form(PREFIX, total=2),
        **action_row(0, kind="ratification", date="2026-03-01"),
        **action_row(1, kind="accession", date="2026-03-02"),
    )

    response = editor_client.post(reverse("admin:committee_participant_add"), data)

    assert response.status_code == 200
    errors = [form.errors for form in response.context["inline_admin_formsets"][0].formset.forms]
    assert errors == [
        {},
        {"kind": ["Only one signature and one instrument a participant: this one is already in another row."]},
    ]
    assert (Participant.objects.count(), TreatyAction.objects.count()) == (0, 0)


def test_an_instrument_known_only_to_the_month_is_a_field_error(editor_client):
    data = participant_form(
        **management_form(PREFIX, total=1), **action_row(0, kind="ratification", date_precision="month")
    )

    response = editor_client.post(reverse("admin:committee_participant_add"), data)

    errors = response.context["inline_admin_formsets"][0].formset.forms[0].errors
    assert errors == {"date_precision": ["An instrument counts toward entry into force from its day of deposit."]}


def test_a_country_already_recorded_is_a_field_error(editor_client):
    ParticipantFactory(country="MU", regional_group="african")

    response = editor_client.post(reverse("admin:committee_participant_add"), participant_form())

    errors = response.context["adminform"].form.errors
    assert errors == {"country": ["Participant with this State or organization already exists."]}


@pytest.mark.parametrize(
    ("model", "make"),
    [
        ("participant", lambda: TreatyActionFactory(participant=ParticipantFactory(country="MU")).participant),
        ("treatyaction", lambda: TreatyActionFactory(kind=ActionKind.RATIFICATION)),
        ("article", ArticleFactory),
        ("conventionchapter", lambda: ArticleFactory().chapter),
    ],
)  # fmt: skip
def test_convention_admin_pages_render(editor_client, model, make):
    obj = make()

    pages = [
        editor_client.get(reverse(f"admin:committee_{model}_changelist")).status_code,
        editor_client.get(reverse(f"admin:committee_{model}_change", args=[obj.pk])).status_code,
        editor_client.get(reverse(f"admin:committee_{model}_add")).status_code,
    ]

    assert pages == [200, 200, 200]


@pytest.mark.parametrize(("query", "numbers"), [("65", [65]), ("entry", [65]), ("abc", []), ("6 5", [])])
def test_article_changelist_search_by_number_or_title(editor_client, query, numbers):
    ArticleFactory(number=65, title="Entry into force")
    ArticleFactory(number=6, title="Respect for human rights")

    response = editor_client.get(reverse("admin:committee_article_changelist"), {"q": query})

    assert [article.number for article in response.context["cl"].result_list] == numbers


@pytest.mark.parametrize(
    ("query", "codes"),
    [("viet", ["VN"]), ("Russian Federation", ["RU"]), ("VN", ["VN"]), ("Korea", ["KP"]), ("(", []),
     ("", ["KP", "RU", "VN"])],
)  # fmt: skip
def test_participant_and_action_changelists_find_a_state_by_its_name(editor_client, query, codes):
    for code in ("KP", "RU", "VN"):
        TreatyActionFactory(participant=ParticipantFactory(country=code))

    participants = editor_client.get(reverse("admin:committee_participant_changelist"), {"q": query})
    actions = editor_client.get(reverse("admin:committee_treatyaction_changelist"), {"q": query})

    assert sorted(p.country.code for p in participants.context["cl"].result_list) == codes
    assert sorted(a.participant.country.code for a in actions.context["cl"].result_list) == codes


def test_the_participant_autocomplete_finds_a_state_by_its_name(editor_client):
    ParticipantFactory(country="VN")
    ParticipantFactory(country="FR")

    response = editor_client.get(
        reverse("admin:autocomplete"),
        {"term": "viet", "app_label": "committee", "model_name": "treatyaction", "field_name": "participant"},
    )

    assert [result["text"] for result in response.json()["results"]] == ["Viet Nam"]
