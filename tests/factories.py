import datetime

import factory
from django.contrib.auth import get_user_model

from committee import models
from committee.editors import sync_editors_group


class SourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Source
        django_get_or_create = ("url",)

    url = factory.Sequence(lambda n: f"https://www.unodc.org/example/{n}")
    title = factory.Sequence(lambda n: f"Source {n}")


class PublishedMixin(factory.django.DjangoModelFactory):
    class Meta:
        abstract = True

    publication_state = models.PublicationState.PUBLISHED


class SessionFactory(PublishedMixin):
    class Meta:
        model = models.Session

    kind = models.SessionKind.NEGOTIATING
    title = factory.Sequence(lambda n: f"Session {n}")
    slug = factory.Sequence(lambda n: f"session-{n}")
    start_date = datetime.date(2023, 8, 21)
    end_date = datetime.date(2023, 9, 1)
    city = "New York"
    time_zone = "America/New_York"


class DocumentFactory(PublishedMixin):
    class Meta:
        model = models.Document

    symbol = factory.Sequence(lambda n: f"A/AC.291/{n + 100}")
    kind = models.DocumentKind.REPORT
    title = factory.Sequence(lambda n: f"Document {n}")


class ChapterFactory(PublishedMixin):
    class Meta:
        model = models.Chapter

    title = factory.Sequence(lambda n: f"Chapter {n}")
    slug = factory.Sequence(lambda n: f"chapter-{n}")
    order = factory.Sequence(int)


class ReadingFactory(PublishedMixin):
    class Meta:
        model = models.Reading

    title = factory.Sequence(lambda n: f"Reading {n}")
    slug = factory.Sequence(lambda n: f"reading-{n}")


class StakeholderFactory(PublishedMixin):
    class Meta:
        model = models.Stakeholder

    name = factory.Sequence(lambda n: f"Stakeholder {n}")
    slug = factory.Sequence(lambda n: f"stakeholder-{n}")
    basis = models.StakeholderBasis.PARA_8


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    is_staff = True
    password = factory.PostGenerationMethodCall("set_password", "a long test password 1")

    @factory.post_generation
    def editor(self, create, extracted, **kwargs):
        if extracted:
            self.groups.add(sync_editors_group())
        if create:
            self.save()


# --- Appended for the calendar, feeds and sitemap tests ---------------------------------


class ConsultationFactory(PublishedMixin):
    class Meta:
        model = models.Consultation

    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Consultation {n}")
    slug = factory.Sequence(lambda n: f"consultation-{n}")
    start_date = datetime.date(2023, 6, 20)
    end_date = datetime.date(2023, 6, 21)
    city = "Vienna"
    time_zone = "Europe/Vienna"


class NegotiationGroupFactory(PublishedMixin):
    class Meta:
        model = models.NegotiationGroup

    name = factory.Sequence(lambda n: f"Group {n}")
    slug = factory.Sequence(lambda n: f"group-{n}")


class MilestoneFactory(PublishedMixin):
    class Meta:
        model = models.Milestone

    title = factory.Sequence(lambda n: f"Milestone {n}")
    slug = factory.Sequence(lambda n: f"milestone-{n}")
    kind = models.MilestoneKind.RESOLUTION
    date = datetime.date(2024, 12, 24)


class FAQEntryFactory(PublishedMixin):
    class Meta:
        model = models.FAQEntry

    question = factory.Sequence(lambda n: f"Question {n}?")
    slug = factory.Sequence(lambda n: f"question-{n}")
    answer = "<p>An answer.</p>"


class DocumentVersionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.DocumentVersion

    document = factory.SubFactory(DocumentFactory)
    language = models.Language.ENGLISH
    url = factory.LazyAttribute(lambda version: f"https://docs.un.org/{version.language}/{version.document.symbol}")


# --- Appended for the API tests ----------------------------------------------------------


class PersonFactory(PublishedMixin):
    class Meta:
        model = models.Person

    name = factory.Sequence(lambda n: f"Person {n}")
    slug = factory.Sequence(lambda n: f"person-{n}")


class BureauMembershipFactory(PublishedMixin):
    class Meta:
        model = models.BureauMembership

    person = factory.SubFactory(PersonFactory)
    role = models.BureauRole.VICE_CHAIR
    country = "Algeria"
    regional_group = models.RegionalGroup.AFRICAN
    start_date = datetime.date(2021, 5, 10)


class FacilitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Facilitation

    group = factory.SubFactory(NegotiationGroupFactory)
    person = factory.SubFactory(PersonFactory)


# --- Appended for the Convention after adoption ------------------------------------------


class ConventionChapterFactory(PublishedMixin):
    class Meta:
        model = models.ConventionChapter

    title = factory.Sequence(lambda n: f"Part {n}")
    slug = factory.Sequence(lambda n: f"part-{n}")
    order = factory.Sequence(int)


class ArticleFactory(PublishedMixin):
    class Meta:
        model = models.Article

    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Article title {n}")
    chapter = factory.SubFactory(ConventionChapterFactory)


# Codes of States, in the order the factory hands them out (Sequence is global to the factory).
STATE_CODES = ["AT", "BR", "CL", "DZ", "EG", "FR", "GH", "IE", "JM", "KZ", "LU", "MA", "NA", "PE", "QA", "RW"]


class ParticipantFactory(PublishedMixin):
    class Meta:
        model = models.Participant
        django_get_or_create = ("country",)

    country = factory.Sequence(lambda n: STATE_CODES[n % len(STATE_CODES)])
    kind = models.ParticipantKind.STATE
    regional_group = models.RegionalGroup.WEOG


class TreatyActionFactory(PublishedMixin):
    class Meta:
        model = models.TreatyAction

    participant = factory.SubFactory(ParticipantFactory)
    kind = models.ActionKind.SIGNATURE
    date = datetime.date(2025, 10, 25)
