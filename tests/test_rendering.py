"""The shortcuts that make pages cheap give exactly what Django's own way gives."""

import datetime
import re

import pytest
from django import forms
from django.apps import apps
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, models
from django.template import engines
from django.test import RequestFactory, override_settings
from django.urls import clear_script_prefix, reverse, set_script_prefix
from django.utils import translation

from committee.filters import DocumentFilter, Select
from committee.models import (
    Chapter,
    Document,
    DocumentKind,
    DocumentVersion,
    Reading,
    ReadingItem,
    Session,
    choice_labels,
    record_url,
)
from committee.remembered import Remembered
from tests.factories import DocumentFactory, SessionFactory

pytestmark = pytest.mark.django_db


def render(source: str, **context) -> str:
    return engines["django"].from_string("{% load record %}" + source).render(context)


# --- Labels of choices ---------------------------------------------------------------------


def every_choice():
    for model in apps.get_app_config("committee").get_models():
        for field in model._meta.concrete_fields:
            if field.choices and hasattr(model, f"get_{field.name}_display"):
                for value, _label in field.flatchoices:
                    yield model, field, value


def test_choice_labels_are_djangos_own_for_every_field_and_value():
    checked = 0
    for model, field, value in every_choice():
        record = model(**{field.attname: value})
        ours = getattr(record, f"get_{field.name}_display")()
        assert ours == models.Model._get_FIELD_display(record, field), (model, field.name, value)
        checked += 1
    assert checked > 60  # every vocabulary of the record: kinds, languages, roles, certainty, ...


def test_choice_labels_are_made_per_language():
    field = Document._meta.get_field("kind")
    document = Document(kind=DocumentKind.CHAIR_REPORT)

    assert choice_labels(field, "fr") is not choice_labels(field, "en")
    with translation.override("fr"):
        assert document.get_kind_display() == models.Model._get_FIELD_display(document, field)
    assert document.get_kind_display() == "Chair’s report"


def test_a_value_outside_the_choices_is_shown_as_it_is():
    assert Document(kind="not-a-kind").get_kind_display() == "not-a-kind"


# --- Addresses ------------------------------------------------------------------------------


def test_record_url_is_reverse_and_follows_the_script_prefix():
    assert record_url("committee:session-detail", slug="sixth-session") == "/sessions/sixth-session/"
    set_script_prefix("/portal/")
    try:
        assert record_url("committee:session-detail", slug="sixth-session") == "/portal/sessions/sixth-session/"
        assert record_url("committee:session-detail", slug="sixth-session") == reverse(
            "committee:session-detail", kwargs={"slug": "sixth-session"}
        )
    finally:
        clear_script_prefix()
    assert record_url("committee:session-detail", slug="sixth-session") == "/sessions/sixth-session/"


@override_settings(ROOT_URLCONF="bench.urls")
def test_record_url_follows_the_urlconf():
    # bench.urls mounts the same site under the same addresses, plus one of its own.
    assert record_url("bench-floor") == "/bench/floor/"
    assert record_url("committee:faq") == "/faq/"


@pytest.mark.django_db
def test_each_request_s_addresses_follow_its_own_script_prefix():
    # Read once per request (portal.perrequest), never carried over to the next one.
    SessionFactory(slug="sixth-session", title="Sixth session")

    handler = WSGIHandler()  # as gunicorn calls the site: it sets the script prefix of each request

    def page(prefix):
        environ = RequestFactory()._base_environ(PATH_INFO="/sessions/", SCRIPT_NAME=prefix)
        return b"".join(handler(environ, lambda status, headers: None)).decode()

    # As Django's test client does: the test's transaction holds the connection.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        pages = [page(prefix) for prefix in ("/portal", "", "/other")]
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
        clear_script_prefix()

    assert ['href="/portal/sessions/sixth-session/"' in page for page in pages] == [True, False, False]
    assert ['href="/sessions/sixth-session/"' in page for page in pages] == [False, True, False]
    assert ['href="/other/sessions/sixth-session/"' in page for page in pages] == [False, False, True]
    assert record_url("committee:session-detail", slug="sixth-session") == "/sessions/sixth-session/"


# --- Fragments as tags ------------------------------------------------------------------------


