"""The six UN languages: addresses, the language links, the catalogs, the API, the sitemap, the feed."""

import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.db import connection
from django.utils.translation import override, to_locale

from committee.dates import format_date_range

BASE_DIR = Path(settings.BASE_DIR)
OTHER_LANGUAGES = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
# Each language's catalog, under its locale name (Django's to_locale: zh-hans is zh_Hans).
CATALOGS = {code: BASE_DIR / "locale" / to_locale(code) / "LC_MESSAGES" for code in OTHER_LANGUAGES}
SITEMAP = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}


# --- The catalogs ------------------------------------------------------------------------


@pytest.mark.parametrize("code", OTHER_LANGUAGES)
def test_each_catalog_translates_every_entry(code):
    catalog = polib.pofile(CATALOGS[code] / "django.po")

    assert [entry.msgid for entry in catalog.untranslated_entries()] == []
    assert [entry.msgid for entry in catalog.fuzzy_entries()] == []
    assert [entry.msgid for entry in catalog.obsolete_entries()] == []
    assert catalog.metadata["Language"] == to_locale(code)


@pytest.mark.parametrize("code", OTHER_LANGUAGES)
def test_each_compiled_catalog_is_its_catalog(code):
    def translations(catalog):
        return {
            (entry.msgid, entry.msgstr, tuple(sorted(entry.msgstr_plural.items()))) for entry in catalog if entry.msgid
        }

    written = polib.pofile(CATALOGS[code] / "django.po")
    compiled = polib.mofile(CATALOGS[code] / "django.mo")

    assert translations(compiled) == translations(written), "run `make messages` to compile the catalogs"


def test_the_catalogs_hold_every_string_the_code_marks(tmp_path):
    """Extracting the strings again, as ``make messages`` does, from a copy of the code, finds no
    string the committed catalogs do not hold."""
    for folder in ("committee", "portal", "templates", "locale"):
        shutil.copytree(BASE_DIR / folder, tmp_path / folder, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(BASE_DIR / "manage.py", tmp_path)
    locales = [f"-l{path.parent.name}" for path in CATALOGS.values()]
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "--no-obsolete", "--extension=html,txt,py,svg", *locales],
        cwd=tmp_path,
        env={**os.environ, "DJANGO_SECRET_KEY": "extracting-strings", "DJANGO_DEBUG": "true"},
        check=True,
        capture_output=True,
    )

    for code in OTHER_LANGUAGES:
        extracted = polib.pofile(tmp_path / CATALOGS[code].relative_to(BASE_DIR) / "django.po")
        committed = polib.pofile(CATALOGS[code] / "django.po")
        assert {entry.msgid for entry in extracted} == {entry.msgid for entry in committed}, code
        assert [entry.msgid for entry in extracted.untranslated_entries()] == [], code


# --- Addresses and the language links ------------------------------------------------------


@pytest.mark.django_db
def test_english_stays_at_its_addresses_and_every_language_has_its_prefix(client):
    english = client.get("/sessions/")
    french = client.get("/fr/sessions/")
    arabic = client.get("/ar/sessions/")

    assert (english.status_code, english["Content-Language"]) == (200, "en")
    assert (french.status_code, french["Content-Language"]) == (200, "fr")
    assert (arabic.status_code, arabic["Content-Language"]) == (200, "ar")
    assert '<html lang="en" dir="ltr">' in english.content.decode()
    assert '<html lang="fr" dir="ltr">' in french.content.decode()
    assert '<html lang="ar" dir="rtl">' in arabic.content.decode()
    assert "<h1>Sessions</h1>" in english.content.decode()
    assert "<h1>الدورات</h1>" in arabic.content.decode()


@pytest.mark.django_db
def test_a_browser_asking_for_arabic_gets_the_english_page_marked_english(client):
    """A page never declares a language its text is not in: English addresses are English."""
    response = client.get("/sessions/", HTTP_ACCEPT_LANGUAGE="ar")

    assert '<html lang="en" dir="ltr">' in response.content.decode()
    assert response["Content-Language"] == "en"


