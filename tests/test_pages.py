"""The public pages: exact content with the record loaded, drafts, bad input, query counts."""

import datetime
import importlib
import itertools
import json
import re

import pytest
import time_machine
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.template.loader import render_to_string
from django.test import Client
from django.test.utils import CaptureQueriesContext

from committee.models import (
    Chapter,
    Consultation,
    Document,
    Language,
    Milestone,
    NegotiationGroup,
    PublicationState,
    ReadingItem,
    RecordCheck,
    Session,
)
from committee.search import TARGETS, search_record
from committee.templatetags.record import highlight
from tests.factories import (
    BureauMembershipFactory,
    ChapterFactory,
    ConsultationFactory,
    DocumentFactory,
    DocumentVersionFactory,
    FacilitationFactory,
    FAQEntryFactory,
    MilestoneFactory,
    NegotiationGroupFactory,
    ReadingFactory,
    SessionFactory,
    SourceFactory,
    StakeholderFactory,
)
from tests.test_search import SEARCH_MIGRATIONS

pytestmark = pytest.mark.django_db

DRAFT = PublicationState.DRAFT


def text_of(response) -> str:
    """The visible text of the page's main region, whitespace collapsed."""
    html = response.content.decode()
    main = html[html.index("<main") : html.index("</main>")]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", main)).strip()


def links_in(response, pattern: str) -> list[str]:
    return re.findall(rf'href="({pattern})"', response.content.decode())


# --- Where the record stands ----------------------------------------------------------


def footer_of(response) -> str:
    html = response.content.decode()
    return html[html.index("<footer") : html.index("</footer>")]


@pytest.mark.parametrize("path", ["/", "/sessions/", "/documents/", "/faq/", "/no-such-page/"])
def test_every_page_says_when_the_record_was_last_checked(client, path):
    RecordCheck.objects.create(checked_on=datetime.date(2025, 3, 1))
    RecordCheck.objects.create(checked_on=datetime.date(2026, 12, 6), note="Corrections of December 2026.")

    response = client.get(path)

    assert (
        '<p class="site-footer__checked">The record was last checked against its sources on '
        '<time datetime="2026-12-06">6 December 2026</time>.</p>'
    ) in footer_of(response)


def test_no_check_recorded_means_no_claim(client):
    response = client.get("/")

    assert "last checked" not in footer_of(response)


# --- The record, page by page ----------------------------------------------------------


@time_machine.travel(datetime.datetime(2026, 11, 28, 12, tzinfo=datetime.UTC), tick=False)
def test_home_says_where_the_process_stands(client, record):
    response = client.get("/")

    text = text_of(response)
    assert response.status_code == 200
    assert (
        '<strong>Where the process stands, as of <time datetime="2026-12-06">6 December 2026</time>:</strong>'
    ) in response.content.decode()
    assert "adopted the United Nations Convention against Cybercrime on 24 December 2024 (resolution 79/243)" in text
    assert "No meeting is scheduled in the record yet." in text
    assert "Latest session: Session to prepare the draft text of the rules of procedure" in text
    # A deadline still ahead is told apart from what has happened.
    assert [m.slug for m in response.context["coming_milestones"]] == ["signature-at-headquarters-closes"]
    assert [m.slug for m in response.context["past_milestones"]] == [
        "signing-ceremony-hanoi",
        "convention-adopted",
        "draft-convention-approved",
        "first-session-postponed",
        "resolution-75-282",
    ]
    assert (
        "Recent milestones Coming 31 December 2026 Last day for signature at United Nations Headquarters "
        "Past 25–26 October 2025 Signing ceremony in Hanoi"
    ) in text


@time_machine.travel(datetime.datetime(2023, 8, 1, 12, tzinfo=datetime.UTC), tick=False)
def test_home_shows_the_next_session_before_it_starts(client, record):
    response = client.get("/")

    assert response.context["current_event"] is None
    assert response.context["next_event"].slug == "sixth-session"
    assert "Next: Sixth session 21 August – 1 September 2023 · New York" in text_of(response)


@time_machine.travel(datetime.datetime(2023, 8, 25, 12, tzinfo=datetime.UTC), tick=False)
def test_home_shows_the_session_under_way(client, record):
    response = client.get("/")

    assert response.context["current_event"].slug == "sixth-session"
    assert "Happening now" in text_of(response)


def test_session_list_in_order_with_calendar_link(client, record):
    response = client.get("/sessions/")

    assert [s.slug for s in response.context["object_list"]] == [
        "organizational-session-2021", "session-on-organizational-matters-2022", "first-session", "second-session",
        "third-session", "fourth-session", "fifth-session", "sixth-session", "concluding-session",
        "reconvened-concluding-session", "rules-of-procedure-session-2026",
    ]  # fmt: skip
    assert links_in(response, r"webcal://[^\"]+") == ["webcal://testserver/calendar.ics"]


def test_sixth_session_page_dates_place_and_event_data(client, record):
    response = client.get("/sessions/sixth-session/")

    text = text_of(response)
    assert "Dates 21 August – 1 September 2023" in text
    assert "Plenary hours 10:00–18:00 local time (America/New_York)" in text
    assert "Place New York, United Nations Headquarters Conference Room 1" in text
    assert "Status Concluded" in text
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', response.content.decode(), re.S)
    event = json.loads(block[1])
    assert (event["@type"], event["name"], event["startDate"], event["endDate"]) == (
        "Event",
        "Sixth session",
        "2023-08-21",
        "2023-09-01",
    )
    assert event["location"]["address"]["addressLocality"] == "New York"
    assert event["url"] == "http://testserver/sessions/sixth-session/"