def test_certainty_tag():
    assert render("{% certainty d %}", d=Document(certainty="confirmed")) == ""
    assert render("{% certainty d %}", d=Document(certainty="likely")) == (
        '<span class="uncertain-tag">(likely, not confirmed)</span>'
    )
    assert render("{% certainty d %}", d=Document(certainty="uncertain")) == (
        '<span class="uncertain-tag">(uncertain)</span>'
    )


def test_document_link_tag_escapes_and_hides_drafts():
    document = Document(
        symbol="A/AC.291/22/Rev.3", slug="a-ac-291-22-rev-3", title="Draft <b>text</b>", publication_state="published"
    )
    assert render("{% document_link d %}", d=document) == (
        '<a href="/documents/A/AC.291/22/Rev.3/"><span class="symbol">A/AC.291/22/Rev.3</span>'
        " — Draft &lt;b&gt;text&lt;/b&gt;</a>"
    )
    assert render("{% document_link d short=True %}", d=document) == (
        '<a href="/documents/A/AC.291/22/Rev.3/"><span class="symbol">A/AC.291/22/Rev.3</span></a>'
    )
    document.certainty = "likely"
    assert render("{% document_link d %}", d=document).endswith('</a> <span class="uncertain-tag">(likely)</span>')
    paper = Document(slug="chairs-note", title="Chair’s note", publication_state="published")
    assert render("{% document_link d %}", d=paper) == '<a href="/documents/chairs-note/">Chair’s note</a>'
    paper.publication_state = "draft"
    assert render("{% document_link d %}", d=paper) == "a document not yet published"
    assert render("{% document_link d %}", d=None) == ""


def test_document_link_shows_the_documents_values_of_the_moment():
    document = Document(symbol="A/AC.291/1", slug="a-ac-291-1", title="Agenda", publication_state="published")
    assert render("{% document_link d %}", d=document).endswith(" — Agenda</a>")
    document.title, document.certainty = "Provisional agenda", "uncertain"
    assert render("{% document_link d %}", d=document) == (
        '<a href="/documents/A/AC.291/1/"><span class="symbol">A/AC.291/1</span> — Provisional agenda</a>'
        ' <span class="uncertain-tag">(uncertain)</span>'
    )
    document.symbol = "A/AC.291/2"
    assert '<span class="symbol">A/AC.291/2</span>' in render("{% document_link d %}", d=document)


def test_meeting_when_tag():
    session = Session(start_date=datetime.date(2023, 8, 21), end_date=datetime.date(2023, 9, 1))
    assert (
        render("{% meeting_when s %}", s=session) == '<time datetime="2023-08-21">21 August – 1 September 2023</time>'
    )


def test_language_versions_and_links():
    assert render("{% language_versions codes %}", codes=["ar", "en", "fr"]) == (
        '<abbr title="Arabic">AR</abbr> <abbr title="English">EN</abbr> <abbr title="French">FR</abbr>'
    )
    assert render("{% language_versions codes %}", codes=[]) == "—"
    pairs = [("/sessions/first-session/", "First <session>"), ("/sessions/second/", "Second")]
    assert render("{% links p %}", p=pairs) == (
        '<a href="/sessions/first-session/">First &lt;session&gt;</a>, <a href="/sessions/second/">Second</a>'
    )
    assert render("{% links p %}", p=[]) == "—"


def test_registry_row_tag_gives_the_rows_html():
    document = Document(
        symbol="A/AC.291/22/Rev.3",
        title="Draft <text>",
        kind=DocumentKind.DRAFT_TEXT,
        date=datetime.date(2023, 8, 21),
        certainty="likely",
    )
    document.session_links = [("/sessions/sixth-session/", "Sixth session")]
    document.languages = ["en", "fr"]
    paper = Document(slug="chairs-note", title="Chair’s note", kind=DocumentKind.OTHER, certainty="confirmed")
    paper.session_links, paper.languages = [], []

    assert render("{% registry_row d %}", d=document) == (
        "<tr>\n"
        '      <td class="symbol">A/AC.291/22/Rev.3</td>\n'
        '      <th scope="row"><a href="/documents/A/AC.291/22/Rev.3/">Draft &lt;text&gt;</a>'
        '<span class="uncertain-tag">(likely, not confirmed)</span></th>\n'
        "      <td>Draft text</td>\n"
        '      <td><time datetime="2023-08-21">21 Aug 2023</time></td>\n'
        '      <td><a href="/sessions/sixth-session/">Sixth session</a></td>\n'
        '      <td><abbr title="English">EN</abbr> <abbr title="French">FR</abbr></td>\n'
        "    </tr>"
    )
    assert render("{% registry_row d %}", d=paper) == (
        "<tr>\n"
        '      <td class="symbol">—</td>\n'
        '      <th scope="row"><a href="/documents/chairs-note/">Chair’s note</a></th>\n'
        "      <td>Other</td>\n"
        "      <td>—</td>\n"
        "      <td>—</td>\n"
        "      <td>—</td>\n"
        "    </tr>"
    )
    with translation.override("fr"):
        assert '<time datetime="2023-08-21">21 Aoû 2023</time>' in render("{% registry_row d %}", d=document)


