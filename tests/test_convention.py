"""The Convention after adoption: entry into force computed under article 65(1), the pages
/convention/ and /convention/status/, the CSV, the feed's entries and the home page's counts."""

import csv
import datetime
import io
import re

import pytest
import time_machine
from django.core.exceptions import ValidationError

from committee.convention import (
    INSTRUMENTS_NEEDED,
    Instrument,
    deposited_instruments,
    entry_into_force,
    status_picture,
    status_summary,
)
from committee.models import (
    ActionKind,
    Certainty,
    DatePrecision,
    ParticipantKind,
    PublicationState,
    RegionalGroup,
    TreatyAction,
)
from committee.worldmap import world_map
from tests.factories import (
    ArticleFactory,
    ChapterFactory,
    ConventionChapterFactory,
    ParticipantFactory,
    SessionFactory,
    SourceFactory,
    TreatyActionFactory,
)

DAY = datetime.date(2026, 3, 2)
DRAFT = PublicationState.DRAFT


def days(count, start=DAY):
    return [Instrument(start + datetime.timedelta(days=n)) for n in range(count)]


# --- Entry into force (article 65(1)) ---------------------------------------------------


def test_entry_into_force_before_the_fortieth_instrument_has_no_date():
    force = entry_into_force(days(39))

    assert (force.counted, force.remaining, force.fortieth, force.date) == (39, 1, None, None)


def test_entry_into_force_on_the_ninetieth_day_after_the_fortieth_instrument():
    force = entry_into_force(days(40))

    # The fortieth was deposited on 10 April 2026 (2 March + 39 days); + 90 days.
    assert (force.counted, force.remaining, force.fortieth, force.date) == (
        40,
        0,
        datetime.date(2026, 4, 10),
        datetime.date(2026, 7, 9),
    )


def test_entry_into_force_date_does_not_move_with_later_instruments_or_their_order():
    instruments = days(45)

    force = entry_into_force(reversed(instruments))

    assert (force.counted, force.fortieth, force.date) == (45, datetime.date(2026, 4, 10), datetime.date(2026, 7, 9))


def test_entry_into_force_does_not_count_an_organizations_instrument():
    # 39 States, then the European Union, whose instrument is not additional to its members'.
    instruments = [*days(39), Instrument(datetime.date(2026, 5, 1), by_organization=True)]

    force = entry_into_force(instruments)

    assert (force.counted, force.remaining, force.date) == (39, 1, None)


def test_entry_into_force_date_arithmetic_matches_the_depositarys_practice():
    # The same words in the Convention against Corruption (art. 68(1)): its thirtieth instrument was
    # deposited on 15 September 2005 and it entered into force on 14 December 2005.
    force = entry_into_force([Instrument(datetime.date(2005, 9, 15))] * INSTRUMENTS_NEEDED)

    assert force.date == datetime.date(2005, 12, 14)


def test_entry_into_force_across_a_year_end_and_a_leap_day():
    force = entry_into_force([Instrument(datetime.date(2027, 12, 15))] * 40)

    assert force.date == datetime.date(2028, 3, 14)  # 16 days of December, 31 + 29 (leap year), 14


@pytest.mark.django_db
def test_only_confirmed_instruments_count_and_an_organizations_is_marked():
    eu = ParticipantFactory(country="EU", kind=ParticipantKind.ORGANIZATION, regional_group="")
    actions = [
        TreatyActionFactory(participant=ParticipantFactory(country="QA"), kind=ActionKind.RATIFICATION, date=DAY),
        TreatyActionFactory(
            participant=ParticipantFactory(country="AZ"),
            kind=ActionKind.RATIFICATION,
            certainty=Certainty.SECONDARY,
        ),
        TreatyActionFactory(participant=eu, kind=ActionKind.APPROVAL, date=DAY),
        TreatyActionFactory(participant=ParticipantFactory(country="FR")),
    ]

    instruments = deposited_instruments(actions)

    assert instruments == [Instrument(DAY, False), Instrument(DAY, True)]


# --- The records ------------------------------------------------------------------------