def test_fourth_session_page_is_in_vienna_and_lists_its_reading(client, record):
    response = client.get("/sessions/fourth-session/")

    text = text_of(response)
    assert "Place Vienna, Vienna International Centre Plenary Hall, M-Building" in text
    assert [(i.chapter.slug, i.basis.symbol) for i in response.context["session"].public_items] == [
        ("general-provisions", "A/AC.291/16"),
        ("criminalization", "A/AC.291/16"),
        ("procedural-measures-and-law-enforcement", "A/AC.291/16"),
    ]
    assert "Format Hybrid" in text


def test_session_page_groups_documents_by_kind_and_shows_reported_consultation(client, record):
    response = client.get("/sessions/second-session/")

    grouped = [
        (kind, [d.symbol or d.title for d in documents]) for kind, documents in response.context["documents_by_kind"]
    ]
    assert grouped == [
        ("Agenda", ["A/AC.291/8"]),
        ("Report", ["A/AC.291/10"]),
        ("Compilation of proposals", ["A/AC.291/9", "A/AC.291/9/Add.1"]),
        ("Chair’s report", ["Chair’s report on the first intersessional consultation"]),
    ]
    assert [c.slug for c in response.context["session"].public_consultations] == ["first-intersessional-consultation"]


def matrix_of(response):
    matrix = response.context["matrix"]
    sessions = [session.slug for session in matrix["sessions"]]
    rows = [
        (chapter.slug, [(item.basis.symbol if item.basis else item.basis_note) if item else None for item in cells])
        for chapter, cells in matrix["rows"]
    ]
    return sessions, rows


def test_second_reading_matrix(client, record):
    response = client.get("/readings/second-reading/")

    sessions, rows = matrix_of(response)
    assert sessions == ["fourth-session", "fifth-session"]
    assert rows == [
        ("preamble", [None, "A/AC.291/19"]),
        ("general-provisions", ["A/AC.291/16", None]),
        ("criminalization", ["A/AC.291/16", None]),
        ("procedural-measures-and-law-enforcement", ["A/AC.291/16", None]),
        ("international-cooperation", [None, "A/AC.291/19"]),
        ("preventive-measures", [None, "A/AC.291/19"]),
        ("technical-assistance", [None, "A/AC.291/19"]),
        ("mechanism-of-implementation", [None, "A/AC.291/19"]),
        ("final-provisions", [None, "A/AC.291/19"]),
    ]
    text = text_of(response)
    assert "A/AC.291/16 uncertain" in text
    assert "Not read" in text
    # Every cell is uncertain: the page does not call itself confirmed.
    assert "Uncertain: every fact this page lists is marked uncertain. The record itself is confirmed." in text
    assert "Certainty: Confirmed" not in text


def test_first_reading_matrix_bases(client, record):
    response = client.get("/readings/first-reading/")

    sessions, rows = matrix_of(response)
    assert sessions == ["second-session", "third-session"]
    assert dict(rows)["criminalization"] == ["Written submissions of Member States", None]
    assert dict(rows)["international-cooperation"] == [None, "A/AC.291/CRP.13"]


def test_chapter_page_follows_the_chapter_through_the_readings(client, record):
    response = client.get("/chapters/criminalization/")

    path = [(item.session.slug, item.reading.slug) for item in response.context["chapter"].public_items]
    assert path == [
        ("second-session", "first-reading"),
        ("fourth-session", "second-reading"),
        ("sixth-session", "reading-of-the-draft-text"),
    ]
    assert "Chapter II of the adopted Convention." in text_of(response)


def test_group_pages_show_facilitators_and_uncertainty(client, record):
    listing = client.get("/negotiation-groups/")
    response = client.get("/negotiation-groups/informal-negotiation-group-2/")

    sixth = text_of(client.get("/negotiation-groups/sixth-session-informal-meetings/"))

    assert len(listing.context["object_list"]) == 8
    text = text_of(response)
    assert "Molekane" not in text
    assert "Uncertain: no official source confirms this record yet." in text
    assert "H.E. Mr. Rapulane Sydney Molekane, co-facilitator (country not confirmed)" in sixth


def test_consultation_pages(client, record):
    listing = client.get("/consultations/")
    response = client.get("/consultations/second-intersessional-consultation/")

    assert [(c.number, c.start_date.isoformat()) for c in listing.context["object_list"]] == [
        (1, "2022-03-24"), (2, "2022-06-13"), (3, "2022-11-03"), (4, "2023-03-06"), (5, "2023-06-20"),
    ]  # fmt: skip
    text = text_of(response)
    assert "Dates 13–14 June 2022 (Europe/Vienna)" in text
    assert "Boardroom D, C-Building" in text
    assert "Languages English" in text
    assert (
        "Panels International cooperation Technical assistance Preventive measures Mechanism of implementation" in text
    )
    assert "Reported to Third session" in text