@pytest.mark.django_db
def test_chinese_has_a_short_address(client):
    response = client.get("/zh/documents/?kind=report")

    assert (response.status_code, response["Location"]) == (301, "/zh-hans/documents/?kind=report")
    assert client.get("/zh-hans/documents/").status_code == 200


@pytest.mark.django_db
def test_a_language_the_site_does_not_speak_is_not_found(client):
    assert client.get("/de/sessions/").status_code == 404


@pytest.mark.django_db
def test_every_page_links_its_versions_in_the_other_languages(client, record):
    content = client.get("/fr/documents/A/AC.291/22/Rev.3/?utm_source=x").content.decode()

    base = "http://testserver"
    path = "documents/A/AC.291/22/Rev.3/"
    for code in ("ar", "zh-hans", "fr", "ru", "es"):
        assert f'<link rel="alternate" hreflang="{code}" href="{base}/{code}/{path}">' in content
    assert f'<link rel="alternate" hreflang="en" href="{base}/{path}">' in content
    assert f'<link rel="alternate" hreflang="x-default" href="{base}/{path}">' in content
    # The language links: plain links, each language's name in that language, the current one marked.
    assert f'<a href="{base}/ar/{path}" lang="ar" hreflang="ar">العربيّة</a>' in content
    assert f'<a href="{base}/{path}" lang="en" hreflang="en">English</a>' in content
    assert f'<a href="{base}/fr/{path}" lang="fr" hreflang="fr" aria-current="true">Français</a>' in content


@pytest.mark.django_db
def test_language_links_keep_the_registry_filters(client, record):
    content = client.get("/documents/?kind=report&utm_source=x").content.decode()

    assert 'href="http://testserver/es/documents/?kind=report" lang="es"' in content


@pytest.mark.django_db
def test_a_missing_page_links_each_language_home_and_names_no_alternate(client):
    content = client.get("/fr/no-such-page/").content.decode()

    assert 'href="http://testserver/ru/" lang="ru"' in content
    assert 'rel="alternate" hreflang' not in content


@pytest.mark.django_db
def test_pages_in_a_language_link_within_it(client):
    content = client.get("/ru/sessions/").content.decode()

    assert 'href="/ru/calendar.ics"' in content
    assert 'href="/ru/feeds/updates/?section=sessions"' in content
    assert '<form class="site-search" role="search" action="/ru/search/" method="get">' in content


@pytest.mark.django_db
def test_a_language_page_sets_no_cookie(client):
    response = client.get("/es/")

    assert (response.status_code, response.cookies) == (200, {})


# --- Dates as each language writes them ----------------------------------------------------


@pytest.mark.parametrize(
    ("code", "same_month", "two_months", "two_years"),
    [
        ("en", "10–12 May 2021", "21 August – 1 September 2023", "29 December 2019 – 3 January 2020"),
        ("fr", "10–12 mai 2021", "21 août – 1 septembre 2023", "29 décembre 2019 – 3 janvier 2020"),
        (
            "es",
            "10–12 de mayo de 2021",
            "21 de agosto – 1 de septiembre de 2023",
            "29 de diciembre de 2019 – 3 de enero de 2020",
        ),
        ("ru", "10–12 мая 2021 г.", "21 августа – 1 сентября 2023 г.", "29 декабря 2019 г. – 3 января 2020 г."),
        ("ar", "10–12 مايو، 2021", "21 أغسطس – 1 سبتمبر، 2023", "29 ديسمبر، 2019 – 3 يناير، 2020"),
        ("zh-hans", "2021年5月10日 – 5月12日", "2023年8月21日 – 9月1日", "2019年12月29日 – 2020年1月3日"),
    ],
)
def test_date_ranges_read_as_each_language_writes_them(code, same_month, two_months, two_years):
    import datetime

    with override(code):
        assert format_date_range(datetime.date(2021, 5, 10), datetime.date(2021, 5, 12)) == same_month
        assert format_date_range(datetime.date(2023, 8, 21), datetime.date(2023, 9, 1)) == two_months
        assert format_date_range(datetime.date(2019, 12, 29), datetime.date(2020, 1, 3)) == two_years