@pytest.mark.django_db
def test_an_instrument_needs_its_day_and_a_signature_may_be_known_to_the_month():
    participant = ParticipantFactory(country="VN", regional_group=RegionalGroup.ASIA_PACIFIC)
    signature = TreatyActionFactory.build(
        participant=participant, date=datetime.date(2025, 10, 1), date_precision=DatePrecision.MONTH
    )
    instrument = TreatyActionFactory.build(
        participant=participant,
        kind=ActionKind.RATIFICATION,
        date=datetime.date(2026, 1, 1),
        date_precision=DatePrecision.MONTH,
    )

    signature.full_clean()
    with pytest.raises(ValidationError) as error:
        instrument.full_clean()

    assert (signature.date_label, signature.iso_date) == ("October 2025", "2025-10")
    assert list(error.value.message_dict) == ["date_precision"]


@pytest.mark.django_db
def test_a_second_instrument_of_a_participant_is_a_field_error():
    participant = ParticipantFactory(country="QA", regional_group=RegionalGroup.ASIA_PACIFIC)
    TreatyActionFactory(participant=participant, kind=ActionKind.RATIFICATION)
    second = TreatyActionFactory.build(participant=participant, kind=ActionKind.ACCESSION)

    with pytest.raises(ValidationError) as error:
        second.full_clean()

    assert error.value.message_dict == {"kind": ["This participant’s instrument is already recorded."]}


@pytest.mark.django_db
def test_an_organization_has_no_regional_group_and_a_state_has_one():
    eu = ParticipantFactory.build(country="EU", kind=ParticipantKind.ORGANIZATION, regional_group="weog")
    state = ParticipantFactory.build(country="FR", regional_group="")

    errors = []
    for participant in (eu, state):
        with pytest.raises(ValidationError) as error:
            participant.full_clean()
        errors.append(error.value.message_dict)

    assert errors == [
        {"regional_group": ["An organization belongs to no regional group."]},
        {"regional_group": ["Choose the State’s regional group."]},
    ]


# --- /convention/ ----------------------------------------------------------------------


def article_items(html):
    return re.findall(r'<li id="(article-\d+)"><a class="article-number" href="#article-\d+">([^<]+)</a> '
                      r'<span class="article-title">([^<]+)</span>', html)  # fmt: skip


@pytest.mark.django_db
def test_convention_page_lists_parts_and_articles_with_anchors_and_negotiation_chapters(client):
    negotiation = ChapterFactory(title="Criminalization", slug="criminalization")
    part = ConventionChapterFactory(numeral="II", title="Criminalization", slug="criminalization", order=2)
    ConventionChapterFactory(numeral="", title="Preamble", slug="preamble", order=0, summary="Why the Convention.")
    ArticleFactory(number=8, title="Illegal interception", chapter=part)
    ArticleFactory(number=7, title="Illegal access", chapter=part).negotiation_chapters.add(negotiation)

    html = client.get("/convention/").content.decode()

    assert article_items(html) == [
        ("article-7", "Article 7", "Illegal access"),
        ("article-8", "Article 8", "Illegal interception"),
    ]
    assert re.findall(r'<h2 id="([-a-z]+)-heading">([^<]+)</h2>', html) == [
        ("parts", "Contents"),
        ("preamble", "Preamble"),
        ("criminalization", "Chapter II. Criminalization"),
        ("convention-sources", "Sources and certainty"),
    ]
    assert '· negotiated in <a href="/chapters/criminalization/">Criminalization</a>' in html
    assert "Why the Convention." in html


@pytest.mark.django_db
def test_convention_page_hides_draft_articles_and_the_articles_of_a_draft_part(client):
    part = ConventionChapterFactory(numeral="I", title="General provisions")
    hidden_part = ConventionChapterFactory(numeral="IX", title="Final provisions", publication_state=DRAFT)
    ArticleFactory(number=2, title="Use of terms (draft)", chapter=part, publication_state=DRAFT)
    ArticleFactory(number=65, title="Entry into force", chapter=hidden_part)
    ArticleFactory(number=1, title="Statement of purpose", chapter=part)
    draft_negotiation = ChapterFactory(title="Secret chapter", publication_state=DRAFT)
    part.negotiation_chapters.add(draft_negotiation)

    html = client.get("/convention/").content.decode()

    assert article_items(html) == [("article-1", "Article 1", "Statement of purpose")]
    assert ("Final provisions" in html, "Secret chapter" in html, "draft" in html) == (False, False, False)