def test_document_registry_lists_and_filters(client, record):
    everything = client.get("/documents/")
    reports = client.get("/documents/", {"kind": "report"})
    of_session = client.get("/documents/", {"session": "reconvened-concluding-session"})
    of_year = client.get("/documents/", {"year": "2024"})
    in_french = client.get("/documents/", {"language": "fr", "kind": "resolution"})
    by_words = client.get("/documents/", {"q": "text draft"})

    fifth, sixth = (
        "Report of the Ad Hoc Committee to Elaborate a Comprehensive International Convention on Countering the Use of "
        f"Information and Communications Technologies for Criminal Purposes on its {number} session"
        for number in ("fifth", "sixth")
    )
    reconvened_methodology = (
        "Methodology for conducting the work by the Ad Hoc Committee at its reconvened concluding session proposed by "
        "the Committee Chair"
    )
    assert everything.context["paginator"].count == 43
    assert sorted(d.symbol or d.title for d in reports.context["object_list"]) == [
        "A/AC.291/10", "A/AC.291/6", "A/AC.291/7", fifth, sixth,
        "Report of the co-facilitators of the informal open-ended meeting on Group 2",
    ]  # fmt: skip
    assert sorted(d.symbol or d.title for d in of_session.context["object_list"]) == [
        "A/AC.291/22/Rev.3", "A/AC.291/24/Add.1", "A/AC.291/25/Rev.1", "A/AC.291/27",
        "Explanatory notes on the Updated draft text of the convention", reconvened_methodology,
    ]  # fmt: skip
    assert [d.symbol or d.title for d in of_year.context["object_list"]] == [
        "A/RES/79/243", "Explanatory notes on the Updated draft text of the convention", reconvened_methodology,
    ]  # fmt: skip
    assert sorted(d.symbol for d in in_french.context["object_list"]) == [
        "A/RES/74/247",
        "A/RES/75/282",
        "A/RES/79/243",
    ]
    assert sorted(d.symbol or d.title for d in by_words.context["object_list"]) == [
        "A/AC.291/22", "A/AC.291/22/Rev.3", "A/AC.291/27",
        "Draft text of the convention (version as of 2 September 2023)",
        "Explanatory notes on the Updated draft text of the convention",
        "Explanatory notes on the draft text of the convention",
    ]  # fmt: skip
    assert links_in(by_words, r"/feeds/updates/\?[^\"]+") == ["/feeds/updates/?section=documents&amp;q=text+draft"]


def test_document_registry_offers_and_accepts_published_sessions_only(client):
    published = SessionFactory(slug="first", title="First & only")
    draft = SessionFactory(slug="hidden", title="Hidden session", publication_state=DRAFT)
    document = DocumentFactory()
    document.sessions.add(published, draft)

    page = client.get("/documents/")
    of_published = client.get("/documents/", {"session": "first"})
    of_draft = client.get("/documents/", {"session": "hidden"})

    html = page.content.decode()
    assert '<option value="first">First &amp; only</option>' in html
    assert "hidden" not in html and "Hidden session" not in html
    assert [d.slug for d in of_published.context["object_list"]] == [document.slug]
    assert '<option value="first" selected>First &amp; only</option>' in of_published.content.decode()
    assert of_draft.status_code == 400
    assert "session : Select a valid choice. hidden is not one of the available choices." in text_of(of_draft)


def test_document_registry_paginates(client):
    DocumentFactory.create_batch(26)

    first = client.get("/documents/")
    second = client.get("/documents/", {"page": "2"})

    assert (len(first.context["object_list"]), len(second.context["object_list"])) == (25, 1)
    assert links_in(first, r"\?page=2") == ["?page=2"]
    in_order = list(Document.objects.published().values_list("slug", flat=True))
    assert [d.slug for d in [*first.context["object_list"], *second.context["object_list"]]] == in_order
    assert client.get("/documents/", {"page": "3"}).status_code == 404


def test_document_page_by_symbol_shows_languages_and_revisions(client, record):
    revision = client.get("/documents/A/AC.291/22/Rev.3/")
    original = client.get("/documents/A/AC.291/22/")

    assert "Revises A/AC.291/22 — Draft text of the convention" in text_of(revision)
    assert [v.language for v in revision.context["document"].version_list] == [
        "ar",
        "zh",
        "en",
        "fr",
        "ru",
        "es",
    ]
    assert links_in(revision, r"https://undocs.org/en/[^\"]+") == ["https://undocs.org/en/A/AC.291/22/Rev.3"]
    assert [d.symbol or d.title for d in original.context["document"].public_revisions] == [
        "Draft text of the convention (version as of 2 September 2023)",
        "A/AC.291/22/Rev.3",
    ]


def test_bureau_by_regional_group(client, record):
    response = client.get("/bureau/")

    assert [(m.get_role_display(), m.country) for m in response.context["officers"]] == [
        ("Chair", "Algeria"),
        ("Chair", "Brazil"),
        ("Rapporteur", "Indonesia"),
    ]
    assert [(region, [m.country for m in members]) for region, members in response.context["regions"]] == [
        ("African States", ["Egypt", "Nigeria"]),
        ("Asia-Pacific States", ["China", "Japan"]),
        ("Eastern European States", ["Estonia", "Poland", "Russian Federation"]),
        ("Latin American and Caribbean States", ["Dominican Republic", "Nicaragua", "Suriname"]),
        ("Western European and other States", ["Australia", "Portugal", "United States"]),
    ]


@time_machine.travel(datetime.datetime(2026, 11, 28, 12, tzinfo=datetime.UTC), tick=False)
def test_timeline_lists_every_event_and_draws_them(client, record):
    response = client.get("/timeline/")

    events = response.context["events"]
    assert len(events) == 11 + 5 + 9
    assert [(e.kind, e.title) for e in events[:3]] == [
        ("milestone", "The General Assembly establishes the Ad Hoc Committee"),
        ("milestone", "Organizational session, planned for August 2020, postponed"),
        ("milestone", "Organizational session, planned for 20–22 January 2021, postponed"),
    ]
    assert [e.start for e in events] == sorted(e.start for e in events)
    svg = response.content.decode().split('<svg class="timeline-picture"', 1)[1].split("</svg>", 1)[0]
    # A square per session, a circle per consultation, a diamond per milestone.
    assert (svg.count("<rect "), svg.count("<circle "), svg.count("<polygon ")) == (11, 5, 9)
    assert svg.count("<a href=") == 25
    assert svg.count('class="tl-event tl-postponement"') == 3
    # Each mark is named beside it: its date and place, and its title.
    assert ('<a href="/sessions/sixth-session/" class="tl-event tl-session"><rect x="37" y="') in svg
    assert '21 August – 1 September 2023 · New York</text><text class="tl-title" x="66"><tspan x="66" y="' in svg
    titles = re.findall(r"<tspan [^>]*>([^<]*)</tspan>", svg)
    assert "Sixth session" in titles
    # A long title goes on over several lines.
    assert titles[-6:-2] == [
        "Signing ceremony in Hanoi",
        "Session to prepare the draft text of the",
        "rules of procedure for the Conference of",
        "the States Parties",
    ]
    assert [year["label"] for year in response.context["picture"]["years"]] == list(range(2019, 2027))