# --- The API -------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_api_answers_in_english_by_default_and_says_so(client):
    response = client.get("/api/v1/sessions/")

    assert (response.status_code, response["Content-Language"]) == (200, "en")
    assert "Accept-Language" in response["Vary"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "accept", "language"),
    [("?lang=fr", "", "fr"), ("?lang=zh", "", "zh-hans"), ("", "ru,en;q=0.5", "ru"), ("?lang=es", "ar", "es")],
)
def test_the_api_answers_in_the_language_asked(client, query, accept, language):
    response = client.get(f"/api/v1/sessions/{query}", HTTP_ACCEPT_LANGUAGE=accept)

    assert (response.status_code, response["Content-Language"]) == (200, language)


@pytest.mark.django_db
def test_the_api_links_each_record_page_in_its_language(client, record):
    results = client.get("/api/v1/sessions/?lang=ar&ordering=start_date").json()["results"]

    assert results[0]["html_url"] == "http://testserver/ar/sessions/organizational-session-2021/"


@pytest.mark.django_db
def test_the_api_refuses_a_language_it_does_not_speak_naming_the_parameter(client):
    response = client.get("/api/v1/sessions/?lang=de")

    assert response.status_code == 400
    assert response.json() == {"lang": ["“de” is not one of the languages: ar, zh-hans, en, fr, ru, es."]}


@pytest.mark.django_db
def test_the_api_error_messages_are_translated(client):
    response = client.get("/api/v1/sessions/?page=abc&lang=fr")

    assert response.status_code == 400
    assert response["Content-Language"] == "fr"
    assert response.json() == {"page": ["Un nombre entier positif est requis, par exemple 1 ou 2."]}


# --- Sitemap, feed and calendar ---------------------------------------------------------------


@pytest.mark.django_db
def test_the_sitemap_lists_every_language_version_with_its_alternates(client):
    root = ET.fromstring(client.get("/sitemap.xml").content)  # noqa: S314 (the portal's own response)
    urls = {url.find("s:loc", SITEMAP).text: url for url in root.findall("s:url", SITEMAP)}
    french = urls["http://testserver/fr/sessions/"]

    assert {
        "http://testserver/sessions/",
        "http://testserver/ar/sessions/",
        "http://testserver/zh-hans/sessions/",
    } <= set(urls)
    alternates = {link.get("hreflang"): link.get("href") for link in french.findall("xhtml:link", SITEMAP)}
    assert alternates == {
        "ar": "http://testserver/ar/sessions/",
        "zh-hans": "http://testserver/zh-hans/sessions/",
        "en": "http://testserver/sessions/",
        "fr": "http://testserver/fr/sessions/",
        "ru": "http://testserver/ru/sessions/",
        "es": "http://testserver/es/sessions/",
        "x-default": "http://testserver/sessions/",
    }


@pytest.mark.django_db
def test_the_feed_and_the_calendar_speak_the_language_of_their_address(client):
    feed = client.get("/fr/feeds/updates/")
    calendar = client.get("/es/calendar.ics")
    atom = ET.fromstring(feed.content)  # noqa: S314 (the portal's own response)

    assert (feed.status_code, feed["Content-Language"]) == (200, "fr")
    assert atom.find("{http://www.w3.org/2005/Atom}link").get("href") == "http://testserver/fr/"
    assert (calendar.status_code, calendar["Content-Language"]) == (200, "es")


# --- Search in each language -----------------------------------------------------------------