@pytest.mark.parametrize("count", [1, 5])
def test_convention_page_runs_a_fixed_number_of_queries(client, db, count, cold_caches, django_assert_num_queries):
    for n in range(count):
        part = ConventionChapterFactory(numeral=str(n + 1))
        part.sources.add(SourceFactory())
        part.negotiation_chapters.add(ChapterFactory())
        for _ in range(count):
            ArticleFactory(chapter=part).negotiation_chapters.add(ChapterFactory())

    # Parts, their sources, their negotiation chapters, articles, the articles' negotiation chapters.
    with django_assert_num_queries(6):
        response = client.get("/convention/")

    assert len(article_items(response.content.decode())) == count * count


# --- /convention/status/ ---------------------------------------------------------------


def status_rows(html):
    """(anchor, name, group, signature cell text, instrument cell text) of each row of the table."""
    body = html.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    rows = []
    for anchor, cells in re.findall(r'<tr id="([a-z]{2})">(.*?)</tr>', body, re.S):
        texts = [
            re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", cell)).strip()
            for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", cells, re.S)
        ]
        rows.append((anchor, *texts))
    return rows


@pytest.fixture
def status_record(db):
    """Four participants: France and Ghana signed, Ghana ratified; the EU signed; a draft one."""
    untc = SourceFactory(url="https://treaties.un.org/example", title="Depositary status")
    france = ParticipantFactory(country="FR", regional_group=RegionalGroup.WEOG)
    ghana = ParticipantFactory(country="GH", regional_group=RegionalGroup.AFRICAN)
    eu = ParticipantFactory(country="EU", kind=ParticipantKind.ORGANIZATION, regional_group="")
    hidden = ParticipantFactory(country="CL", regional_group=RegionalGroup.GRULAC, publication_state=DRAFT)
    TreatyActionFactory(participant=france, date=datetime.date(2025, 10, 26)).sources.add(untc)
    TreatyActionFactory(participant=ghana, date=datetime.date(2025, 10, 25)).sources.add(untc)
    TreatyActionFactory(
        participant=ghana, kind=ActionKind.RATIFICATION, date=datetime.date(2026, 2, 3), notification="C.N.1.2026"
    ).sources.add(untc)
    TreatyActionFactory(participant=eu, date=datetime.date(2025, 10, 1), date_precision=DatePrecision.MONTH,
                        certainty=Certainty.SECONDARY)  # fmt: skip
    # A draft ratification of France, and the draft participant's signature: neither is public.
    TreatyActionFactory(participant=france, kind=ActionKind.RATIFICATION, publication_state=DRAFT)
    TreatyActionFactory(participant=hidden)
    return {"france": france, "ghana": ghana, "eu": eu}


def test_status_page_shows_the_table_by_name_with_drafts_hidden(client, status_record):
    html = client.get("/convention/status/").content.decode()

    assert status_rows(html) == [
        ("eu", "European Union", "Regional economic integration organization", "October 2025 (secondary sources)", "—"),
        ("fr", "France", "Western European and other States", "26 October 2025 [1]", "—"),
        ("gh", "Ghana", "African States", "25 October 2025 [1]", "Ratification: 3 February 2026 [1]"),
    ]
    # The draft participant: on the map as any country that has not signed, nowhere else.
    assert map_countries(html)["Chile"] == ""
    assert "Chile" not in html.replace("<title>Chile</title>", "", 1)


def test_status_page_counts_and_says_what_entry_into_force_needs(client, status_record):
    html = client.get("/convention/status/").content.decode()

    facts = re.findall(r"<dt>([^<]+)</dt><dd>(.*?)</dd>", html)
    assert [(term, re.sub(r"<[^>]+>", "", value)) for term, value in facts] == [
        ("Signatories", "3"),
        ("Instruments deposited", "1"),
        ("Counted toward entry into force", "1 of 40"),
        ("Entry into force", "Not yet: 39 more instruments are needed."),
    ]
    assert "article 65, paragraph 1" in html


@pytest.mark.parametrize(
    ("prefix", "names"),
    [
        ("", ["Russian Federation", "United Kingdom of Great Britain and Northern Ireland", "Viet Nam"]),
        ("/fr", ["Fédération de Russie", "Royaume-Uni de Grande-Bretagne et d’Irlande du Nord", "Viet Nam"]),
        ("/zh-hans", ["俄罗斯联邦", "大不列颠及北爱尔兰联合王国", "越南"]),
    ],
)
def test_status_page_names_states_as_the_un_does_in_the_pages_language(client, db, prefix, names):
    for code in ("RU", "GB", "VN"):
        TreatyActionFactory(participant=ParticipantFactory(country=code), date=datetime.date(2025, 10, 25))

    html = client.get(f"{prefix}/convention/status/").content.decode()

    assert sorted(name for _, name, *_ in status_rows(html)) == sorted(names)