@time_machine.travel(datetime.datetime(2026, 12, 6, 12, tzinfo=datetime.UTC), tick=False)
def test_timeline_marks_today_between_past_and_coming_events(client, record):
    response = client.get("/timeline/")

    picture = response.context["picture"]
    past = [row["event"].title for row in picture["rows"] if row["y"] < picture["today"]["y"]]
    coming = [row["event"].title for row in picture["rows"] if row["y"] > picture["today"]["y"]]
    html = response.content.decode()
    assert picture["today"]["label"] == "Today, 6 December 2026"
    assert (len(past), coming) == (24, ["Last day for signature at United Nations Headquarters"])
    assert "Today, 6 December 2026: events above the dashed line have happened, those below are to come" in html
    assert '<text x="66" y="' in html and ">Today, 6 December 2026</text>" in html


def test_faq_page(client, record):
    response = client.get("/faq/")

    assert response.context["entries"][0].question == "Is there a United Nations convention on cybercrime?"
    assert len(response.context["entries"]) == 9


# --- Search ----------------------------------------------------------------------------


def test_search_by_symbol_goes_to_the_document(client, record):
    exact = client.get("/search/", {"q": "A/AC.291/22/Rev.3"})
    other_spelling = client.get("/search/", {"q": "a/ac.291/crp.13"})

    assert (exact.status_code, exact["Location"]) == (302, "/documents/A/AC.291/22/Rev.3/")
    assert other_spelling["Location"] == "/documents/A/AC.291/CRP.13/"


def test_search_by_words_in_any_order(client, record):
    response = client.get("/search/", {"q": "session sixth"})

    titles = [result.title for result in response.context["results"]]
    assert titles[0] == "Sixth session"


def test_search_finds_people_groups_and_faq(client, record):
    person = client.get("/search/", {"q": "Molekane"})
    faq = client.get("/search/", {"q": "UNODC role"})

    assert [(r.kind, r.title, r.url) for r in person.context["results"]] == [
        ("Person", "H.E. Mr. Rapulane Sydney Molekane", "/negotiation-groups/sixth-session-informal-meetings/"),
    ]
    assert (
        faq.context["results"][0].title == "What is the role of the United Nations Office on Drugs and Crime (UNODC)?"
    )


def test_search_unknown_symbol_says_so(client, record):
    response = client.get("/search/", {"q": "A/AC.291/99"})

    assert response.status_code == 200
    assert "No published document has the symbol “A/AC.291/99”." in text_of(response)


def test_search_by_several_words_finds_only_records_with_every_word(client, record):
    response = client.get("/search/", {"q": "sixth session"})

    assert sorted(result.title for result in response.context["results"]) == [
        "A/AC.291/22 — Draft text of the convention",
        "Annex to the proposed methodology",
        "Annotated provisional agenda",
        "Draft text of the convention (version as of 2 September 2023)",
        "Explanatory notes on the draft text of the convention",
        "How were the negotiations conducted?",
        "Informal meetings of the sixth session",
        "List of Participants",
        "Methodology for conducting the work by the Ad Hoc Committee at its sixth session",
        "Report of the Ad Hoc Committee to Elaborate a Comprehensive International Convention on Countering the Use of "
        "Information and Communications Technologies for Criminal Purposes on its sixth session",
        "Sixth session",
    ]


def test_search_finds_a_document_by_its_edited_summary(client, record):
    document = Document.objects.get(symbol="A/AC.291/16")
    before = client.get("/search/", {"q": "zanzibar"})
    document.summary = "Agreed at the Zanzibar meeting."
    document.save()

    after = client.get("/search/", {"q": "zanzibar"})

    assert before.context["results"] == []
    assert [(r.kind, r.title, r.url, r.excerpt) for r in after.context["results"]] == [
        (
            "Document",
            "A/AC.291/16 — Consolidated negotiating document, fourth session",
            "/documents/A/AC.291/16/",
            "Agreed at the Zanzibar meeting.",
        ),
    ]


def test_search_forgets_a_document_title_after_an_edit(client, record):
    document = Document.objects.get(symbol="A/AC.291/16")
    document.title = "Zanzibar memorandum"
    document.save()

    old_title = client.get("/search/", {"q": "consolidated fourth"})
    new_title = client.get("/search/", {"q": "zanzibar memorandum"})

    assert sorted(r.title for r in old_title.context["results"]) == [
        "Fourth session",
        "How were the negotiations conducted?",
    ]
    assert [r.title for r in new_title.context["results"]] == ["A/AC.291/16 — Zanzibar memorandum"]


# A person's link needs their public roles: two more queries when a person is found. The signatories
# are read when a country's name matches ("Viet", no participant in this record: one query more).
SEARCH_QUERIES = {"zzzz": 10, "sixth session": 10, "Molekane": 12, "Viet": 11}


@pytest.mark.parametrize("query", list(SEARCH_QUERIES))
def test_search_runs_a_fixed_number_of_queries(client, record, cold_caches, query, django_assert_num_queries):
    with django_assert_num_queries(SEARCH_QUERIES[query]):
        response = client.get("/search/", {"q": query})

    assert response.status_code == 200


def test_search_targets_match_the_search_columns_of_the_migration():
    migrations = [importlib.import_module(f"committee.migrations.{name}") for name in SEARCH_MIGRATIONS]

    searched = [(model.__name__, title, other) for model, _label, title, other, *_rest in TARGETS]

    assert searched == [
        (model, title, other) for migration in migrations for model, _prefix, title, other in migration.SEARCHED
    ]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="indexes of PostgreSQL's full-text search")
