"""For crawlers: the sitemap of every public page, and robots.txt that points to it."""

from functools import partial

from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import sitemap
from django.db.models import CharField, Max, Value
from django.http import HttpResponse
from django.urls import reverse

from .models import (
    Article,
    BureauMembership,
    Chapter,
    Consultation,
    ConventionChapter,
    Document,
    FAQEntry,
    Milestone,
    NegotiationGroup,
    Participant,
    Person,
    Reading,
    Session,
    TreatyAction,
)

DETAIL_MODELS = (Session, Reading, Chapter, NegotiationGroup, Consultation, Document)

# Each list page with the records it shows: its lastmod is the latest change to one of them.
LIST_PAGES = {
    "committee:home": (Session, Consultation, Milestone, Document, FAQEntry, TreatyAction),
    "committee:session-list": (Session,),
    "committee:reading-list": (Reading, Chapter, Session),
    "committee:chapter-list": (Chapter,),
    "committee:group-list": (NegotiationGroup,),
    "committee:consultation-list": (Consultation,),
    "committee:document-list": (Document,),
    "committee:bureau": (BureauMembership, Person),
    "committee:timeline": (Milestone, Session, Consultation),
    "committee:faq": (FAQEntry,),
    "committee:convention": (ConventionChapter, Article, Chapter),
    "committee:convention-status": (Participant, TreatyAction, Session),
}


def latest_changes(models) -> dict:
    """The time of the latest change to a published record of each model (None if none), in one query."""
    first, *rest = [
        model.objects.published()
        .annotate(model_label=Value(model._meta.label, output_field=CharField()))
        .values("model_label")
        .annotate(latest=Max("updated_at"))
        .values_list("model_label", "latest")
        .order_by()
        for model in models
    ]
    labels = dict(first.union(*rest, all=True))
    return {model: labels.get(model._meta.label) for model in models}


class LanguageVersions:
    """Every page in each of the site's languages, each entry naming the others (hreflang), and
    English as the version for any other language (x-default): Django's own i18n sitemaps."""

    i18n = True
    alternates = True
    x_default = True


class ListPageSitemap(LanguageVersions, Sitemap):
    def items(self):
        latest = latest_changes(list(dict.fromkeys(model for models in LIST_PAGES.values() for model in models)))
        pages = []
        for url_name, models in LIST_PAGES.items():
            changes = [latest[model] for model in models if latest[model] is not None]
            pages.append((url_name, max(changes, default=None)))
        return pages

    def location(self, item):
        return reverse(item[0])

    def lastmod(self, item):
        return item[1]


class RecordSitemap(LanguageVersions, Sitemap):
    """The detail pages of one model's published records."""

    def __init__(self, model):
        self.model = model

    def items(self):
        # A list, not a queryset: the paginator then counts it without a second query. Whole rows,
        # since get_absolute_url may read any field (a document's address is its symbol).
        return list(self.model.objects.published())

    def lastmod(self, item):
        return item.updated_at


# Classes, not instances: the view makes new ones for each request, so the latest_lastmod a sitemap
# keeps of one request never reaches the next.
SITEMAPS = {
    "pages": ListPageSitemap,
    **{model._meta.model_name: partial(RecordSitemap, model) for model in DETAIL_MODELS},
}


def sitemap_view(request):
    return sitemap(request, sitemaps=SITEMAPS)


def robots_txt(request):
    lines = [
        "User-agent: *",
        f"Disallow: {reverse('admin:index')}",
        "",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