def test_the_csv_and_the_api_name_states_as_the_un_does_in_english(client, db):
    TreatyActionFactory(participant=ParticipantFactory(country="KP"), date=datetime.date(2025, 10, 25))

    rows = list(csv.reader(io.StringIO(client.get("/convention/status.csv").content.decode())))
    api = client.get("/api/v1/participants/").json()

    assert rows[1][:2] == ["KP", "Democratic People's Republic of Korea"]
    assert [item["name"] for item in api["results"]] == ["Democratic People's Republic of Korea"]


@pytest.mark.parametrize(
    ("query", "anchors"),
    [
        ("?sort=signature", ["eu", "gh", "fr"]),  # a date known to the month sorts on its first day
        ("?sort=instrument", ["gh", "eu", "fr"]),  # those without one last, by name
        ("?group=african", ["gh"]),
        ("?group=organization", ["eu"]),
        ("?group=grulac", []),  # the only GRULAC participant is a draft
        ("?group=&sort=", ["eu", "fr", "gh"]),  # empty fields of the form choose nothing
    ],
)
def test_status_page_sorts_and_filters_with_plain_get_parameters(client, status_record, query, anchors):
    html = client.get(f"/convention/status/{query}").content.decode()

    assert [row[0] for row in status_rows(html)] == anchors


@pytest.mark.parametrize(
    ("query", "problems"),
    [
        ("?group=europe", ["group"]),
        ("?sort=-name", ["sort"]),
        ("?group=x&sort=y", ["group", "sort"]),
    ],
)
def test_status_page_bad_parameters_are_a_400_naming_them(client, db, query, problems):
    response = client.get(f"/convention/status/{query}")

    assert response.status_code == 400
    assert re.findall(r"<li><code>(\w+)</code>", response.content.decode()) == problems


@time_machine.travel(datetime.datetime(2026, 12, 6, 12, tzinfo=datetime.UTC), tick=False)
def test_status_page_computes_the_date_once_forty_states_have_deposited(client, db):
    eu = ParticipantFactory(country="EU", kind=ParticipantKind.ORGANIZATION, regional_group="")
    TreatyActionFactory(participant=eu, kind=ActionKind.APPROVAL, date=datetime.date(2026, 1, 2))
    codes = ["AT", "BE", "BR", "CL", "CN", "CU", "CZ", "DZ", "EC", "EG", "ES", "FR", "GH", "GR", "IE", "IR", "JM",
             "KZ", "LA", "LU", "MA", "ML", "MU", "MY", "NA", "NG", "NI", "PE", "PL", "PT", "QA", "RU", "RW", "SA",
             "SI", "SK", "TG", "TH", "TR", "VN"]  # fmt: skip
    for n, code in enumerate(codes):
        participant = ParticipantFactory(country=code)
        TreatyActionFactory(
            participant=participant,
            kind=ActionKind.RATIFICATION,
            date=datetime.date(2026, 1, 1) + datetime.timedelta(days=n),
        )

    html = client.get("/convention/status/").content.decode()

    facts = dict(re.findall(r"<dt>([^<]+)</dt><dd>(.*?)</dd>", html))
    assert re.sub(r"<[^>]+>", "", facts["Counted toward entry into force"]) == "40 of 40"
    # The fortieth State deposited on 9 February 2026 (1 January + 39 days): 90 days later.
    assert facts["Entry into force"] == (
        '<time datetime="2026-05-10">10 May 2026</time> (the ninetieth day after the fortieth instrument, '
        "deposited on 9 February 2026)"
    )
    assert re.sub(r"<[^>]+>", "", facts["Instruments deposited"]) == "41"


def test_status_page_draws_its_picture_with_a_text_alternative(client, status_record):
    html = client.get("/convention/status/").content.decode()

    assert re.findall(r'<svg class="status-picture"[^>]*role="img" aria-labelledby="([^"]+)"', html) == [
        "status-picture-title status-picture-desc"
    ]
    description = (
        "Instruments counted toward entry into force: 1 of the 40 needed. Signatories: 3. Instruments deposited: 1."
    )
    assert f'<desc id="status-picture-desc">{description}</desc>' in html