def test_search_uses_the_indexes_on_postgresql(papers):
    indexes = ("document_search_idx", "document_symbol_trgm_idx", "document_title_trgm_idx")
    with connection.cursor() as cursor:
        for index in indexes:  # as autovacuum would: new entries wait in a list that the planner counts
            cursor.execute("SELECT gin_clean_pending_list(%s::regclass)", [index])
        cursor.execute("ANALYZE committee_document")
    with CaptureQueriesContext(connection) as captured:
        search_record("draft")
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")  # short rows are still cheap to read whole
        cursor.execute("EXPLAIN " + captured.captured_queries[0]["sql"])
        plan = "\n".join(row[0] for row in cursor.fetchall())

    assert 'FROM "committee_document"' in captured.captured_queries[0]["sql"]
    for index in indexes:
        assert f"Bitmap Index Scan on {index}" in plan, plan


@pytest.mark.django_db(transaction=True)
def test_search_migration_reverses_and_applies_again():
    call_command("migrate", "committee", "0001", verbosity=0)
    call_command("migrate", "committee", verbosity=0)
    DocumentFactory(symbol=None, title="Zanzibar memorandum", summary="Agreed at the Zanzibar meeting.")

    results = search_record("zanzibar meeting")

    assert [(r.kind, r.title, r.excerpt) for r in results] == [
        ("Document", "Zanzibar memorandum", "Agreed at the Zanzibar meeting."),
    ]


# --- Drafts ----------------------------------------------------------------------------


def test_drafts_appear_on_no_public_page(client, record):
    Session.objects.filter(slug="sixth-session").update(publication_state=DRAFT)
    Document.objects.filter(symbol="A/AC.291/16").update(publication_state=DRAFT)
    Chapter.objects.filter(slug="jurisdiction").update(publication_state=DRAFT)
    Milestone.objects.filter(slug="convention-adopted").update(publication_state=DRAFT)
    NegotiationGroup.objects.filter(slug="consistency-group").update(publication_state=DRAFT)
    Consultation.objects.filter(number=5).update(publication_state=DRAFT)
    pages = [
        "/", "/sessions/", "/readings/", "/readings/second-reading/", "/chapters/", "/chapters/criminalization/",
        "/negotiation-groups/", "/consultations/", "/documents/", "/timeline/", "/sessions/fourth-session/",
        "/search/?q=sixth", "/search/?q=A/AC.291/16", "/search/?q=jurisdiction",
    ]  # fmt: skip

    contents = {page: client.get(page).content.decode() for page in pages}

    for page, content in contents.items():
        assert "/sessions/sixth-session/" not in content, page
        assert "/documents/A/AC.291/16/" not in content, page
        if "?q=" not in page:
            assert "A/AC.291/16" not in content, page
        assert "/chapters/jurisdiction/" not in content, page
        assert "Adopts the United Nations Convention" not in content, page
        assert "/negotiation-groups/consistency-group/" not in content, page
        assert "/consultations/fifth-intersessional-consultation/" not in content, page
    details = ["/sessions/sixth-session/", "/documents/A/AC.291/16/", "/documents/a-ac-291-16/",
               "/chapters/jurisdiction/", "/negotiation-groups/consistency-group/",
               "/consultations/fifth-intersessional-consultation/"]  # fmt: skip
    assert [client.get(page).status_code for page in details] == [404] * len(details)


def test_draft_reading_item_basis_is_not_linked(client, record):
    Document.objects.filter(symbol="A/AC.291/19").update(publication_state=DRAFT)

    response = client.get("/readings/second-reading/")

    assert "A/AC.291/19" not in response.content.decode()


def test_staff_preview_of_a_draft_shows_the_banner(editor_client):
    SessionFactory(slug="draft-session", title="Draft session", publication_state=DRAFT)

    staff = editor_client.get("/sessions/draft-session/")
    visitor = Client().get("/sessions/draft-session/")

    assert staff.status_code == 200
    assert "Draft — not public. Only staff can see this page." in text_of(staff)
    assert visitor.status_code == 404


def test_staff_preview_of_a_draft_session_lists_its_published_documents(editor_client):
    session = SessionFactory(slug="draft-session", title="Draft session", publication_state=DRAFT)
    session.documents.add(
        DocumentFactory(symbol="A/AC.291/900", title="Shown"),
        DocumentFactory(symbol="A/AC.291/901", title="Held back", publication_state=DRAFT),
    )

    content = editor_client.get("/sessions/draft-session/").content.decode()

    assert '<a href="/documents/A/AC.291/900/"><span class="symbol">A/AC.291/900</span> — Shown</a>' in content
    assert "A/AC.291/901" not in content


# --- Bad input -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "status", "message"),
    [
        ("/documents/?page=abc", 400, "page : A positive whole number is required, such as 1 or 2."),
        ("/documents/?page=-1", 400, "page : A positive whole number is required, such as 1 or 2."),
        ("/documents/?page=0", 400, "page : A positive whole number is required, such as 1 or 2."),
        ("/documents/?page=last", 400, "page : A positive whole number is required, such as 1 or 2."),
        ("/documents/?page=99999", 404, "Invalid page (99999): That page contains no results"),
        ("/documents/?year=x", 400, "year : Enter a whole number."),
        ("/documents/?year=1200", 400, "year : Ensure this value is greater than or equal to 1945."),
        (
            "/documents/?kind=nonsense",
            400,
            "kind : Select a valid choice. nonsense is not one of the available choices.",
        ),
        (
            "/documents/?session=no-such-session",
            400,
            "session : Select a valid choice. no-such-session is not one of the available choices.",
        ),
        ("/documents/?language=xx", 400, "language : Select a valid choice. xx is not one of the available choices."),
        ("/documents/?q=" + "x" * 201, 400, "q : Ensure this value has at most 200 characters (it has 201)."),
        ("/search/?q=" + "x" * 201, 400, "q : Use at most 200 characters."),
        ("/search/?q=a%00b", 400, "q : Null characters are not allowed."),
        ("/sessions/no-such-session/", 404, "There is no public page at /sessions/no-such-session/."),
        ("/documents/A/AC.291/99/", 404, "No document has the symbol “A/AC.291/99”."),
        ("/documents/not/a/symbol/", 404, "No document has the symbol “not/a/symbol”."),
    ],
)
def test_bad_input_gets_a_clear_answer(client, path, status, message):
    DocumentFactory(symbol="A/AC.291/22")

    response = client.get(path)

    assert response.status_code == status
    assert message in text_of(response)


