"""The record's own text in the six UN languages (committee/translation.py): a translation where
there is one, the English text marked lang="en" where there is none, in pages, the admin, the
fixture and the API, at the same cost in queries."""

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from committee.models import Article, ConventionChapter, Document, Session
from committee.templatetags.record import translated
from tests.factories import ReadingFactory, SessionFactory
from tests.test_admin import session_form

pytestmark = pytest.mark.django_db

# The API reads its language from Accept-Language; a page, from its address (/fr/...).
FRENCH = {"HTTP_ACCEPT_LANGUAGE": "fr"}


def test_session_with_a_french_title_shows_it_in_french(client):
    session = SessionFactory(title="Sixth session", title_fr="Sixième session", slug="sixth-session")

    response = client.get("/fr" + session.get_absolute_url())

    assert response.status_code == 200
    assert "<h1>Sixième session</h1>" in response.content.decode()


def test_session_without_a_french_title_shows_the_english_marked_english(client):
    session = SessionFactory(title="Sixth session", summary="Held in New York.", slug="sixth-session")

    response = client.get("/fr" + session.get_absolute_url())

    page = response.content.decode()
    assert '<h1><span lang="en">Sixth session</span></h1>' in page
    assert '<p class="summary"><span lang="en">Held in New York.</span></p>' in page


def test_session_in_english_is_not_marked(client):
    session = SessionFactory(title="Sixth session", title_fr="Sixième session", slug="sixth-session")

    response = client.get(session.get_absolute_url())

    page = response.content.decode()
    assert "<h1>Sixth session</h1>" in page
    assert 'lang="en">Sixth session' not in page


def test_rich_text_without_a_translation_is_marked_english(client):
    reading = ReadingFactory(title="Second reading", title_fr="Deuxième lecture", body="<p>Chapter by chapter.</p>")

    response = client.get("/fr" + reading.get_absolute_url())

    page = response.content.decode()
    assert "<h1>Deuxième lecture</h1>" in page
    assert '<div class="body"><div lang="en"><p>Chapter by chapter.</p></div></div>' in page


def test_translated_filter_escapes_both_languages():
    session = Session(title="A <b>bold</b> title", title_fr="Un <i>titre</i>")

    with translation.override("fr"):
        french = translated(session, "title")
    with translation.override("ru"):
        fallback = translated(session, "title")

    assert (french, fallback) == (
        "Un &lt;i&gt;titre&lt;/i&gt;",
        '<span lang="en">A &lt;b&gt;bold&lt;/b&gt; title</span>',
    )


def test_chinese_reads_its_own_column():
    session = Session(title="Sixth session", title_zh_hans="第六届会议")

    with translation.override("zh-hans"):
        title = session.title

    assert title == "第六届会议"


# --- The admin -------------------------------------------------------------------------


def test_admin_change_form_shows_english_and_french_titles(editor_client):
    session = SessionFactory(title="Sixth session")

    response = editor_client.get(reverse("admin:committee_session_change", args=[session.pk]))

    form = response.context["adminform"].form
    assert [name for name in form.fields if name.startswith("title")] == [
        "title_ar",
        "title_zh_hans",
        "title_en",
        "title_fr",
        "title_ru",
        "title_es",
    ]
    assert (form.fields["title_en"].required, form.fields["title_fr"].required) == (True, False)


def test_admin_saves_the_english_and_french_titles(editor_client):
    data = session_form(title_en="Seventh session", title_fr="Septième session")

    response = editor_client.post(reverse("admin:committee_session_add"), data)

    assert response.status_code == 302
    session = Session.objects.get(slug="seventh-session")
    assert (session.title_en, session.title_fr, session.title_ru) == ("Seventh session", "Septième session", None)


def test_admin_refuses_a_session_without_an_english_title(editor_client):
    data = session_form(title_en="", title_fr="Septième session")

    response = editor_client.post(reverse("admin:committee_session_add"), data)

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["title_en"] == ["This field is required."]
    assert not Session.objects.exists()


def test_history_keeps_each_language(editor_client):
    session = SessionFactory(title="Sixth session")
    session.title_fr = "Sixième session"
    session.save()

    assert list(session.history.order_by("version").values_list("title_en", "title_fr")) == [
        ("Sixth session", None),
        ("Sixth session", "Sixième session"),
    ]


# --- The fixture -----------------------------------------------------------------------


def test_loaddata_twice_puts_the_english_text_in_the_english_columns():
    call_command("loaddata", "committee", verbosity=0)
    counts = (Session.objects.count(), Document.objects.count(), Article.objects.count())
    call_command("loaddata", "committee", verbosity=0)

    session = Session.objects.get(slug="sixth-session")
    part = ConventionChapter.objects.get(numeral="I")
    assert (Session.objects.count(), Document.objects.count(), Article.objects.count()) == counts
    assert (session.title_en, session.title_fr) == ("Sixth session", None)
    assert (part.title_en, part.title_fr) == ("General provisions", None)


# --- The API ---------------------------------------------------------------------------


def test_api_gives_the_french_title_under_title(client):
    SessionFactory(title="Sixth session", title_fr="Sixième session", slug="sixth-session")
    SessionFactory(title="Seventh session", slug="seventh-session")

    response = client.get("/api/v1/sessions/", **FRENCH)

    titles = {row["slug"]: row["title"] for row in response.json()["results"]}
    assert titles == {"sixth-session": "Sixième session", "seventh-session": "Seventh session"}
    assert "title_fr" not in response.json()["results"][0]