def test_status_picture_geometry_counts_steps_and_progress(db, status_record):
    from committee.models import TreatyAction

    actions = list(TreatyAction.objects.published())

    picture = status_picture(actions, today=datetime.date(2026, 3, 1))

    assert (picture["signature_count"], picture["instrument_count"], picture["counted"]) == (3, 1, 1)
    assert picture["progress"]["width"] == round(580 / 40, 1)
    # Three signatures: up one step at each, from October 2025 to the day after today.
    assert picture["signatures"].count(" ") == 1 + 2 * 3
    assert [month["label"] for month in picture["months"]] == [
        "Oct 2025",
        "Nov 2025",
        "Dec 2025",
        "Jan 2026",
        "Feb 2026",
        "Mar 2026",
    ]


def test_status_page_links_to_the_post_adoption_sessions(client, status_record):
    SessionFactory(
        kind="post-adoption",
        title="Session on the rules of procedure",
        slug="rop-2026",
        start_date=datetime.date(2026, 1, 26),
        end_date=datetime.date(2026, 1, 30),
        city="Vienna",
    )
    SessionFactory(kind="post-adoption", title="A draft session", publication_state=DRAFT)

    html = client.get("/convention/status/").content.decode()

    assert re.findall(r'<li><a href="(/sessions/[^"]+)">([^<]+)</a>', html) == [
        ("/sessions/rop-2026/", "Session on the rules of procedure")
    ]


@pytest.mark.parametrize("count", [1, 5])
def test_status_page_runs_a_fixed_number_of_queries(client, db, count, cold_caches, django_assert_num_queries):
    source = SourceFactory()
    for code in ["AT", "BR", "CL", "DZ", "EG"][:count]:
        participant = ParticipantFactory(country=code)
        TreatyActionFactory(participant=participant).sources.add(source)
        TreatyActionFactory(participant=participant, kind=ActionKind.RATIFICATION).sources.add(source)
    SessionFactory(kind="post-adoption")

    # Participants, their actions, the actions' sources, the post-adoption sessions.
    with django_assert_num_queries(5):
        response = client.get("/convention/status/")

    assert len(status_rows(response.content.decode())) == count


# --- /convention/status.csv ------------------------------------------------------------


def test_status_csv_has_one_row_a_published_participant_with_iso_dates(client, status_record):
    response = client.get("/convention/status.csv")

    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert (response["Content-Type"], response["Content-Disposition"]) == (
        "text/csv; charset=utf-8",
        'attachment; filename="convention-status.csv"',
    )
    assert rows == [
        ["code", "participant", "kind", "regional_group", "signature_date", "signature_certainty", "signature_sources",
         "instrument", "instrument_date", "instrument_certainty", "instrument_notification", "instrument_sources"],
        ["EU", "European Union", "organization", "", "2025-10", "secondary", "", "", "", "", "", ""],
        ["FR", "France", "state", "weog", "2025-10-26", "confirmed", "https://treaties.un.org/example",
         "", "", "", "", ""],
        ["GH", "Ghana", "state", "african", "2025-10-25", "confirmed", "https://treaties.un.org/example",
         "ratification", "2026-02-03", "confirmed", "C.N.1.2026", "https://treaties.un.org/example"],
    ]  # fmt: skip


def test_status_csv_refuses_parameters_naming_them(client, db):
    response = client.get("/convention/status.csv?group=african")

    assert (response.status_code, response.content.decode()) == (400, "“group”: this file takes no parameters.\n")


@pytest.mark.parametrize("count", [1, 5])
def test_status_csv_runs_a_fixed_number_of_queries(client, db, count, cold_caches, django_assert_num_queries):
    for code in ["AT", "BR", "CL", "DZ", "EG"][:count]:
        TreatyActionFactory(participant=ParticipantFactory(country=code)).sources.add(SourceFactory())

    with django_assert_num_queries(3):
        response = client.get("/convention/status.csv")

    assert response.content.decode().count("\r\n") == count + 1


# --- The map ------------------------------------------------------------------------------


def map_countries(html):
    """{name: class} of each country drawn on the status page's map."""
    svg = html.split('<svg class="world-map"', 1)[1].split("</svg>", 1)[0]
    return {
        name: status
        for status, name in re.findall(r'<path(?: class="wm-(\w+)")? d="[^"]+"><title>([^<]+)</title>', svg)
    }