def test_not_found_and_server_error_pages_in_site_design(client):
    not_found = client.get("/no/such/page/")
    server_error = render_to_string("500.html")

    assert not_found.status_code == 404
    assert '<a class="skip-link" href="#content">' in not_found.content.decode()
    assert "<h1>Something went wrong on our side</h1>" in server_error
    assert "/static/css/site.css" in server_error


# --- Caching-friendly, accessible markup -----------------------------------------------

PUBLIC_PAGES = [
    "/", "/sessions/", "/sessions/sixth-session/", "/readings/", "/readings/first-reading/", "/chapters/",
    "/chapters/criminalization/", "/negotiation-groups/", "/negotiation-groups/informal-negotiation-group-2/",
    "/consultations/", "/consultations/first-intersessional-consultation/", "/documents/",
    "/documents/A/AC.291/22/Rev.3/", "/bureau/", "/timeline/", "/faq/", "/search/?q=draft",
]  # fmt: skip


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_anonymous_page_sets_no_cookie_and_holds_no_csrf_token(client, record, path):
    response = client.get(path)

    assert response.status_code == 200
    assert "Set-Cookie" not in response.headers
    assert response.cookies == {}
    assert "csrfmiddlewaretoken" not in response.content.decode()


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_page_structure_one_h1_ordered_headings_landmarks(client, record, path):
    html = client.get(path).content.decode()

    levels = [int(level) for level in re.findall(r"<h([1-6])[ >]", html)]
    assert levels.count(1) == 1
    assert all(b - a <= 1 for a, b in itertools.pairwise(levels)), levels
    assert re.search(r'<html lang="en"', html)
    assert html.index('class="skip-link"') < html.index("<header")
    assert all(tag in html for tag in ("<header", "<nav", '<main id="content"', "<footer"))
    assert "style=" not in html
    assert "<script>" not in html


# --- Query counts: fixed whatever the number of records --------------------------------


def make_record(count: int) -> dict:
    """A record in which the record of each detail page has ``count`` of each relation its page
    shows (a language version for up to six), and each list ``count`` records, each with its own.

    Every page reads its relations whole or column by column: a column left out, that the page
    shows after all, costs a query per record, and the count differs from the budget.
    """
    key = DocumentFactory(revises=DocumentFactory(), date=datetime.date(2024, 12, 24), certainty="likely")
    sessions = [SessionFactory(mandate=key) for _ in range(count)]
    chapters = ChapterFactory.create_batch(count)
    documents = [DocumentFactory(revises=key) for _ in range(count)]
    first_session, first_chapter = sessions[0], chapters[0]
    key.sessions.add(*sessions)
    key.chapters.add(*chapters)
    first_session.documents.add(*documents)
    first_chapter.documents.add(*documents)
    for language in Language.values[:count]:
        DocumentVersionFactory(document=key, language=language)
    for document in documents:
        DocumentVersionFactory(document=document, language=Language.FRENCH)
    reading = ReadingFactory(slug="the-reading")
    reading.sessions.set(sessions)
    cells = {(chapter, first_session) for chapter in chapters} | {(first_chapter, session) for session in sessions}
    for chapter, session in cells:
        ReadingItem.objects.create(reading=reading, chapter=chapter, session=session, basis=key, certainty="likely")
    groups = NegotiationGroupFactory.create_batch(count)
    stakeholders = StakeholderFactory.create_batch(count)
    consultations = [
        ConsultationFactory(
            reported_to=first_session, chair_report=key, start_date=session.start_date, end_date=session.end_date
        )
        for session in sessions
    ]
    for group, consultation, session in zip(groups, consultations, sessions, strict=True):
        group.sessions.add(*sessions)
        group.chapters.add(*chapters)
        group.reports.add(key, *documents)
        FacilitationFactory(group=groups[0], country="Algeria")
        consultation.documents.add(key, *documents)
        consultation.stakeholders.add(*stakeholders)
        MilestoneFactory(document=key, session=session, date=session.start_date, end_date=session.end_date)
        FAQEntryFactory().sources.add(SourceFactory())
        BureauMembershipFactory().sources.add(SourceFactory())
    for shown in (key, first_session, reading, first_chapter, groups[0], consultations[0]):
        shown.sources.add(*SourceFactory.create_batch(count))
    return {
        "session": first_session.get_absolute_url(),
        "reading": reading.get_absolute_url(),
        "chapter": first_chapter.get_absolute_url(),
        "group": groups[0].get_absolute_url(),
        "consultation": consultations[0].get_absolute_url(),
        "document": key.get_absolute_url(),
    }


# Public pages run outside a transaction (committee/urls.py): no savepoint around the request.
LIST_PAGES = {
    "/": 10, "/sessions/": 2, "/readings/": 3, "/chapters/": 2, "/negotiation-groups/": 4, "/consultations/": 2,
    "/documents/": 6, "/documents/?page=1&kind=report": 6, "/bureau/": 3, "/timeline/": 4, "/faq/": 3,
    "/search/?q=session": 10,
}  # fmt: skip


# Each page in each language: a language adds no query (its texts are columns of the same rows).
PREFIXES = ["" if code == settings.LANGUAGE_CODE else f"/{code}" for code, _name in settings.LANGUAGES]


