"""The large record of the benchmark: the real record plus generated, published data.

``python -m bench.generate`` (DJANGO_SETTINGS_MODULE and DATABASE_URL set), on a database that holds
the record already; deterministic, bulk inserts only. It adds 50 sessions, 5,000 documents (each in
three UN languages, linked to a generated session, one in ten revising an earlier one, one in five
on a chapter), 200 negotiation groups (two sessions, two chapters, a report and two facilitators
each), 100 people, a reading with an item per generated session and chapter, and 50 milestones. The
real record keeps its own links, so its pages show the same content in both records: what the large
record measures is the cost of large tables.
"""

import datetime
import os
import random
import sys
import time

SEED = 20240808
LANGUAGES = ("en", "fr", "es")
KINDS = ("report", "submission", "statement", "note", "compilation", "draft-text", "agenda", "other")
TOPICS = (
    "criminalization", "international cooperation", "technical assistance", "preventive measures",
    "procedural measures", "electronic evidence", "jurisdiction", "human rights safeguards",
    "mechanism of implementation", "final provisions",
)  # fmt: skip


def generate(seed: int = SEED, sessions: int = 50, documents: int = 5000, groups: int = 200) -> dict:
    from django.db import transaction

    from committee.models import (
        Chapter,
        Document,
        DocumentVersion,
        Facilitation,
        Milestone,
        NegotiationGroup,
        Person,
        PublicationState,
        Reading,
        ReadingItem,
        Session,
        SessionDocument,
    )
    from committee.symbols import normalize_symbol, symbol_sort_key

    rng = random.Random(seed)  # noqa: S311 (reproducible data, not secrets)
    published = PublicationState.PUBLISHED
    chapters = list(Chapter.objects.published().order_by("order"))
    start = datetime.date(2019, 1, 7)
    counts = {}
    with transaction.atomic():
        new_sessions = Session.objects.bulk_create(
            Session(
                publication_state=published,
                kind="negotiating",
                title=f"Benchmark session {n}",
                slug=f"benchmark-session-{n}",
                start_date=start + datetime.timedelta(days=30 * n),
                end_date=start + datetime.timedelta(days=30 * n + 9),
                city=rng.choice(("New York", "Vienna")),
                venue="Vienna International Centre",
                time_zone=rng.choice(("America/New_York", "Europe/Vienna")),
                summary=f"A generated session on {rng.choice(TOPICS)}.",
                body="<p>Generated for the benchmark.</p>",
            )
            for n in range(1, sessions + 1)
        )
        docs = []
        for n in range(1, documents + 1):
            symbol = normalize_symbol(f"A/AC.291/CRP.{1000 + n}")
            topic = rng.choice(TOPICS)
            kind = rng.choice(KINDS)
            title = f"{'Draft text' if kind == 'draft-text' else kind.capitalize()} on {topic} ({n})"
            docs.append(
                Document(
                    publication_state=published,
                    symbol=symbol,
                    # bulk_create does not call save(), which derives the key.
                    symbol_sort_key=symbol_sort_key(symbol),
                    slug=f"a-ac-291-crp-{1000 + n}",
                    kind=kind,
                    title=title,
                    date=start + datetime.timedelta(days=rng.randrange(0, 6 * 365)),
                    summary=f"A generated document about {topic}, for the benchmark.",
                )
            )
        docs = Document.objects.bulk_create(docs, batch_size=1000)
        # One in ten revises an earlier generated document.
        revising = []
        for index in range(10, len(docs), 10):
            docs[index].revises = docs[rng.randrange(0, index)]
            revising.append(docs[index])
        Document.objects.bulk_update(revising, ["revises"], batch_size=1000)
        DocumentVersion.objects.bulk_create(
            (
                DocumentVersion(document=doc, language=language, url=f"https://docs.un.org/{language}/{doc.symbol}")
                for doc in docs
                for language in LANGUAGES
            ),
            batch_size=2000,
        )
        SessionDocument.objects.bulk_create(
            (SessionDocument(session=new_sessions[i % len(new_sessions)], document=doc) for i, doc in enumerate(docs)),
            batch_size=2000,
        )
        chapter_links = Document.chapters.through
        chapter_links.objects.bulk_create(
            (chapter_links(document=doc, chapter=chapters[i % len(chapters)]) for i, doc in enumerate(docs[::5])),
            batch_size=2000,
        )
        people = Person.objects.bulk_create(
            Person(publication_state=published, name=f"Facilitator {n}", slug=f"benchmark-person-{n}")
            for n in range(1, 101)
        )
        new_groups = NegotiationGroup.objects.bulk_create(
            NegotiationGroup(
                publication_state=published,
                name=f"Benchmark group {n}",
                slug=f"benchmark-group-{n}",
                number=n,
                topics=f"{rng.choice(TOPICS)}; {rng.choice(TOPICS)}",
                body="<p>Generated for the benchmark.</p>",
            )
            for n in range(1, groups + 1)
        )
        group_sessions = NegotiationGroup.sessions.through
        group_sessions.objects.bulk_create(
            group_sessions(negotiationgroup=group, session=session)
            for group in new_groups
            for session in rng.sample(new_sessions, 2)
        )
        group_chapters = NegotiationGroup.chapters.through
        group_chapters.objects.bulk_create(
            group_chapters(negotiationgroup=group, chapter=chapter)
            for group in new_groups
            for chapter in rng.sample(chapters, 2)
        )
        group_reports = NegotiationGroup.reports.through
        group_reports.objects.bulk_create(
            group_reports(negotiationgroup=group, document=rng.choice(docs)) for group in new_groups
        )
        Facilitation.objects.bulk_create(
            Facilitation(group=group, person=person, country="Benchland")
            for group in new_groups
            for person in rng.sample(people, 2)
        )
        reading = Reading.objects.create(
            publication_state=published, title="Benchmark reading", slug="benchmark-reading", order=99
        )
        reading.sessions.add(*new_sessions)
        items = ReadingItem.objects.bulk_create(
            ReadingItem(reading=reading, chapter=chapter, session=session, basis=rng.choice(docs))
            for session in new_sessions
            for chapter in chapters
        )
        milestones = Milestone.objects.bulk_create(
            Milestone(
                publication_state=published,
                title=f"Benchmark milestone {n}",
                slug=f"benchmark-milestone-{n}",
                kind="other",
                date=start + datetime.timedelta(days=37 * n),
                document=rng.choice(docs),
            )
            for n in range(1, 51)
        )
    counts.update(
        sessions=len(new_sessions),
        documents=len(docs),
        versions=len(docs) * len(LANGUAGES),
        groups=len(new_groups),
        people=len(people),
        reading_items=len(items),
        milestones=len(milestones),
    )
    return counts


def main() -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    import django

    django.setup()
    started = time.monotonic()
    counts = generate()
    from django.db import connection

    with connection.cursor() as cursor:
        # As autovacuum (on by default) would leave the tables: no dead rows, fresh statistics.
        cursor.execute("VACUUM ANALYZE")
    summary = ", ".join(f"{value} {name.replace('_', ' ')}" for name, value in counts.items())
    print(f"generated {summary} in {time.monotonic() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
