"""The record's text fields in each of the six UN languages (committee/translation.py): one column
per language, on each record's table and its history table. The text already in the record is
English: it is copied into the ``_en`` columns, which the pages, the API and search now read.
"""

import committee.models
from django.db import migrations, models
from django.db.models import F

# model, translated fields: as committee/translation.py registers them
TRANSLATED = (
    ("Session", ("title", "summary", "body", "certainty_note")),
    ("Consultation", ("title", "summary", "body", "panels", "certainty_note")),
    ("Reading", ("title", "summary", "body", "certainty_note")),
    ("ReadingItem", ("basis_note", "certainty_note")),
    ("Chapter", ("title", "description", "certainty_note")),
    ("NegotiationGroup", ("name", "topics", "body", "certainty_note")),
    ("Document", ("title", "summary", "certainty_note")),
    ("Milestone", ("title", "description", "certainty_note")),
    ("FAQEntry", ("question", "answer", "certainty_note")),
    ("ConventionChapter", ("title", "summary", "certainty_note")),
    ("Article", ("title", "certainty_note")),
    ("Person", ("certainty_note",)),
    ("BureauMembership", ("certainty_note",)),
    ("Stakeholder", ("certainty_note",)),
    ("Participant", ("certainty_note",)),
    ("TreatyAction", ("certainty_note",)),
)


def english_from_original(apps, schema_editor):
    """One UPDATE per table: the text each row holds becomes its English text."""
    for model_name, fields in TRANSLATED:
        for name in (model_name, f"Historical{model_name}"):
            model = apps.get_model("committee", name)
            model._base_manager.update(**{f"{field}_en": F(field) for field in fields})