@pytest.mark.parametrize("prefix", PREFIXES)
@pytest.mark.parametrize("count", [1, 5])
@pytest.mark.parametrize("path", list(LIST_PAGES))
def test_list_pages_run_a_fixed_number_of_queries(client, count, path, prefix, cold_caches, django_assert_num_queries):
    make_record(count)

    with django_assert_num_queries(LIST_PAGES[path]):
        response = client.get(prefix + path)

    assert response.status_code == 200


DETAIL_PAGES = {"session": 7, "reading": 5, "chapter": 7, "group": 7, "consultation": 5, "document": 12}


@pytest.mark.parametrize("prefix", PREFIXES)
@pytest.mark.parametrize("count", [1, 5])
@pytest.mark.parametrize("kind", list(DETAIL_PAGES))
def test_detail_pages_run_a_fixed_number_of_queries(
    client, count, kind, prefix, cold_caches, django_assert_num_queries
):
    path = make_record(count)[kind]

    with django_assert_num_queries(DETAIL_PAGES[kind]):
        response = client.get(prefix + path)

    assert response.status_code == 200


@pytest.mark.parametrize(
    ("path", "status", "queries"),
    [
        ("/sessions/sixth-session/", 200, 7),
        ("/readings/second-reading/", 200, 5),
        ("/chapters/criminalization/", 200, 6),  # no group: no query for their sessions
        ("/negotiation-groups/informal-negotiation-group-2/", 200, 7),
        ("/consultations/second-intersessional-consultation/", 200, 5),
        ("/documents/A/AC.291/22/Rev.3/", 200, 12),
        ("/documents/a-ac-291-22-rev-3/", 200, 12),
        # A resolution, with milestones, sessions it mandated and revisions.
        ("/documents/A/RES/79/243/", 200, 12),
        ("/documents/A/RES/75/282/", 200, 12),
        # Another spelling: only the symbol is read, for the redirect.
        ("/documents/a/ac.291/22/rev.3/", 301, 1),
        ("/documents/A/AC.291/99/", 404, 2),
        ("/documents/not/a/symbol/", 404, 1),
        ("/sessions/no-such-session/", 404, 2),
    ],
)
def test_pages_of_the_record_keep_their_query_budget(client, record, cold_caches, path, status, queries):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)

    assert (response.status_code, len(captured.captured_queries)) == (status, queries)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the index is made on PostgreSQL only")
def test_registry_pages_are_read_from_the_order_index_on_postgresql(client, papers):
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE committee_document")
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/documents/?page=3")
    page_query = next(q["sql"] for q in captured.captured_queries if "LIMIT 25 OFFSET 50" in q["sql"])
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN " + page_query)
        plan = "\n".join(row[0] for row in cursor.fetchall())

    assert response.status_code == 200
    assert "Index Scan using document_registry_order on committee_document" in plan, plan
    assert "Sort" not in plan, plan


def test_document_registry_links_each_language_text_of_a_row(client):
    document = DocumentFactory(symbol="A/AC.291/30", title="Texts")
    for language in ("fr", "ar", "en"):
        DocumentVersionFactory(document=document, language=language, url=f"https://undocs.org/{language}/A/AC.291/30")

    page = client.get("/documents/")

    assert links_in(page, r"https://undocs\.org/[a-z]+/A/AC\.291/30") == [
        "https://undocs.org/ar/A/AC.291/30",
        "https://undocs.org/en/A/AC.291/30",
        "https://undocs.org/fr/A/AC.291/30",
    ]
    (cell,) = re.findall(r'<td class="languages">(.*?)</td>', page.content.decode())
    assert re.findall(r'hreflang="([a-z]+)"', cell) == ["ar", "en", "fr"]


def test_document_registry_lists_undated_documents_by_their_symbols_numbers(client):
    for symbol in ("A/AC.291/10", "A/AC.291/CRP.2", "A/AC.291/6", "A/AC.291/22/Rev.1", "A/AC.291/22"):
        DocumentFactory(symbol=symbol, date=None)
    DocumentFactory(symbol=None, title="No symbol", date=None)
    DocumentFactory(symbol="A/AC.291/99", date=datetime.date(2024, 1, 1))

    page = client.get("/documents/")

    assert [d.symbol or d.title for d in page.context["object_list"]] == [
        "A/AC.291/99", "A/AC.291/6", "A/AC.291/10", "A/AC.291/22", "A/AC.291/22/Rev.1", "A/AC.291/CRP.2", "No symbol",
    ]  # fmt: skip


def test_document_registry_orders_the_record_by_symbols_numbers_across_pages(client, record):
    first = client.get("/documents/")
    second = client.get("/documents/", {"page": "2"})

    undated = [d.symbol for d in [*first.context["object_list"], *second.context["object_list"]] if d.date is None]
    assert undated[:15] == [
        "A/AC.291/6", "A/AC.291/7", "A/AC.291/8", "A/AC.291/9", "A/AC.291/9/Add.1", "A/AC.291/10", "A/AC.291/11",
        "A/AC.291/16", "A/AC.291/19", "A/AC.291/22", "A/AC.291/22/Rev.3", "A/AC.291/24/Add.1", "A/AC.291/25/Rev.1",
        "A/AC.291/27", "A/AC.291/CRP.13",
    ]  # fmt: skip
    assert set(undated[15:]) == {None}


def test_document_registry_empty_filter_choices_read_all(client):
    page = client.get("/documents/")

    assert re.findall(r'<option value="" selected>([^<]*)</option>', page.content.decode()) == ["All", "All", "All"]