def test_session_item_row_tag_gives_the_rows_html():
    chapter = Chapter(slug="criminalization", title="Criminalization")
    reading = Reading(slug="first-reading", title="First reading")
    basis = Document(symbol="A/AC.291/16", title="Consolidated negotiating document", publication_state="published")
    item = ReadingItem(chapter=chapter, reading=reading, basis=basis, certainty="confirmed")

    assert render("{% session_item_row i %}", i=item) == (
        "<tr>\n"
        '          <th scope="row"><a href="/chapters/criminalization/">Criminalization</a></th>\n'
        '          <td><a href="/readings/first-reading/">First reading</a></td>\n'
        '          <td><a href="/documents/A/AC.291/16/"><span class="symbol">A/AC.291/16</span></a></td>\n'
        "        </tr>"
    )
    basis.publication_state = "draft"
    item.basis_note, item.certainty = "The Chair’s <draft>", "likely"
    assert render("{% session_item_row i %}", i=item).split("\n")[3] == (
        '          <td>The Chair’s &lt;draft&gt;<span class="uncertain-tag">(likely, not confirmed)</span></td>'
    )


def test_registry_rows_show_languages_in_un_order_and_published_sessions_only(client):
    document = DocumentFactory(symbol="A/AC.291/1", title="Agenda")
    for code in ("en", "ar", "fr"):
        DocumentVersion.objects.create(document=document, language=code, url=f"https://example.org/{code}")
    shown = SessionFactory(slug="first-session", title="First session")
    hidden = SessionFactory(slug="draft-session", title="Draft session", publication_state="draft")
    document.sessions.add(shown, hidden)
    bare = DocumentFactory(symbol=None, title="A paper", slug="a-paper")

    html = client.get("/documents/").content.decode()

    row = re.search(r"<tr>\s*<td class=\"symbol\">A/AC.291/1</td>.*?</tr>", html, re.S).group(0)
    assert '<td><a href="/sessions/first-session/">First session</a></td>' in row
    assert '<abbr title="Arabic">AR</abbr> <abbr title="English">EN</abbr> <abbr title="French">FR</abbr>' in row
    assert "Draft session" not in html
    paper_row = re.search(r"<tr>\s*<td class=\"symbol\">—</td>.*?</tr>", html, re.S).group(0)
    assert f'href="{bare.get_absolute_url()}"' in paper_row
    assert paper_row.count("<td>—</td>") == 3  # no date, no session, no language version


@pytest.mark.parametrize(
    ("path", "current"),
    [
        ("/", None),
        ("/sessions/", "Sessions"),
        ("/sessions/sixth-session/", "Sessions"),
        ("/documents/A/AC.291/22/Rev.3/", "Documents"),
        ("/negotiation-groups/group-1/", "Negotiation groups"),
        ("/bureau/", "Bureau"),
        ("/faq/", "FAQ"),
        ("/faq/extra/", None),
        ("/search/", None),
    ],
)
def test_site_nav_marks_the_current_section(path, current):
    html = render("{% site_nav p %}", p=path)
    assert re.findall(r'<a href="([^"]+)"', html) == [
        "/sessions/",
        "/readings/",
        "/chapters/",
        "/negotiation-groups/",
        "/consultations/",
        "/documents/",
        "/bureau/",
        "/timeline/",
        "/faq/",
    ]
    assert re.findall(r'aria-current="page">([^<]+)<', html) == ([current] if current else [])
    assert html.startswith('<nav class="site-nav" aria-label="Main">')


# --- The registry's filter widgets ------------------------------------------------------------