@pytest.fixture
def sessions_in_french_and_chinese(db):
    from tests.factories import SessionFactory

    translated = SessionFactory(title="Sixth session", slug="sixth-session", summary="Held in New York.")
    translated.title_fr, translated.summary_fr = "Sixième session", "Tenue à New York."
    translated.title_zh_hans = "第六届会议"
    translated.save()
    SessionFactory(title="Fifth session", slug="fifth-session", summary="Held in Vienna.")


def test_a_search_in_french_finds_the_french_text(client, sessions_in_french_and_chinese):
    content = client.get("/fr/search/?q=sixième").content.decode()

    assert '<a href="/fr/sessions/sixth-session/"><mark>Sixième</mark> session</a>' in content
    assert '<span class="excerpt">Tenue à New York.</span>' in content


def test_a_search_in_french_finds_an_english_text_and_marks_it_english(client, sessions_in_french_and_chinese):
    content = client.get("/fr/search/?q=fifth").content.decode()

    assert '<a href="/fr/sessions/fifth-session/" lang="en"><mark>Fifth</mark> session</a>' in content
    assert '<span class="excerpt" lang="en">Held in Vienna.</span>' in content


def test_a_search_in_chinese_finds_words_not_separated_by_spaces(client, sessions_in_french_and_chinese):
    content = client.get("/zh-hans/search/?q=第六届").content.decode()

    assert '<a href="/zh-hans/sessions/sixth-session/"><mark>第六届</mark>会议</a>' in content


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's French configuration stems words")
def test_a_search_in_french_on_postgresql_finds_other_forms_of_a_word(client, sessions_in_french_and_chinese):
    content = client.get("/fr/search/?q=tenues").content.decode()

    assert '<a href="/fr/sessions/sixth-session/">Sixième session</a>' in content


# --- No English passed off as another language ---------------------------------------------------

ENGLISH_WORDS = re.compile(r"\b(the|and|of|with|from|for|is|are)\b")
VOID_ELEMENTS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# Where an English text cannot be marked: the page's <title> and a select's options (an
# element of text only); their English is a record's text not yet translated.
UNMARKABLE = {"title", "option", "script", "style"}


class EnglishOutsideLangEn(HTMLParser):
    """The texts with English words in them that no ``lang="en"`` element (or one of its parents) marks."""

    def __init__(self):
        super().__init__()
        self.open, self.found = [], []

    def handle_starttag(self, tag, attrs):
        if tag not in VOID_ELEMENTS:
            inherited = self.open[-1][1] if self.open else ""
            self.open.append((tag, dict(attrs).get("lang", inherited)))

    def handle_endtag(self, tag):
        while self.open and self.open.pop()[0] != tag:
            pass

    def handle_data(self, data):
        tag, language = self.open[-1] if self.open else ("", "")
        if tag not in UNMARKABLE and language != "en" and ENGLISH_WORDS.search(data):
            self.found.append(data.strip())


READER_PAGES = [
    "/", "/sessions/", "/sessions/sixth-session/", "/readings/", "/readings/first-reading/", "/chapters/",
    "/chapters/criminalization/", "/negotiation-groups/", "/negotiation-groups/informal-negotiation-group-1/",
    "/consultations/", "/consultations/second-intersessional-consultation/", "/documents/",
    "/documents/A/AC.291/22/Rev.3/", "/bureau/", "/timeline/", "/faq/", "/search/?q=session", "/convention/",
    "/convention/status/", "/documents/?year=soon", "/no-such-page/",
]  # fmt: skip


@pytest.mark.parametrize("code", ["fr", "ar"])
def test_a_page_in_another_language_marks_every_english_text_it_shows(client, record, code):
    found = {}
    for path in READER_PAGES:
        parser = EnglishOutsideLangEn()
        parser.feed(client.get(f"/{code}{path}").content.decode())
        if parser.found:
            found[path] = parser.found

    assert found == {}
