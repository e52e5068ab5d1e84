"""Public pages. Drafts are 404 to visitors; staff who can edit the record preview them."""

from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import redirect
from django.views.generic import DetailView, ListView, TemplateView

from .models import (
    BureauMembership,
    Chapter,
    Consultation,
    Document,
    FAQEntry,
    Milestone,
    NegotiationGroup,
    Reading,
    ReadingItem,
    Session,
)


def can_preview(request, model) -> bool:
    """Staff who may view the record in the admin may also see its drafts on the site."""
    user = request.user
    return user.is_active and user.is_staff and user.has_perm(f"{model._meta.app_label}.view_{model._meta.model_name}")


class RecordDetailView(DetailView):
    """A published record by slug; a draft only for staff, who see it marked as a draft."""

    template_name = "committee/record_detail.html"
    related = ()
    prefetch = ()

    def get_queryset(self):
        queryset = self.model.objects.select_related(*self.related).prefetch_related("sources", *self.prefetch)
        if can_preview(self.request, self.model):
            return queryset
        return queryset.published()


class SessionDetailView(RecordDetailView):
    model = Session
    related = ("mandate",)
    prefetch = (Prefetch("documents", queryset=Document.objects.published()),)


class ReadingDetailView(RecordDetailView):
    model = Reading
    prefetch = (
        Prefetch("sessions", queryset=Session.objects.published()),
        Prefetch(
            "items",
            queryset=ReadingItem.objects.filter(
                chapter__publication_state="published", session__publication_state="published"
            ).select_related("chapter", "session", "basis"),
        ),
    )


class ChapterDetailView(RecordDetailView):
    model = Chapter
    prefetch = (Prefetch("documents", queryset=Document.objects.published()),)


class GroupDetailView(RecordDetailView):
    model = NegotiationGroup
    prefetch = (Prefetch("sessions", queryset=Session.objects.published()), "facilitations__person")


class ConsultationDetailView(RecordDetailView):
    model = Consultation
    prefetch = (Prefetch("documents", queryset=Document.objects.published()),)


class DocumentDetailView(RecordDetailView):
    model = Document
    related = ("revises",)
    prefetch = ("versions", Prefetch("revisions", queryset=Document.objects.published()))

    def get_object(self, queryset=None):
        if "symbol" not in self.kwargs:
            return super().get_object(queryset)
        document = self.get_queryset().by_symbol(self.kwargs["symbol"]).first()
        if document is None:
            raise Http404("No document has this symbol.")
        return document

    def get(self, request, *args, **kwargs):
        # A symbol typed in another spelling (a/ac.291/22/rev.3) goes to the canonical address.
        if "symbol" in self.kwargs:
            document = self.get_object()
            if self.kwargs["symbol"] != document.symbol:
                return redirect("committee:document-by-symbol", symbol=document.symbol, permanent=True)
        return super().get(request, *args, **kwargs)


class HomeView(TemplateView):
    template_name = "committee/home.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            sessions=Session.objects.published(),
            milestones=Milestone.objects.published(),
            **kwargs,
        )


class BureauView(ListView):
    template_name = "committee/bureau.html"
    context_object_name = "memberships"

    def get_queryset(self):
        return (
            BureauMembership.objects.published().filter(person__publication_state="published").select_related("person")
        )


class TimelineView(ListView):
    template_name = "committee/timeline.html"
    context_object_name = "milestones"

    def get_queryset(self):
        return Milestone.objects.published()


class FAQView(ListView):
    template_name = "committee/faq.html"
    context_object_name = "entries"

    def get_queryset(self):
        return FAQEntry.objects.published()