def django_rendering(form) -> str:
    """The same fields with Django's own widgets, rendered through its templates."""
    html = []
    for name, field in form.fields.items():
        own = {forms.Select: forms.Select, forms.NumberInput: forms.NumberInput, forms.TextInput: forms.TextInput}
        base = next(cls for cls in type(field.widget).__mro__ if cls in own)
        widget = base(attrs=field.widget.attrs)
        widget.choices = getattr(field.widget, "choices", ())
        html.append(widget.render(form.add_prefix(name), form[name].value(), attrs={"id": f"id_{name}"}))
    return "".join(html)


def normalized(html: str) -> str:
    return re.sub(r">\s+<", "><", html.strip())


@pytest.mark.parametrize(
    "query", [{}, {"kind": "report", "year": "2023", "language": "fr", "q": 'a "quoted" <word>'}, {"session": "s-2"}]
)
def test_filter_widgets_give_djangos_html(query):
    SessionFactory(slug="s-1", title="First & one")
    SessionFactory(slug="s-2", title="Second", start_date=datetime.date(2023, 9, 1), end_date=datetime.date(2023, 9, 2))
    filterset = DocumentFilter(query or None, queryset=Document.objects.all(), request=RequestFactory().get("/"))
    ours = "".join(str(field) for field in filterset.form)
    assert normalized(ours) == normalized(django_rendering(filterset.form))
    assert "First &amp; one" in ours
    if query.get("session"):
        assert '<option value="s-2" selected>Second</option>' in ours


def test_filter_selects_are_kept_by_value_language_and_the_sessions_offered():
    SessionFactory(slug="s-1", title="First")

    def selects(query, language):
        with translation.override(language):
            filterset = DocumentFilter(query, queryset=Document.objects.all(), request=RequestFactory().get("/"))
            return "".join(str(filterset.form[name]) for name in ("kind", "session", "language"))

    cases = [(None, "en"), (None, "fr"), ({"session": "s-1"}, "en"), ({"kind": "report"}, "ar")]
    Select.rendered.clear()
    made = [selects(query, language) for query, language in cases]
    kept = len(Select.rendered)
    again = [selects(query, language) for query, language in cases]
    afresh = []
    for query, language in cases:
        Select.rendered.clear()
        afresh.append(selects(query, language))
    SessionFactory(slug="s-2", title="Second", start_date=datetime.date(2023, 9, 1), end_date=datetime.date(2023, 9, 2))
    after_publishing = selects(None, "en")

    assert again == made == afresh
    assert len(set(made)) == 4
    # One for each select, value and language: kind and language in three languages, and the
    # session in four (the English one twice, without and with a session chosen).
    assert kept == 3 + 4 + 3
    assert '<option value="s-1" selected>First</option>' in made[2]
    assert 'value="s-2"' not in made[0]
    assert '<option value="s-2">Second</option>' in after_publishing


def test_the_registry_filters_form_class_is_made_once_and_each_form_has_its_own_fields():
    def filterset(query):
        return DocumentFilter(query, queryset=Document.objects.all(), request=RequestFactory().get("/"))

    unbound, bound, wrong = filterset(None), filterset({"year": "2024", "kind": "report"}), filterset({"year": "x"})
    SessionFactory(slug="s-1", title="First")  # published after the form class was made
    later = filterset({"session": "s-1"})

    assert type(unbound.form) is type(bound.form) is type(wrong.form) is type(later.form)
    assert unbound.form.fields["kind"] is not bound.form.fields["kind"]
    assert bound.form.is_valid() and bound.form.cleaned_data["year"] == 2024
    assert not wrong.form.is_valid() and list(wrong.form.errors) == ["year"]
    assert later.form.is_valid() and later.form.cleaned_data["session"] == "s-1"
    assert ("s-1", "First") in list(later.form.fields["session"].choices)


def test_remembered_values_are_made_once_dropped_together_when_full_and_made_for_unhashable_keys():
    remembered, made = Remembered(limit=2), []

    def make(value):
        made.append(value)
        return value

    values = [remembered.get(key, lambda key=key: make(key)) for key in ("a", "b", "a")]
    full = dict(remembered.entries)
    after_limit = remembered.get("c", lambda: make("c"))
    unhashable = [remembered.get(["x"], lambda: make("x")) for _ in range(2)]

    assert values == ["a", "b", "a"]
    assert full == {"a": "a", "b": "b"}
    assert (after_limit, remembered.entries) == ("c", {"c": "c"})
    assert unhashable == ["x", "x"]
    assert made == ["a", "b", "c", "x", "x"]