class Migration(migrations.Migration):

    dependencies = [
        ('committee', '0010_document_kind_participants_list'),
    ]

    operations = [
        migrations.AddField(
            model_name='article',
            name='certainty_note_ar',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='article',
            name='certainty_note_en',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='article',
            name='certainty_note_es',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='article',
            name='certainty_note_fr',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='article',
            name='certainty_note_ru',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='article',
            name='certainty_note_zh_hans',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='article',
            name='title_ar',
            field=models.CharField(help_text='The article’s title as adopted.', max_length=300, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='article',
            name='title_en',
            field=models.CharField(help_text='The article’s title as adopted.', max_length=300, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='article',
            name='title_es',
            field=models.CharField(help_text='The article’s title as adopted.', max_length=300, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='article',
            name='title_fr',
            field=models.CharField(help_text='The article’s title as adopted.', max_length=300, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='article',
            name='title_ru',
            field=models.CharField(help_text='The article’s title as adopted.', max_length=300, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='article',
            name='title_zh_hans',
            field=models.CharField(help_text='The article’s title as adopted.', max_length=300, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='bureaumembership',
            name='certainty_note_ar',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='bureaumembership',
            name='certainty_note_en',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='bureaumembership',
            name='certainty_note_es',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='bureaumembership',
            name='certainty_note_fr',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='bureaumembership',
            name='certainty_note_ru',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='bureaumembership',
            name='certainty_note_zh_hans',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='chapter',
            name='certainty_note_ar',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='chapter',
            name='certainty_note_en',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='chapter',
            name='certainty_note_es',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='chapter',
            name='certainty_note_fr',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='chapter',
            name='certainty_note_ru',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='chapter',
            name='certainty_note_zh_hans',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='chapter',
            name='description_ar',
            field=committee.models.RichTextField(blank=True, null=True, verbose_name='description'),
        ),
        migrations.AddField(
            model_name='chapter',
            name='description_en',
            field=committee.models.RichTextField(blank=True, null=True, verbose_name='description'),
        ),
        migrations.AddField(
            model_name='chapter',
            name='description_es',
            field=committee.models.RichTextField(blank=True, null=True, verbose_name='description'),
        ),
        migrations.AddField(
            model_name='chapter',
            name='description_fr',
            field=committee.models.RichTextField(blank=True, null=True, verbose_name='description'),
        ),
        migrations.AddField(
            model_name='chapter',
            name='description_ru',
            field=committee.models.RichTextField(blank=True, null=True, verbose_name='description'),
        ),
        migrations.AddField(
            model_name='chapter',
            name='description_zh_hans',
            field=committee.models.RichTextField(blank=True, null=True, verbose_name='description'),
        ),
        migrations.AddField(
            model_name='chapter',
            name='title_ar',
            field=models.CharField(max_length=200, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='chapter',
            name='title_en',
            field=models.CharField(max_length=200, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='chapter',
            name='title_es',
            field=models.CharField(max_length=200, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='chapter',
            name='title_fr',
            field=models.CharField(max_length=200, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='chapter',
            name='title_ru',
            field=models.CharField(max_length=200, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='chapter',
            name='title_zh_hans',
            field=models.CharField(max_length=200, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='consultation',
            name='body_ar',
            field=committee.models.RichTextField(blank=True, help_text='HTML; unsafe markup is removed on save.', null=True, verbose_name='body'),
        ),
        migrations.AddField(
            model_name='consultation',
            name='body_en',
            field=committee.models.RichTextField(blank=True, help_text='HTML; unsafe markup is removed on save.', null=True, verbose_name='body'),
        ),
        migrations.AddField(
            model_name='consultation',
            name='body_es',
            field=committee.models.RichTextField(blank=True, help_text='HTML; unsafe markup is removed on save.', null=True, verbose_name='body'),
        ),
        migrations.AddField(
            model_name='consultation',
            name='body_fr',
            field=committee.models.RichTextField(blank=True, help_text='HTML; unsafe markup is removed on save.', null=True, verbose_name='body'),
        ),
        migrations.AddField(
            model_name='consultation',
            name='body_ru',
            field=committee.models.RichTextField(blank=True, help_text='HTML; unsafe markup is removed on save.', null=True, verbose_name='body'),
        ),
        migrations.AddField(
            model_name='consultation',
            name='body_zh_hans',
            field=committee.models.RichTextField(blank=True, help_text='HTML; unsafe markup is removed on save.', null=True, verbose_name='body'),
        ),
        migrations.AddField(
            model_name='consultation',
            name='certainty_note_ar',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='consultation',
            name='certainty_note_en',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='consultation',
            name='certainty_note_es',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='consultation',
            name='certainty_note_fr',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='consultation',
            name='certainty_note_ru',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='consultation',
            name='certainty_note_zh_hans',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='consultation',
            name='panels_ar',
            field=models.TextField(blank=True, help_text='One panel or topic per line.', null=True, verbose_name='panels'),
        ),
        migrations.AddField(
            model_name='consultation',
            name='panels_en',
            field=models.TextField(blank=True, help_text='One panel or topic per line.', null=True, verbose_name='panels'),
        ),
        migrations.AddField(
            model_name='consultation',
            name='panels_es',
            field=models.TextField(blank=True, help_text='One panel or topic per line.', null=True, verbose_name='panels'),
        ),
        migrations.AddField(
            model_name='consultation',
            name='panels_fr',
            field=models.TextField(blank=True, help_text='One panel or topic per line.', null=True, verbose_name='panels'),
        ),
        migrations.AddField(
            model_name='consultation',
            name='panels_ru',
            field=models.TextField(blank=True, help_text='One panel or topic per line.', null=True, verbose_name='panels'),
        ),
        migrations.AddField(
            model_name='consultation',
            name='panels_zh_hans',
            field=models.TextField(blank=True, help_text='One panel or topic per line.', null=True, verbose_name='panels'),
        ),
        migrations.AddField(
            model_name='consultation',
            name='summary_ar',
            field=models.TextField(blank=True, help_text='One or two plain sentences.', null=True, verbose_name='summary'),
        ),
        migrations.AddField(
            model_name='consultation',
            name='summary_en',
            field=models.TextField(blank=True, help_text='One or two plain sentences.', null=True, verbose_name='summary'),
        ),
        migrations.AddField(
            model_name='consultation',
            name='summary_es',
            field=models.TextField(blank=True, help_text='One or two plain sentences.', null=True, verbose_name='summary'),
        ),
        migrations.AddField(
            model_name='consultation',
            name='summary_fr',
            field=models.TextField(blank=True, help_text='One or two plain sentences.', null=True, verbose_name='summary'),
        ),
        migrations.AddField(
            model_name='consultation',
            name='summary_ru',
            field=models.TextField(blank=True, help_text='One or two plain sentences.', null=True, verbose_name='summary'),
        ),
        migrations.AddField(
            model_name='consultation',
            name='summary_zh_hans',
            field=models.TextField(blank=True, help_text='One or two plain sentences.', null=True, verbose_name='summary'),
        ),
        migrations.AddField(
            model_name='consultation',
            name='title_ar',
            field=models.CharField(max_length=200, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='consultation',
            name='title_en',
            field=models.CharField(max_length=200, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='consultation',
            name='title_es',
            field=models.CharField(max_length=200, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='consultation',
            name='title_fr',
            field=models.CharField(max_length=200, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='consultation',
            name='title_ru',
            field=models.CharField(max_length=200, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='consultation',
            name='title_zh_hans',
            field=models.CharField(max_length=200, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='conventionchapter',
            name='certainty_note_ar',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='conventionchapter',
            name='certainty_note_en',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='conventionchapter',
            name='certainty_note_es',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='conventionchapter',
            name='certainty_note_fr',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='conventionchapter',
            name='certainty_note_ru',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='conventionchapter',
            name='certainty_note_zh_hans',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='conventionchapter',
            name='summary_ar',
            field=models.TextField(blank=True, help_text='What this part says, in a few plain sentences of our own.', null=True, verbose_name='summary'),
        ),
        migrations.AddField(
            model_name='conventionchapter',
            name='summary_en',
            field=models.TextField(blank=True, help_text='What this part says, in a few plain sentences of our own.', null=True, verbose_name='summary'),
        ),
        migrations.AddField(
            model_name='conventionchapter',
            name='summary_es',
            field=models.TextField(blank=True, help_text='What this part says, in a few plain sentences of our own.', null=True, verbose_name='summary'),
        ),
        migrations.AddField(
            model_name='conventionchapter',
            name='summary_fr',
            field=models.TextField(blank=True, help_text='What this part says, in a few plain sentences of our own.', null=True, verbose_name='summary'),
        ),
        migrations.AddField(
            model_name='conventionchapter',
            name='summary_ru',
            field=models.TextField(blank=True, help_text='What this part says, in a few plain sentences of our own.', null=True, verbose_name='summary'),
        ),
        migrations.AddField(
            model_name='conventionchapter',
            name='summary_zh_hans',
            field=models.TextField(blank=True, help_text='What this part says, in a few plain sentences of our own.', null=True, verbose_name='summary'),
        ),
        migrations.AddField(
            model_name='conventionchapter',
            name='title_ar',
            field=models.CharField(max_length=200, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='conventionchapter',
            name='title_en',
            field=models.CharField(max_length=200, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='conventionchapter',
            name='title_es',
            field=models.CharField(max_length=200, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='conventionchapter',
            name='title_fr',
            field=models.CharField(max_length=200, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='conventionchapter',
            name='title_ru',
            field=models.CharField(max_length=200, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='conventionchapter',
            name='title_zh_hans',
            field=models.CharField(max_length=200, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='document',
            name='certainty_note_ar',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='document',
            name='certainty_note_en',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='document',
            name='certainty_note_es',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='document',
            name='certainty_note_fr',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='document',
            name='certainty_note_ru',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='document',
            name='certainty_note_zh_hans',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='document',
            name='summary_ar',
            field=models.TextField(blank=True, null=True, verbose_name='summary'),
        ),
        migrations.AddField(
            model_name='document',
            name='summary_en',
            field=models.TextField(blank=True, null=True, verbose_name='summary'),
        ),
        migrations.AddField(
            model_name='document',
            name='summary_es',
            field=models.TextField(blank=True, null=True, verbose_name='summary'),
        ),
        migrations.AddField(
            model_name='document',
            name='summary_fr',
            field=models.TextField(blank=True, null=True, verbose_name='summary'),
        ),
        migrations.AddField(
            model_name='document',
            name='summary_ru',
            field=models.TextField(blank=True, null=True, verbose_name='summary'),
        ),
        migrations.AddField(
            model_name='document',
            name='summary_zh_hans',
            field=models.TextField(blank=True, null=True, verbose_name='summary'),
        ),
        migrations.AddField(
            model_name='document',
            name='title_ar',
            field=models.CharField(max_length=400, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='document',
            name='title_en',
            field=models.CharField(max_length=400, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='document',
            name='title_es',
            field=models.CharField(max_length=400, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='document',
            name='title_fr',
            field=models.CharField(max_length=400, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='document',
            name='title_ru',
            field=models.CharField(max_length=400, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='document',
            name='title_zh_hans',
            field=models.CharField(max_length=400, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='faqentry',
            name='answer_ar',
            field=committee.models.RichTextField(help_text='HTML; unsafe markup is removed on save.', null=True, verbose_name='answer'),
        ),
        migrations.AddField(
            model_name='faqentry',
            name='answer_en',
            field=committee.models.RichTextField(help_text='HTML; unsafe markup is removed on save.', null=True, verbose_name='answer'),
        ),
        migrations.AddField(
            model_name='faqentry',
            name='answer_es',
            field=committee.models.RichTextField(help_text='HTML; unsafe markup is removed on save.', null=True, verbose_name='answer'),
        ),
        migrations.AddField(
            model_name='faqentry',
            name='answer_fr',
            field=committee.models.RichTextField(help_text='HTML; unsafe markup is removed on save.', null=True, verbose_name='answer'),
        ),
        migrations.AddField(
            model_name='faqentry',
            name='answer_ru',
            field=committee.models.RichTextField(help_text='HTML; unsafe markup is removed on save.', null=True, verbose_name='answer'),
        ),
        migrations.AddField(
            model_name='faqentry',
            name='answer_zh_hans',
            field=committee.models.RichTextField(help_text='HTML; unsafe markup is removed on save.', null=True, verbose_name='answer'),
        ),
        migrations.AddField(
            model_name='faqentry',
            name='certainty_note_ar',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='faqentry',
            name='certainty_note_en',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='faqentry',
            name='certainty_note_es',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='faqentry',
            name='certainty_note_fr',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='faqentry',
            name='certainty_note_ru',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='faqentry',
            name='certainty_note_zh_hans',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='faqentry',
            name='question_ar',
            field=models.CharField(max_length=300, null=True, verbose_name='question'),
        ),
        migrations.AddField(
            model_name='faqentry',
            name='question_en',
            field=models.CharField(max_length=300, null=True, verbose_name='question'),
        ),
        migrations.AddField(
            model_name='faqentry',
            name='question_es',
            field=models.CharField(max_length=300, null=True, verbose_name='question'),
        ),
        migrations.AddField(
            model_name='faqentry',
            name='question_fr',
            field=models.CharField(max_length=300, null=True, verbose_name='question'),
        ),
        migrations.AddField(
            model_name='faqentry',
            name='question_ru',
            field=models.CharField(max_length=300, null=True, verbose_name='question'),
        ),
        migrations.AddField(
            model_name='faqentry',
            name='question_zh_hans',
            field=models.CharField(max_length=300, null=True, verbose_name='question'),
        ),
        migrations.AddField(
            model_name='historicalarticle',
            name='certainty_note_ar',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='historicalarticle',
            name='certainty_note_en',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='historicalarticle',
            name='certainty_note_es',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='historicalarticle',
            name='certainty_note_fr',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='historicalarticle',
            name='certainty_note_ru',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='historicalarticle',
            name='certainty_note_zh_hans',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='historicalarticle',
            name='title_ar',
            field=models.CharField(help_text='The article’s title as adopted.', max_length=300, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='historicalarticle',
            name='title_en',
            field=models.CharField(help_text='The article’s title as adopted.', max_length=300, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='historicalarticle',
            name='title_es',
            field=models.CharField(help_text='The article’s title as adopted.', max_length=300, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='historicalarticle',
            name='title_fr',
            field=models.CharField(help_text='The article’s title as adopted.', max_length=300, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='historicalarticle',
            name='title_ru',
            field=models.CharField(help_text='The article’s title as adopted.', max_length=300, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='historicalarticle',
            name='title_zh_hans',
            field=models.CharField(help_text='The article’s title as adopted.', max_length=300, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='historicalbureaumembership',
            name='certainty_note_ar',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='historicalbureaumembership',
            name='certainty_note_en',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='historicalbureaumembership',
            name='certainty_note_es',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='historicalbureaumembership',
            name='certainty_note_fr',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='historicalbureaumembership',
            name='certainty_note_ru',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='historicalbureaumembership',
            name='certainty_note_zh_hans',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='historicalchapter',
            name='certainty_note_ar',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='historicalchapter',
            name='certainty_note_en',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='historicalchapter',
            name='certainty_note_es',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='historicalchapter',
            name='certainty_note_fr',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='historicalchapter',
            name='certainty_note_ru',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='historicalchapter',
            name='certainty_note_zh_hans',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='historicalchapter',
            name='description_ar',
            field=committee.models.RichTextField(blank=True, null=True, verbose_name='description'),
        ),
        migrations.AddField(
            model_name='historicalchapter',
            name='description_en',
            field=committee.models.RichTextField(blank=True, null=True, verbose_name='description'),
        ),
        migrations.AddField(
            model_name='historicalchapter',
            name='description_es',
            field=committee.models.RichTextField(blank=True, null=True, verbose_name='description'),
        ),
        migrations.AddField(
            model_name='historicalchapter',
            name='description_fr',
            field=committee.models.RichTextField(blank=True, null=True, verbose_name='description'),
        ),
        migrations.AddField(
            model_name='historicalchapter',
            name='description_ru',
            field=committee.models.RichTextField(blank=True, null=True, verbose_name='description'),
        ),
        migrations.AddField(
            model_name='historicalchapter',
            name='description_zh_hans',
            field=committee.models.RichTextField(blank=True, null=True, verbose_name='description'),
        ),
        migrations.AddField(
            model_name='historicalchapter',
            name='title_ar',
            field=models.CharField(max_length=200, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='historicalchapter',
            name='title_en',
            field=models.CharField(max_length=200, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='historicalchapter',
            name='title_es',
            field=models.CharField(max_length=200, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='historicalchapter',
            name='title_fr',
            field=models.CharField(max_length=200, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='historicalchapter',
            name='title_ru',
            field=models.CharField(max_length=200, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='historicalchapter',
            name='title_zh_hans',
            field=models.CharField(max_length=200, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='historicalconsultation',
            name='body_ar',
            field=committee.models.RichTextField(blank=True, help_text='HTML; unsafe markup is removed on save.', null=True, verbose_name='body'),
        ),
        migrations.AddField(
            model_name='historicalconsultation',
            name='body_en',
            field=committee.models.RichTextField(blank=True, help_text='HTML; unsafe markup is removed on save.', null=True, verbose_name='body'),
        ),
        migrations.AddField(
            model_name='historicalconsultation',
            name='body_es',
            field=committee.models.RichTextField(blank=True, help_text='HTML; unsafe markup is removed on save.', null=True, verbose_name='body'),
        ),
        migrations.AddField(
            model_name='historicalconsultation',
            name='body_fr',
            field=committee.models.RichTextField(blank=True, help_text='HTML; unsafe markup is removed on save.', null=True, verbose_name='body'),
        ),
        migrations.AddField(
            model_name='historicalconsultation',
            name='body_ru',
            field=committee.models.RichTextField(blank=True, help_text='HTML; unsafe markup is removed on save.', null=True, verbose_name='body'),
        ),
        migrations.AddField(
            model_name='historicalconsultation',
            name='body_zh_hans',
            field=committee.models.RichTextField(blank=True, help_text='HTML; unsafe markup is removed on save.', null=True, verbose_name='body'),
        ),
        migrations.AddField(
            model_name='historicalconsultation',
            name='certainty_note_ar',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='historicalconsultation',
            name='certainty_note_en',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='historicalconsultation',
            name='certainty_note_es',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='historicalconsultation',
            name='certainty_note_fr',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='historicalconsultation',
            name='certainty_note_ru',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='historicalconsultation',
            name='certainty_note_zh_hans',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='historicalconsultation',
            name='panels_ar',
            field=models.TextField(blank=True, help_text='One panel or topic per line.', null=True, verbose_name='panels'),
        ),
        migrations.AddField(
            model_name='historicalconsultation',
            name='panels_en',
            field=models.TextField(blank=True, help_text='One panel or topic per line.', null=True, verbose_name='panels'),
        ),
        migrations.AddField(
            model_name='historicalconsultation',
            name='panels_es',
            field=models.TextField(blank=True, help_text='One panel or topic per line.', null=True, verbose_name='panels'),
        ),
        migrations.AddField(
            model_name='historicalconsultation',
            name='panels_fr',
            field=models.TextField(blank=True, help_text='One panel or topic per line.', null=True, verbose_name='panels'),
        ),
        migrations.AddField(
            model_name='historicalconsultation',
            name='panels_ru',
            field=models.TextField(blank=True, help_text='One panel or topic per line.', null=True, verbose_name='panels'),
        ),
        migrations.AddField(
            model_name='historicalconsultation',
            name='panels_zh_hans',
            field=models.TextField(blank=True, help_text='One panel or topic per line.', null=True, verbose_name='panels'),
        ),
        migrations.AddField(
            model_name='historicalconsultation',
            name='summary_ar',
            field=models.TextField(blank=True, help_text='One or two plain sentences.', null=True, verbose_name='summary'),
        ),
        migrations.AddField(
            model_name='historicalconsultation',
            name='summary_en',
            field=models.TextField(blank=True, help_text='One or two plain sentences.', null=True, verbose_name='summary'),
        ),
        migrations.AddField(
            model_name='historicalconsultation',
            name='summary_es',
            field=models.TextField(blank=True, help_text='One or two plain sentences.', null=True, verbose_name='summary'),
        ),
        migrations.AddField(
            model_name='historicalconsultation',
            name='summary_fr',
            field=models.TextField(blank=True, help_text='One or two plain sentences.', null=True, verbose_name='summary'),
        ),
        migrations.AddField(
            model_name='historicalconsultation',
            name='summary_ru',
            field=models.TextField(blank=True, help_text='One or two plain sentences.', null=True, verbose_name='summary'),
        ),
        migrations.AddField(
            model_name='historicalconsultation',
            name='summary_zh_hans',
            field=models.TextField(blank=True, help_text='One or two plain sentences.', null=True, verbose_name='summary'),
        ),
        migrations.AddField(
            model_name='historicalconsultation',
            name='title_ar',
            field=models.CharField(max_length=200, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='historicalconsultation',
            name='title_en',
            field=models.CharField(max_length=200, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='historicalconsultation',
            name='title_es',
            field=models.CharField(max_length=200, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='historicalconsultation',
            name='title_fr',
            field=models.CharField(max_length=200, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='historicalconsultation',
            name='title_ru',
            field=models.CharField(max_length=200, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='historicalconsultation',
            name='title_zh_hans',
            field=models.CharField(max_length=200, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='historicalconventionchapter',
            name='certainty_note_ar',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='historicalconventionchapter',
            name='certainty_note_en',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='historicalconventionchapter',
            name='certainty_note_es',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='historicalconventionchapter',
            name='certainty_note_fr',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='historicalconventionchapter',
            name='certainty_note_ru',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='historicalconventionchapter',
            name='certainty_note_zh_hans',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='historicalconventionchapter',
            name='summary_ar',
            field=models.TextField(blank=True, help_text='What this part says, in a few plain sentences of our own.', null=True, verbose_name='summary'),
        ),
        migrations.AddField(
            model_name='historicalconventionchapter',
            name='summary_en',
            field=models.TextField(blank=True, help_text='What this part says, in a few plain sentences of our own.', null=True, verbose_name='summary'),
        ),
        migrations.AddField(
            model_name='historicalconventionchapter',
            name='summary_es',
            field=models.TextField(blank=True, help_text='What this part says, in a few plain sentences of our own.', null=True, verbose_name='summary'),
        ),
        migrations.AddField(
            model_name='historicalconventionchapter',
            name='summary_fr',
            field=models.TextField(blank=True, help_text='What this part says, in a few plain sentences of our own.', null=True, verbose_name='summary'),
        ),
        migrations.AddField(
            model_name='historicalconventionchapter',
            name='summary_ru',
            field=models.TextField(blank=True, help_text='What this part says, in a few plain sentences of our own.', null=True, verbose_name='summary'),
        ),
        migrations.AddField(
            model_name='historicalconventionchapter',
            name='summary_zh_hans',
            field=models.TextField(blank=True, help_text='What this part says, in a few plain sentences of our own.', null=True, verbose_name='summary'),
        ),
        migrations.AddField(
            model_name='historicalconventionchapter',
            name='title_ar',
            field=models.CharField(max_length=200, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='historicalconventionchapter',
            name='title_en',
            field=models.CharField(max_length=200, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='historicalconventionchapter',
            name='title_es',
            field=models.CharField(max_length=200, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='historicalconventionchapter',
            name='title_fr',
            field=models.CharField(max_length=200, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='historicalconventionchapter',
            name='title_ru',
            field=models.CharField(max_length=200, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='historicalconventionchapter',
            name='title_zh_hans',
            field=models.CharField(max_length=200, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='historicaldocument',
            name='certainty_note_ar',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='historicaldocument',
            name='certainty_note_en',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='historicaldocument',
            name='certainty_note_es',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='historicaldocument',
            name='certainty_note_fr',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='historicaldocument',
            name='certainty_note_ru',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='historicaldocument',
            name='certainty_note_zh_hans',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='historicaldocument',
            name='summary_ar',
            field=models.TextField(blank=True, null=True, verbose_name='summary'),
        ),
        migrations.AddField(
            model_name='historicaldocument',
            name='summary_en',
            field=models.TextField(blank=True, null=True, verbose_name='summary'),
        ),
        migrations.AddField(
            model_name='historicaldocument',
            name='summary_es',
            field=models.TextField(blank=True, null=True, verbose_name='summary'),
        ),
        migrations.AddField(
            model_name='historicaldocument',
            name='summary_fr',
            field=models.TextField(blank=True, null=True, verbose_name='summary'),
        ),
        migrations.AddField(
            model_name='historicaldocument',
            name='summary_ru',
            field=models.TextField(blank=True, null=True, verbose_name='summary'),
        ),
        migrations.AddField(
            model_name='historicaldocument',
            name='summary_zh_hans',
            field=models.TextField(blank=True, null=True, verbose_name='summary'),
        ),
        migrations.AddField(
            model_name='historicaldocument',
            name='title_ar',
            field=models.CharField(max_length=400, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='historicaldocument',
            name='title_en',
            field=models.CharField(max_length=400, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='historicaldocument',
            name='title_es',
            field=models.CharField(max_length=400, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='historicaldocument',
            name='title_fr',
            field=models.CharField(max_length=400, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='historicaldocument',
            name='title_ru',
            field=models.CharField(max_length=400, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='historicaldocument',
            name='title_zh_hans',
            field=models.CharField(max_length=400, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='historicalfaqentry',
            name='answer_ar',
            field=committee.models.RichTextField(help_text='HTML; unsafe markup is removed on save.', null=True, verbose_name='answer'),
        ),
        migrations.AddField(
            model_name='historicalfaqentry',
            name='answer_en',
            field=committee.models.RichTextField(help_text='HTML; unsafe markup is removed on save.', null=True, verbose_name='answer'),
        ),
        migrations.AddField(
            model_name='historicalfaqentry',
            name='answer_es',
            field=committee.models.RichTextField(help_text='HTML; unsafe markup is removed on save.', null=True, verbose_name='answer'),
        ),
        migrations.AddField(
            model_name='historicalfaqentry',
            name='answer_fr',
            field=committee.models.RichTextField(help_text='HTML; unsafe markup is removed on save.', null=True, verbose_name='answer'),
        ),
        migrations.AddField(
            model_name='historicalfaqentry',
            name='answer_ru',
            field=committee.models.RichTextField(help_text='HTML; unsafe markup is removed on save.', null=True, verbose_name='answer'),
        ),
        migrations.AddField(
            model_name='historicalfaqentry',
            name='answer_zh_hans',
            field=committee.models.RichTextField(help_text='HTML; unsafe markup is removed on save.', null=True, verbose_name='answer'),
        ),
        migrations.AddField(
            model_name='historicalfaqentry',
            name='certainty_note_ar',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='historicalfaqentry',
            name='certainty_note_en',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='historicalfaqentry',
            name='certainty_note_es',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='historicalfaqentry',
            name='certainty_note_fr',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='historicalfaqentry',
            name='certainty_note_ru',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='historicalfaqentry',
            name='certainty_note_zh_hans',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='historicalfaqentry',
            name='question_ar',
            field=models.CharField(max_length=300, null=True, verbose_name='question'),
        ),
        migrations.AddField(
            model_name='historicalfaqentry',
            name='question_en',
            field=models.CharField(max_length=300, null=True, verbose_name='question'),
        ),
        migrations.AddField(
            model_name='historicalfaqentry',
            name='question_es',
            field=models.CharField(max_length=300, null=True, verbose_name='question'),
        ),
        migrations.AddField(
            model_name='historicalfaqentry',
            name='question_fr',
            field=models.CharField(max_length=300, null=True, verbose_name='question'),
        ),
        migrations.AddField(
            model_name='historicalfaqentry',
            name='question_ru',
            field=models.CharField(max_length=300, null=True, verbose_name='question'),
        ),
        migrations.AddField(
            model_name='historicalfaqentry',
            name='question_zh_hans',
            field=models.CharField(max_length=300, null=True, verbose_name='question'),
        ),
        migrations.AddField(
            model_name='historicalmilestone',
            name='certainty_note_ar',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='historicalmilestone',
            name='certainty_note_en',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='historicalmilestone',
            name='certainty_note_es',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='historicalmilestone',
            name='certainty_note_fr',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='historicalmilestone',
            name='certainty_note_ru',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='historicalmilestone',
            name='certainty_note_zh_hans',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='historicalmilestone',
            name='description_ar',
            field=models.TextField(blank=True, null=True, verbose_name='description'),
        ),
        migrations.AddField(
            model_name='historicalmilestone',
            name='description_en',
            field=models.TextField(blank=True, null=True, verbose_name='description'),
        ),
        migrations.AddField(
            model_name='historicalmilestone',
            name='description_es',
            field=models.TextField(blank=True, null=True, verbose_name='description'),
        ),
        migrations.AddField(
            model_name='historicalmilestone',
            name='description_fr',
            field=models.TextField(blank=True, null=True, verbose_name='description'),
        ),
        migrations.AddField(
            model_name='historicalmilestone',
            name='description_ru',
            field=models.TextField(blank=True, null=True, verbose_name='description'),
        ),
        migrations.AddField(
            model_name='historicalmilestone',
            name='description_zh_hans',
            field=models.TextField(blank=True, null=True, verbose_name='description'),
        ),
        migrations.AddField(
            model_name='historicalmilestone',
            name='title_ar',
            field=models.CharField(max_length=300, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='historicalmilestone',
            name='title_en',
            field=models.CharField(max_length=300, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='historicalmilestone',
            name='title_es',
            field=models.CharField(max_length=300, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='historicalmilestone',
            name='title_fr',
            field=models.CharField(max_length=300, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='historicalmilestone',
            name='title_ru',
            field=models.CharField(max_length=300, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='historicalmilestone',
            name='title_zh_hans',
            field=models.CharField(max_length=300, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='historicalnegotiationgroup',
            name='body_ar',
            field=committee.models.RichTextField(blank=True, null=True, verbose_name='body'),
        ),
        migrations.AddField(
            model_name='historicalnegotiationgroup',
            name='body_en',
            field=committee.models.RichTextField(blank=True, null=True, verbose_name='body'),
        ),
        migrations.AddField(
            model_name='historicalnegotiationgroup',
            name='body_es',
            field=committee.models.RichTextField(blank=True, null=True, verbose_name='body'),
        ),
        migrations.AddField(
            model_name='historicalnegotiationgroup',
            name='body_fr',
            field=committee.models.RichTextField(blank=True, null=True, verbose_name='body'),
        ),
        migrations.AddField(
            model_name='historicalnegotiationgroup',
            name='body_ru',
            field=committee.models.RichTextField(blank=True, null=True, verbose_name='body'),
        ),
        migrations.AddField(
            model_name='historicalnegotiationgroup',
            name='body_zh_hans',
            field=committee.models.RichTextField(blank=True, null=True, verbose_name='body'),
        ),
        migrations.AddField(
            model_name='historicalnegotiationgroup',
            name='certainty_note_ar',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='historicalnegotiationgroup',
            name='certainty_note_en',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='historicalnegotiationgroup',
            name='certainty_note_es',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='historicalnegotiationgroup',
            name='certainty_note_fr',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='historicalnegotiationgroup',
            name='certainty_note_ru',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='historicalnegotiationgroup',
            name='certainty_note_zh_hans',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='historicalnegotiationgroup',
            name='name_ar',
            field=models.CharField(max_length=200, null=True, verbose_name='name'),
        ),
        migrations.AddField(
            model_name='historicalnegotiationgroup',
            name='name_en',
            field=models.CharField(max_length=200, null=True, verbose_name='name'),
        ),
        migrations.AddField(
            model_name='historicalnegotiationgroup',
            name='name_es',
            field=models.CharField(max_length=200, null=True, verbose_name='name'),
        ),
        migrations.AddField(
            model_name='historicalnegotiationgroup',
            name='name_fr',
            field=models.CharField(max_length=200, null=True, verbose_name='name'),
        ),
        migrations.AddField(
            model_name='historicalnegotiationgroup',
            name='name_ru',
            field=models.CharField(max_length=200, null=True, verbose_name='name'),
        ),
        migrations.AddField(
            model_name='historicalnegotiationgroup',
            name='name_zh_hans',
            field=models.CharField(max_length=200, null=True, verbose_name='name'),
        ),
        migrations.AddField(
            model_name='historicalnegotiationgroup',
            name='topics_ar',
            field=models.TextField(blank=True, help_text='The issues the group discussed, in plain words.', null=True, verbose_name='topics'),
        ),
        migrations.AddField(
            model_name='historicalnegotiationgroup',
            name='topics_en',
            field=models.TextField(blank=True, help_text='The issues the group discussed, in plain words.', null=True, verbose_name='topics'),
        ),
        migrations.AddField(
            model_name='historicalnegotiationgroup',
            name='topics_es',
            field=models.TextField(blank=True, help_text='The issues the group discussed, in plain words.', null=True, verbose_name='topics'),
        ),
        migrations.AddField(
            model_name='historicalnegotiationgroup',
            name='topics_fr',
            field=models.TextField(blank=True, help_text='The issues the group discussed, in plain words.', null=True, verbose_name='topics'),
        ),
        migrations.AddField(
            model_name='historicalnegotiationgroup',
            name='topics_ru',
            field=models.TextField(blank=True, help_text='The issues the group discussed, in plain words.', null=True, verbose_name='topics'),
        ),
        migrations.AddField(
            model_name='historicalnegotiationgroup',
            name='topics_zh_hans',
            field=models.TextField(blank=True, help_text='The issues the group discussed, in plain words.', null=True, verbose_name='topics'),
        ),
        migrations.AddField(
            model_name='historicalparticipant',
            name='certainty_note_ar',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='historicalparticipant',
            name='certainty_note_en',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='historicalparticipant',
            name='certainty_note_es',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='historicalparticipant',
            name='certainty_note_fr',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='historicalparticipant',
            name='certainty_note_ru',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='historicalparticipant',
            name='certainty_note_zh_hans',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='historicalperson',
            name='certainty_note_ar',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='historicalperson',
            name='certainty_note_en',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='historicalperson',
            name='certainty_note_es',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='historicalperson',
            name='certainty_note_fr',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='historicalperson',
            name='certainty_note_ru',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='historicalperson',
            name='certainty_note_zh_hans',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='historicalreading',
            name='body_ar',
            field=committee.models.RichTextField(blank=True, null=True, verbose_name='body'),
        ),
        migrations.AddField(
            model_name='historicalreading',
            name='body_en',
            field=committee.models.RichTextField(blank=True, null=True, verbose_name='body'),
        ),
        migrations.AddField(
            model_name='historicalreading',
            name='body_es',
            field=committee.models.RichTextField(blank=True, null=True, verbose_name='body'),
        ),
        migrations.AddField(
            model_name='historicalreading',
            name='body_fr',
            field=committee.models.RichTextField(blank=True, null=True, verbose_name='body'),
        ),
        migrations.AddField(
            model_name='historicalreading',
            name='body_ru',
            field=committee.models.RichTextField(blank=True, null=True, verbose_name='body'),
        ),
        migrations.AddField(
            model_name='historicalreading',
            name='body_zh_hans',
            field=committee.models.RichTextField(blank=True, null=True, verbose_name='body'),
        ),
        migrations.AddField(
            model_name='historicalreading',
            name='certainty_note_ar',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='historicalreading',
            name='certainty_note_en',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='historicalreading',
            name='certainty_note_es',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='historicalreading',
            name='certainty_note_fr',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='historicalreading',
            name='certainty_note_ru',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='historicalreading',
            name='certainty_note_zh_hans',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='historicalreading',
            name='summary_ar',
            field=models.TextField(blank=True, null=True, verbose_name='summary'),
        ),
        migrations.AddField(
            model_name='historicalreading',
            name='summary_en',
            field=models.TextField(blank=True, null=True, verbose_name='summary'),
        ),
        migrations.AddField(
            model_name='historicalreading',
            name='summary_es',
            field=models.TextField(blank=True, null=True, verbose_name='summary'),
        ),
        migrations.AddField(
            model_name='historicalreading',
            name='summary_fr',
            field=models.TextField(blank=True, null=True, verbose_name='summary'),
        ),
        migrations.AddField(
            model_name='historicalreading',
            name='summary_ru',
            field=models.TextField(blank=True, null=True, verbose_name='summary'),
        ),
        migrations.AddField(
            model_name='historicalreading',
            name='summary_zh_hans',
            field=models.TextField(blank=True, null=True, verbose_name='summary'),
        ),
        migrations.AddField(
            model_name='historicalreading',
            name='title_ar',
            field=models.CharField(max_length=200, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='historicalreading',
            name='title_en',
            field=models.CharField(max_length=200, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='historicalreading',
            name='title_es',
            field=models.CharField(max_length=200, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='historicalreading',
            name='title_fr',
            field=models.CharField(max_length=200, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='historicalreading',
            name='title_ru',
            field=models.CharField(max_length=200, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='historicalreading',
            name='title_zh_hans',
            field=models.CharField(max_length=200, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='historicalreadingitem',
            name='basis_note_ar',
            field=models.CharField(blank=True, help_text='The basis in words when there is no single document.', max_length=300, null=True, verbose_name='basis note'),
        ),
        migrations.AddField(
            model_name='historicalreadingitem',
            name='basis_note_en',
            field=models.CharField(blank=True, help_text='The basis in words when there is no single document.', max_length=300, null=True, verbose_name='basis note'),
        ),
        migrations.AddField(
            model_name='historicalreadingitem',
            name='basis_note_es',
            field=models.CharField(blank=True, help_text='The basis in words when there is no single document.', max_length=300, null=True, verbose_name='basis note'),
        ),
        migrations.AddField(
            model_name='historicalreadingitem',
            name='basis_note_fr',
            field=models.CharField(blank=True, help_text='The basis in words when there is no single document.', max_length=300, null=True, verbose_name='basis note'),
        ),
        migrations.AddField(
            model_name='historicalreadingitem',
            name='basis_note_ru',
            field=models.CharField(blank=True, help_text='The basis in words when there is no single document.', max_length=300, null=True, verbose_name='basis note'),
        ),
        migrations.AddField(
            model_name='historicalreadingitem',
            name='basis_note_zh_hans',
            field=models.CharField(blank=True, help_text='The basis in words when there is no single document.', max_length=300, null=True, verbose_name='basis note'),
        ),
        migrations.AddField(
            model_name='historicalreadingitem',
            name='certainty_note_ar',
            field=models.CharField(blank=True, help_text='Which part is less certain, for visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='historicalreadingitem',
            name='certainty_note_en',
            field=models.CharField(blank=True, help_text='Which part is less certain, for visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='historicalreadingitem',
            name='certainty_note_es',
            field=models.CharField(blank=True, help_text='Which part is less certain, for visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='historicalreadingitem',
            name='certainty_note_fr',
            field=models.CharField(blank=True, help_text='Which part is less certain, for visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='historicalreadingitem',
            name='certainty_note_ru',
            field=models.CharField(blank=True, help_text='Which part is less certain, for visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='historicalreadingitem',
            name='certainty_note_zh_hans',
            field=models.CharField(blank=True, help_text='Which part is less certain, for visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='historicalsession',
            name='body_ar',
            field=committee.models.RichTextField(blank=True, help_text='HTML; unsafe markup is removed on save.', null=True, verbose_name='body'),
        ),
        migrations.AddField(
            model_name='historicalsession',
            name='body_en',
            field=committee.models.RichTextField(blank=True, help_text='HTML; unsafe markup is removed on save.', null=True, verbose_name='body'),
        ),
        migrations.AddField(
            model_name='historicalsession',
            name='body_es',
            field=committee.models.RichTextField(blank=True, help_text='HTML; unsafe markup is removed on save.', null=True, verbose_name='body'),
        ),
        migrations.AddField(
            model_name='historicalsession',
            name='body_fr',
            field=committee.models.RichTextField(blank=True, help_text='HTML; unsafe markup is removed on save.', null=True, verbose_name='body'),
        ),
        migrations.AddField(
            model_name='historicalsession',
            name='body_ru',
            field=committee.models.RichTextField(blank=True, help_text='HTML; unsafe markup is removed on save.', null=True, verbose_name='body'),
        ),
        migrations.AddField(
            model_name='historicalsession',
            name='body_zh_hans',
            field=committee.models.RichTextField(blank=True, help_text='HTML; unsafe markup is removed on save.', null=True, verbose_name='body'),
        ),
        migrations.AddField(
            model_name='historicalsession',
            name='certainty_note_ar',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='historicalsession',
            name='certainty_note_en',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='historicalsession',
            name='certainty_note_es',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='historicalsession',
            name='certainty_note_fr',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='historicalsession',
            name='certainty_note_ru',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='historicalsession',
            name='certainty_note_zh_hans',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='historicalsession',
            name='summary_ar',
            field=models.TextField(blank=True, help_text='One or two plain sentences.', null=True, verbose_name='summary'),
        ),
        migrations.AddField(
            model_name='historicalsession',
            name='summary_en',
            field=models.TextField(blank=True, help_text='One or two plain sentences.', null=True, verbose_name='summary'),
        ),
        migrations.AddField(
            model_name='historicalsession',
            name='summary_es',
            field=models.TextField(blank=True, help_text='One or two plain sentences.', null=True, verbose_name='summary'),
        ),
        migrations.AddField(
            model_name='historicalsession',
            name='summary_fr',
            field=models.TextField(blank=True, help_text='One or two plain sentences.', null=True, verbose_name='summary'),
        ),
        migrations.AddField(
            model_name='historicalsession',
            name='summary_ru',
            field=models.TextField(blank=True, help_text='One or two plain sentences.', null=True, verbose_name='summary'),
        ),
        migrations.AddField(
            model_name='historicalsession',
            name='summary_zh_hans',
            field=models.TextField(blank=True, help_text='One or two plain sentences.', null=True, verbose_name='summary'),
        ),
        migrations.AddField(
            model_name='historicalsession',
            name='title_ar',
            field=models.CharField(max_length=200, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='historicalsession',
            name='title_en',
            field=models.CharField(max_length=200, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='historicalsession',
            name='title_es',
            field=models.CharField(max_length=200, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='historicalsession',
            name='title_fr',
            field=models.CharField(max_length=200, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='historicalsession',
            name='title_ru',
            field=models.CharField(max_length=200, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='historicalsession',
            name='title_zh_hans',
            field=models.CharField(max_length=200, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='historicalstakeholder',
            name='certainty_note_ar',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='historicalstakeholder',
            name='certainty_note_en',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='historicalstakeholder',
            name='certainty_note_es',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='historicalstakeholder',
            name='certainty_note_fr',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='historicalstakeholder',
            name='certainty_note_ru',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='historicalstakeholder',
            name='certainty_note_zh_hans',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='historicaltreatyaction',
            name='certainty_note_ar',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='historicaltreatyaction',
            name='certainty_note_en',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='historicaltreatyaction',
            name='certainty_note_es',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='historicaltreatyaction',
            name='certainty_note_fr',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='historicaltreatyaction',
            name='certainty_note_ru',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='historicaltreatyaction',
            name='certainty_note_zh_hans',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='milestone',
            name='certainty_note_ar',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='milestone',
            name='certainty_note_en',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='milestone',
            name='certainty_note_es',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='milestone',
            name='certainty_note_fr',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='milestone',
            name='certainty_note_ru',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='milestone',
            name='certainty_note_zh_hans',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='milestone',
            name='description_ar',
            field=models.TextField(blank=True, null=True, verbose_name='description'),
        ),
        migrations.AddField(
            model_name='milestone',
            name='description_en',
            field=models.TextField(blank=True, null=True, verbose_name='description'),
        ),
        migrations.AddField(
            model_name='milestone',
            name='description_es',
            field=models.TextField(blank=True, null=True, verbose_name='description'),
        ),
        migrations.AddField(
            model_name='milestone',
            name='description_fr',
            field=models.TextField(blank=True, null=True, verbose_name='description'),
        ),
        migrations.AddField(
            model_name='milestone',
            name='description_ru',
            field=models.TextField(blank=True, null=True, verbose_name='description'),
        ),
        migrations.AddField(
            model_name='milestone',
            name='description_zh_hans',
            field=models.TextField(blank=True, null=True, verbose_name='description'),
        ),
        migrations.AddField(
            model_name='milestone',
            name='title_ar',
            field=models.CharField(max_length=300, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='milestone',
            name='title_en',
            field=models.CharField(max_length=300, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='milestone',
            name='title_es',
            field=models.CharField(max_length=300, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='milestone',
            name='title_fr',
            field=models.CharField(max_length=300, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='milestone',
            name='title_ru',
            field=models.CharField(max_length=300, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='milestone',
            name='title_zh_hans',
            field=models.CharField(max_length=300, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='negotiationgroup',
            name='body_ar',
            field=committee.models.RichTextField(blank=True, null=True, verbose_name='body'),
        ),
        migrations.AddField(
            model_name='negotiationgroup',
            name='body_en',
            field=committee.models.RichTextField(blank=True, null=True, verbose_name='body'),
        ),
        migrations.AddField(
            model_name='negotiationgroup',
            name='body_es',
            field=committee.models.RichTextField(blank=True, null=True, verbose_name='body'),
        ),
        migrations.AddField(
            model_name='negotiationgroup',
            name='body_fr',
            field=committee.models.RichTextField(blank=True, null=True, verbose_name='body'),
        ),
        migrations.AddField(
            model_name='negotiationgroup',
            name='body_ru',
            field=committee.models.RichTextField(blank=True, null=True, verbose_name='body'),
        ),
        migrations.AddField(
            model_name='negotiationgroup',
            name='body_zh_hans',
            field=committee.models.RichTextField(blank=True, null=True, verbose_name='body'),
        ),
        migrations.AddField(
            model_name='negotiationgroup',
            name='certainty_note_ar',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='negotiationgroup',
            name='certainty_note_en',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='negotiationgroup',
            name='certainty_note_es',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='negotiationgroup',
            name='certainty_note_fr',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='negotiationgroup',
            name='certainty_note_ru',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='negotiationgroup',
            name='certainty_note_zh_hans',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='negotiationgroup',
            name='name_ar',
            field=models.CharField(max_length=200, null=True, verbose_name='name'),
        ),
        migrations.AddField(
            model_name='negotiationgroup',
            name='name_en',
            field=models.CharField(max_length=200, null=True, verbose_name='name'),
        ),
        migrations.AddField(
            model_name='negotiationgroup',
            name='name_es',
            field=models.CharField(max_length=200, null=True, verbose_name='name'),
        ),
        migrations.AddField(
            model_name='negotiationgroup',
            name='name_fr',
            field=models.CharField(max_length=200, null=True, verbose_name='name'),
        ),
        migrations.AddField(
            model_name='negotiationgroup',
            name='name_ru',
            field=models.CharField(max_length=200, null=True, verbose_name='name'),
        ),
        migrations.AddField(
            model_name='negotiationgroup',
            name='name_zh_hans',
            field=models.CharField(max_length=200, null=True, verbose_name='name'),
        ),
        migrations.AddField(
            model_name='negotiationgroup',
            name='topics_ar',
            field=models.TextField(blank=True, help_text='The issues the group discussed, in plain words.', null=True, verbose_name='topics'),
        ),
        migrations.AddField(
            model_name='negotiationgroup',
            name='topics_en',
            field=models.TextField(blank=True, help_text='The issues the group discussed, in plain words.', null=True, verbose_name='topics'),
        ),
        migrations.AddField(
            model_name='negotiationgroup',
            name='topics_es',
            field=models.TextField(blank=True, help_text='The issues the group discussed, in plain words.', null=True, verbose_name='topics'),
        ),
        migrations.AddField(
            model_name='negotiationgroup',
            name='topics_fr',
            field=models.TextField(blank=True, help_text='The issues the group discussed, in plain words.', null=True, verbose_name='topics'),
        ),
        migrations.AddField(
            model_name='negotiationgroup',
            name='topics_ru',
            field=models.TextField(blank=True, help_text='The issues the group discussed, in plain words.', null=True, verbose_name='topics'),
        ),
        migrations.AddField(
            model_name='negotiationgroup',
            name='topics_zh_hans',
            field=models.TextField(blank=True, help_text='The issues the group discussed, in plain words.', null=True, verbose_name='topics'),
        ),
        migrations.AddField(
            model_name='participant',
            name='certainty_note_ar',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='participant',
            name='certainty_note_en',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='participant',
            name='certainty_note_es',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='participant',
            name='certainty_note_fr',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='participant',
            name='certainty_note_ru',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='participant',
            name='certainty_note_zh_hans',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='person',
            name='certainty_note_ar',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='person',
            name='certainty_note_en',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='person',
            name='certainty_note_es',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='person',
            name='certainty_note_fr',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='person',
            name='certainty_note_ru',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='person',
            name='certainty_note_zh_hans',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='reading',
            name='body_ar',
            field=committee.models.RichTextField(blank=True, null=True, verbose_name='body'),
        ),
        migrations.AddField(
            model_name='reading',
            name='body_en',
            field=committee.models.RichTextField(blank=True, null=True, verbose_name='body'),
        ),
        migrations.AddField(
            model_name='reading',
            name='body_es',
            field=committee.models.RichTextField(blank=True, null=True, verbose_name='body'),
        ),
        migrations.AddField(
            model_name='reading',
            name='body_fr',
            field=committee.models.RichTextField(blank=True, null=True, verbose_name='body'),
        ),
        migrations.AddField(
            model_name='reading',
            name='body_ru',
            field=committee.models.RichTextField(blank=True, null=True, verbose_name='body'),
        ),
        migrations.AddField(
            model_name='reading',
            name='body_zh_hans',
            field=committee.models.RichTextField(blank=True, null=True, verbose_name='body'),
        ),
        migrations.AddField(
            model_name='reading',
            name='certainty_note_ar',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='reading',
            name='certainty_note_en',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='reading',
            name='certainty_note_es',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='reading',
            name='certainty_note_fr',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='reading',
            name='certainty_note_ru',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='reading',
            name='certainty_note_zh_hans',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='reading',
            name='summary_ar',
            field=models.TextField(blank=True, null=True, verbose_name='summary'),
        ),
        migrations.AddField(
            model_name='reading',
            name='summary_en',
            field=models.TextField(blank=True, null=True, verbose_name='summary'),
        ),
        migrations.AddField(
            model_name='reading',
            name='summary_es',
            field=models.TextField(blank=True, null=True, verbose_name='summary'),
        ),
        migrations.AddField(
            model_name='reading',
            name='summary_fr',
            field=models.TextField(blank=True, null=True, verbose_name='summary'),
        ),
        migrations.AddField(
            model_name='reading',
            name='summary_ru',
            field=models.TextField(blank=True, null=True, verbose_name='summary'),
        ),
        migrations.AddField(
            model_name='reading',
            name='summary_zh_hans',
            field=models.TextField(blank=True, null=True, verbose_name='summary'),
        ),
        migrations.AddField(
            model_name='reading',
            name='title_ar',
            field=models.CharField(max_length=200, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='reading',
            name='title_en',
            field=models.CharField(max_length=200, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='reading',
            name='title_es',
            field=models.CharField(max_length=200, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='reading',
            name='title_fr',
            field=models.CharField(max_length=200, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='reading',
            name='title_ru',
            field=models.CharField(max_length=200, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='reading',
            name='title_zh_hans',
            field=models.CharField(max_length=200, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='readingitem',
            name='basis_note_ar',
            field=models.CharField(blank=True, help_text='The basis in words when there is no single document.', max_length=300, null=True, verbose_name='basis note'),
        ),
        migrations.AddField(
            model_name='readingitem',
            name='basis_note_en',
            field=models.CharField(blank=True, help_text='The basis in words when there is no single document.', max_length=300, null=True, verbose_name='basis note'),
        ),
        migrations.AddField(
            model_name='readingitem',
            name='basis_note_es',
            field=models.CharField(blank=True, help_text='The basis in words when there is no single document.', max_length=300, null=True, verbose_name='basis note'),
        ),
        migrations.AddField(
            model_name='readingitem',
            name='basis_note_fr',
            field=models.CharField(blank=True, help_text='The basis in words when there is no single document.', max_length=300, null=True, verbose_name='basis note'),
        ),
        migrations.AddField(
            model_name='readingitem',
            name='basis_note_ru',
            field=models.CharField(blank=True, help_text='The basis in words when there is no single document.', max_length=300, null=True, verbose_name='basis note'),
        ),
        migrations.AddField(
            model_name='readingitem',
            name='basis_note_zh_hans',
            field=models.CharField(blank=True, help_text='The basis in words when there is no single document.', max_length=300, null=True, verbose_name='basis note'),
        ),
        migrations.AddField(
            model_name='readingitem',
            name='certainty_note_ar',
            field=models.CharField(blank=True, help_text='Which part is less certain, for visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='readingitem',
            name='certainty_note_en',
            field=models.CharField(blank=True, help_text='Which part is less certain, for visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='readingitem',
            name='certainty_note_es',
            field=models.CharField(blank=True, help_text='Which part is less certain, for visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='readingitem',
            name='certainty_note_fr',
            field=models.CharField(blank=True, help_text='Which part is less certain, for visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='readingitem',
            name='certainty_note_ru',
            field=models.CharField(blank=True, help_text='Which part is less certain, for visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='readingitem',
            name='certainty_note_zh_hans',
            field=models.CharField(blank=True, help_text='Which part is less certain, for visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='session',
            name='body_ar',
            field=committee.models.RichTextField(blank=True, help_text='HTML; unsafe markup is removed on save.', null=True, verbose_name='body'),
        ),
        migrations.AddField(
            model_name='session',
            name='body_en',
            field=committee.models.RichTextField(blank=True, help_text='HTML; unsafe markup is removed on save.', null=True, verbose_name='body'),
        ),
        migrations.AddField(
            model_name='session',
            name='body_es',
            field=committee.models.RichTextField(blank=True, help_text='HTML; unsafe markup is removed on save.', null=True, verbose_name='body'),
        ),
        migrations.AddField(
            model_name='session',
            name='body_fr',
            field=committee.models.RichTextField(blank=True, help_text='HTML; unsafe markup is removed on save.', null=True, verbose_name='body'),
        ),
        migrations.AddField(
            model_name='session',
            name='body_ru',
            field=committee.models.RichTextField(blank=True, help_text='HTML; unsafe markup is removed on save.', null=True, verbose_name='body'),
        ),
        migrations.AddField(
            model_name='session',
            name='body_zh_hans',
            field=committee.models.RichTextField(blank=True, help_text='HTML; unsafe markup is removed on save.', null=True, verbose_name='body'),
        ),
        migrations.AddField(
            model_name='session',
            name='certainty_note_ar',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='session',
            name='certainty_note_en',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='session',
            name='certainty_note_es',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='session',
            name='certainty_note_fr',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='session',
            name='certainty_note_ru',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='session',
            name='certainty_note_zh_hans',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='session',
            name='summary_ar',
            field=models.TextField(blank=True, help_text='One or two plain sentences.', null=True, verbose_name='summary'),
        ),
        migrations.AddField(
            model_name='session',
            name='summary_en',
            field=models.TextField(blank=True, help_text='One or two plain sentences.', null=True, verbose_name='summary'),
        ),
        migrations.AddField(
            model_name='session',
            name='summary_es',
            field=models.TextField(blank=True, help_text='One or two plain sentences.', null=True, verbose_name='summary'),
        ),
        migrations.AddField(
            model_name='session',
            name='summary_fr',
            field=models.TextField(blank=True, help_text='One or two plain sentences.', null=True, verbose_name='summary'),
        ),
        migrations.AddField(
            model_name='session',
            name='summary_ru',
            field=models.TextField(blank=True, help_text='One or two plain sentences.', null=True, verbose_name='summary'),
        ),
        migrations.AddField(
            model_name='session',
            name='summary_zh_hans',
            field=models.TextField(blank=True, help_text='One or two plain sentences.', null=True, verbose_name='summary'),
        ),
        migrations.AddField(
            model_name='session',
            name='title_ar',
            field=models.CharField(max_length=200, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='session',
            name='title_en',
            field=models.CharField(max_length=200, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='session',
            name='title_es',
            field=models.CharField(max_length=200, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='session',
            name='title_fr',
            field=models.CharField(max_length=200, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='session',
            name='title_ru',
            field=models.CharField(max_length=200, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='session',
            name='title_zh_hans',
            field=models.CharField(max_length=200, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='stakeholder',
            name='certainty_note_ar',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='stakeholder',
            name='certainty_note_en',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='stakeholder',
            name='certainty_note_es',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='stakeholder',
            name='certainty_note_fr',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='stakeholder',
            name='certainty_note_ru',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='stakeholder',
            name='certainty_note_zh_hans',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='treatyaction',
            name='certainty_note_ar',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='treatyaction',
            name='certainty_note_en',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='treatyaction',
            name='certainty_note_es',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='treatyaction',
            name='certainty_note_fr',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='treatyaction',
            name='certainty_note_ru',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.AddField(
            model_name='treatyaction',
            name='certainty_note_zh_hans',
            field=models.CharField(blank=True, help_text='Which facts are less certain than the rest, in words shown to visitors.', max_length=300, null=True, verbose_name='certainty note'),
        ),
        migrations.RunPython(english_from_original, migrations.RunPython.noop),
    ]