def test_world_map_draws_the_countries_with_an_iso_code_within_its_frame():
    drawn = world_map()
    numbers = [float(n) for shape in drawn.shapes for n in re.findall(r"[\d.]+", shape.path)]

    assert (drawn.width, len(drawn.shapes)) == (960, 173)
    assert {"FR", "RU", "FJ", "BR", "VN"} <= drawn.codes
    assert not {"AQ", "MU", "NR", "EU"} & drawn.codes  # Antarctica left out; too small; not a country
    assert (min(numbers), max(numbers)) == (0, 960)
    assert all(shape.path.startswith("M") and shape.path.endswith("Z") for shape in drawn.shapes)


def test_status_page_map_colours_each_country_as_it_stands_and_names_the_ones_too_small(client, status_record):
    TreatyActionFactory(participant=ParticipantFactory(country="MU"), date=datetime.date(2025, 11, 19))

    html = client.get("/convention/status/").content.decode()
    drawn = map_countries(html)

    # Ghana has ratified, France signed, Chile is a draft, the EU has no shape of its own.
    assert [drawn["Ghana"], drawn["France"], drawn["Chile"], drawn["Germany"]] == ["party", "signatory", "", ""]
    assert sorted(name for name, status in drawn.items() if status) == ["France", "Ghana"]
    assert 'Too small to be drawn at this scale: <a href="#mu">Mauritius</a>.' in html


def test_status_page_map_names_countries_in_the_pages_language(client, status_record):
    drawn = map_countries(client.get("/fr/convention/status/").content.decode())

    assert (drawn["Ghana"], drawn["France"], drawn["Fédération de Russie"]) == ("party", "signatory", "")


# --- Feed, home page, navigation, sitemap -----------------------------------------------


def test_feed_has_an_entry_when_a_state_signs_or_ratifies_and_none_for_drafts(client, status_record):
    xml = client.get("/feeds/updates/?section=convention").content.decode()

    ids = re.findall(r"<id>(tag:[^<]+)</id>", xml)
    assert sorted(ids[1:]) == [
        "tag:ahc-portal,2021:treaty-action/eu-signature",
        "tag:ahc-portal,2021:treaty-action/fr-signature",
        "tag:ahc-portal,2021:treaty-action/gh-ratification",
        "tag:ahc-portal,2021:treaty-action/gh-signature",
    ]
    assert "<title>Ghana: ratification, 3 February 2026</title>" in xml


def test_home_page_shows_the_counts_with_their_date_and_a_link(client, status_record):
    html = client.get("/").content.decode()

    section = html.split('id="convention-heading"', 1)[1].split("</section>", 1)[0]
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", section))
    today = datetime.date.today().strftime("%-d %B %Y")
    assert text == (
        f">Signature and ratification 3 signatories · 1 of the 40 instruments needed for entry into force "
        f"As of {today} Status State by State · The Convention article by article "
    )


def test_home_counts_instruments_as_entry_into_force_does(status_record):
    # Besides Ghana's ratification: the EU's approval (an organization's) and France's ratification
    # known only from secondary sources; neither is counted.
    TreatyActionFactory(participant=status_record["eu"], kind=ActionKind.APPROVAL, date=datetime.date(2026, 3, 1))
    TreatyAction.objects.filter(participant=status_record["france"], kind=ActionKind.RATIFICATION).update(
        publication_state=PublicationState.PUBLISHED, certainty=Certainty.SECONDARY
    )

    summary = status_summary()
    force = entry_into_force(deposited_instruments(TreatyAction.objects.published()))

    assert (summary.signatories, summary.counted, force.counted) == (3, 1, 1)


def test_navigation_marks_the_convention_current_on_its_pages(client, db):
    for path in ("/convention/", "/convention/status/"):
        html = client.get(path).content.decode()

        assert re.findall(r'<a href="([^"]+)" aria-current="page">', html) == ["/convention/"]


def test_sitemap_lists_the_convention_pages(client, status_record):
    xml = client.get("/sitemap.xml").content.decode()

    locations = re.findall(r"<loc>http://testserver(/convention/[^<]*)</loc>", xml)
    assert locations == ["/convention/", "/convention/status/"]


@pytest.mark.parametrize(
    ("path", "title"),
    [
        ("/convention/", "The United Nations Convention against Cybercrime"),
        ("/convention/status/", "The Convention: signatures and ratifications"),
    ],
)
def test_convention_pages_cite_themselves_by_their_own_title(db, client, path, title):
    response = client.get(path)

    assert (
        f'Cite this page: <cite>{title}</cite>, AHC Portal, <a href="http://testserver{path}">'
        in response.content.decode()
    )