def test_session_pages_name_their_chapters_read_in_one_row_and_their_note_once(client, record):
    response = client.get("/sessions/sixth-session/")

    html = response.content.decode()
    table = html[html.index('id="chapters-caption"') : html.index("</table>")]
    rows = re.findall(r"<tr>\s*<th scope=\"row\">.*?</tr>", table, re.S)
    assert len(rows) == 1
    assert re.sub(r"<[^>]+>", "", rows[0].split("<td>", 1)[1].split("</td>", 1)[0]) == (
        "10 chapters: Preamble, General provisions, Criminalization, Jurisdiction, Procedural measures and law "
        "enforcement, International cooperation, Preventive measures, Technical assistance and information "
        "exchange, Mechanism of implementation, Final provisions"
    )
    second = client.get("/sessions/second-session/").content.decode()
    note = Session.objects.get(slug="second-session").certainty_note
    assert note != ""
    assert second.count(note) == 1


def test_a_document_tag_stands_apart_and_appears_once_per_fact(client, record):
    chapter = client.get("/chapters/criminalization/")
    document = client.get("/documents/A/AC.291/22/")

    path = text_of(chapter)
    assert "A/AC.291/16 — Consolidated negotiating document, fourth session uncertain" in path
    assert "uncertain uncertain" not in path and "likely, not confirmed likely" not in path
    assert len(re.findall(r"basis for the chapters? ", text_of(document))) == 1


def test_search_finds_milestones_and_marks_the_words_found(client, record):
    hanoi = client.get("/search/", {"q": "Hanoi"})
    ceremony = client.get("/search/", {"q": "signing ceremony"})

    assert [(r.kind, r.url) for r in hanoi.context["results"]] == [
        ("Milestone", "/timeline/#signing-ceremony-hanoi"),
        ("Question", "/faq/#is-there-a-united-nations-convention-on-cybercrime"),
        ("Milestone", "/timeline/#signature-at-headquarters-closes"),
    ]
    assert [r.title for r in ceremony.context["results"]][:1] == ["Signing ceremony in Hanoi"]
    assert '<a href="/timeline/#signing-ceremony-hanoi">Signing ceremony in <mark>Hanoi</mark></a>' in (
        hanoi.content.decode()
    )


def test_search_highlight_escapes_what_it_marks():
    marked = highlight("Tom & Jerry <b>amp</b>", "amp <b>")

    assert marked == "Tom &amp; Jerry <mark>&lt;b&gt;</mark><mark>amp</mark>&lt;/b&gt;"
    assert highlight("No word", "") == "No word"


def test_search_without_result_suggests_what_to_try(client, record):
    response = client.get("/search/", {"q": "zzzz"})

    text = text_of(response)
    assert "0 results for “zzzz”. What to try Fewer words, or other words" in text
    suggestions = response.content.decode().split('id="suggestions-heading"', 1)[1].split("</section>", 1)[0]
    assert re.findall(r'href="([^"]+)"', suggestions) == ["/documents/", "/timeline/", "/sessions/"]


@pytest.mark.parametrize(
    ("path", "canonical"),
    [
        ("/", "http://testserver/"),
        ("/sessions/sixth-session/?utm_source=newsletter&fbclid=x", "http://testserver/sessions/sixth-session/"),
        ("/documents/?utm_campaign=x&kind=report&year=&page=1", "http://testserver/documents/?kind=report"),
        ("/documents/?q=draft&kind=draft-text&page=2", "http://testserver/documents/?kind=draft-text&q=draft&page=2"),
        ("/search/?q=Hanoi&ref=home", "http://testserver/search/?q=Hanoi"),
    ],
)
def test_every_page_names_its_canonical_address_without_tracking_parameters(client, record, path, canonical):
    response = client.get(path)

    html = response.content.decode()
    assert re.findall(r'<link rel="canonical" href="([^"]+)">', html) == [canonical.replace("&", "&amp;")]


def test_every_page_offers_a_citation_with_its_title_date_checked_and_address(client, record):
    response = client.get("/sessions/sixth-session/?utm_source=x")

    assert (
        '<p class="site-footer__cite">Cite this page: <cite>Sixth session</cite>, AHC Portal, record checked '
        '<time datetime="2026-12-06">6 December 2026</time>, <a href="http://testserver/sessions/sixth-session/">'
        "http://testserver/sessions/sixth-session/</a>.</p>"
    ) in footer_of(response)


def test_a_registry_page_of_several_says_so_in_print(client):
    DocumentFactory.create_batch(26, kind="report")
    DocumentFactory(kind="agenda")

    one_page = client.get("/documents/", {"kind": "agenda"})
    second = client.get("/documents/", {"kind": "report", "page": "2"})

    assert "print-only" not in one_page.content.decode()
    assert (
        '<p class="print-only">This is page 2 of 2 of the 26 documents listed at '
        "http://testserver/documents/?kind=report.</p>"
    ) in second.content.decode()


def test_the_record_says_it_was_checked_on_6_december_2026(client, record):
    response = client.get("/")

    assert (
        '<p class="site-footer__checked">The record was last checked against its sources on '
        '<time datetime="2026-12-06">6 December 2026</time>.</p>'
    ) in footer_of(response)


def test_bureau_shows_each_chairs_term_and_why_the_second_is_not_confirmed(client, record):
    response = client.get("/bureau/")

    assert (
        "Note: Elected Chair at the session of January 2026, as the EU’s statement of 26 January 2026 reports; "
        "his country is Brazil, whose ambassador to Austria he became in 2025. No stored official page names him yet."
    ) in text_of(response)
    assert (
        "Role Name Country Regional group Term "
        "Chair H.E. Ms. Faouzia Boumaiza Mebarki Algeria African States 10 May 2021 – 26 January 2026 "
        "Chair H.E. Mr. Eduardo Paes Saboia Brazil Latin American and Caribbean States "
        "from 26 January 2026 "
        "Rapporteur Mr. Arsi Dwinugra Firdausy Indonesia Asia-Pacific States from 10 May 2021 "
        "Vice-Chairs by regional group"
    ) in text_of(response)
