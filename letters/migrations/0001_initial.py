"""The progress letters, moved here from the register app (issue 13; register 0013 lets them go).

Only Django's record of the models moves: the tables keep their names (db_table, and the
historical models' table_name), so no table is rebuilt and no row or history row changes. The
content types move with the models: the rows of register.progressletter and the others are
renamed to letters.…, keeping their ids, so the permissions (and the groups that hold them), the
admin's log entries and anything else that stores a content type id follow the models.
"""

import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models


MODELS = ["progressletter", "lettersection", "letteritem", "historicalprogressletter",
          "historicallettersection", "historicalletteritem"]


def move_content_types(old, new):
    def move(apps, schema_editor):
        content_type = apps.get_model("contenttypes", "ContentType")
        for model in MODELS:
            moving = content_type.objects.filter(app_label=old, model=model).first()
            if moving is None:
                continue
            # A content type made for the new label before the rename (none is, unless someone
            # ran the app's post_migrate first) holds nothing yet: the old one, with its ids,
            # takes its place.
            content_type.objects.filter(app_label=new, model=model).delete()
            moving.app_label = new
            moving.save(update_fields=["app_label"])
    return move


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('commitments', '0007_person_dossier_index'),
        ('legislation', '0002_roles'),
        ('register', '0013_letters_moved_out'),
        ('contenttypes', '0002_remove_content_type_name'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=[
            migrations.CreateModel(
                name='HistoricalProgressLetter',
                fields=[
                    ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                    ('change_source', models.CharField(choices=[('person', 'persoon'), ('import', 'import')], default='person', max_length=10, verbose_name='bron')),
                    ('version', models.PositiveIntegerField(default=1, editable=False, verbose_name='versie')),
                    ('updated_at', models.DateTimeField(blank=True, db_index=True, editable=False, verbose_name='laatst gewijzigd')),
                    ('kind', models.CharField(choices=[('voortgangsbrief', 'Voortgangsbrief'), ('rappel', 'Antwoord op het rappel van de Eerste Kamer')], default='voortgangsbrief', max_length=20, verbose_name='soort brief')),
                    ('status', models.CharField(choices=[('draft', 'Concept'), ('for_approval', 'Ter goedkeuring'), ('final', 'Vastgesteld')], db_index=True, default='draft', max_length=20, verbose_name='status')),
                    ('subject', models.CharField(max_length=300, verbose_name='betreft')),
                    ('kenmerk', models.CharField(blank=True, max_length=50, verbose_name='kenmerk')),
                    ('date', models.DateField(verbose_name='datum')),
                    ('addressee', models.CharField(choices=[('tk', 'Tweede Kamer'), ('ek', 'Eerste Kamer')], default='tk', max_length=2, verbose_name='geadresseerde')),
                    ('signatory_office', models.CharField(blank=True, help_text='Bijvoorbeeld: De Staatssecretaris van Volksgezondheid, Welzijn en Sport,', max_length=200, verbose_name='functie in de ondertekening')),
                    ('signatory_name', models.CharField(blank=True, help_text='Bijvoorbeeld: P. Blokhuis', max_length=200, verbose_name='naam in de ondertekening')),
                    ('uw_brief', models.CharField(blank=True, help_text='Kenmerk en datum van de brief waarop dit antwoordt.', max_length=200, verbose_name='uw brief')),
                    ('bijlagen', models.CharField(blank=True, max_length=100, verbose_name='bijlage(n)')),
                    ('opening', models.TextField(blank=True, verbose_name='opening')),
                    ('closing', models.TextField(blank=True, verbose_name='slot')),
                    ('annex', models.BooleanField(default=False, help_text='Een bijlage met de toezeggingen en moties van het dossier.', verbose_name='bijlage met overzicht')),
                    ('reference_date', models.DateField(blank=True, help_text='Bij een rappel: 1 januari of 1 juli.', null=True, verbose_name='peildatum')),
                    ('since', models.DateField(blank=True, editable=False, help_text='De datum van de vorige vastgestelde brief over het dossier.', null=True, verbose_name='wijzigingen sinds')),
                    ('submitted_at', models.DateTimeField(blank=True, editable=False, null=True, verbose_name='aangeboden')),
                    ('approved_at', models.DateTimeField(blank=True, editable=False, null=True, verbose_name='goedgekeurd')),
                    ('approved_content', models.JSONField(blank=True, editable=False, null=True, verbose_name='goedgekeurde inhoud')),
                    ('finalised_at', models.DateTimeField(blank=True, editable=False, null=True, verbose_name='vastgesteld')),
                    ('review_comment', models.TextField(blank=True, verbose_name='opmerking bij terugsturen')),
                    ('pdf', models.TextField(blank=True, editable=False, max_length=100, verbose_name='PDF')),
                    ('pdf_sha256', models.CharField(blank=True, editable=False, max_length=64, verbose_name='SHA-256 van de PDF')),
                    ('created_at', models.DateTimeField(blank=True, editable=False, verbose_name='aangemaakt')),
                    ('history_id', models.AutoField(primary_key=True, serialize=False)),
                    ('history_date', models.DateTimeField(db_index=True)),
                    ('history_change_reason', models.TextField(null=True)),
                    ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                    ('approver', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='goedgekeurd door')),
                    ('author', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='auteur')),
                    ('document', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='register.document', verbose_name='document')),
                    ('dossier', models.ForeignKey(blank=True, db_constraint=False, help_text='Leeg bij een antwoord op het rappel.', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='register.dossier', verbose_name='dossier')),
                    ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ('ministry', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='register.ministry', verbose_name='afzender (ministerie)')),
                    ('signatory', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='register.person', verbose_name='ondertekenaar')),
                ],
                options={
                    'verbose_name': 'historical voortgangsbrief',
                    'verbose_name_plural': 'historical voortgangsbrieven',
                    'db_table': 'register_historicalprogressletter',
                    'ordering': ('-history_date', '-history_id'),
                    'get_latest_by': ('history_date', 'history_id'),
                },
                bases=(simple_history.models.HistoricalChanges, models.Model),
            ),
            migrations.CreateModel(
                name='ProgressLetter',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('version', models.PositiveIntegerField(default=1, editable=False, verbose_name='versie')),
                    ('updated_at', models.DateTimeField(auto_now=True, db_index=True, verbose_name='laatst gewijzigd')),
                    ('kind', models.CharField(choices=[('voortgangsbrief', 'Voortgangsbrief'), ('rappel', 'Antwoord op het rappel van de Eerste Kamer')], default='voortgangsbrief', max_length=20, verbose_name='soort brief')),
                    ('status', models.CharField(choices=[('draft', 'Concept'), ('for_approval', 'Ter goedkeuring'), ('final', 'Vastgesteld')], db_index=True, default='draft', max_length=20, verbose_name='status')),
                    ('subject', models.CharField(max_length=300, verbose_name='betreft')),
                    ('kenmerk', models.CharField(blank=True, max_length=50, verbose_name='kenmerk')),
                    ('date', models.DateField(verbose_name='datum')),
                    ('addressee', models.CharField(choices=[('tk', 'Tweede Kamer'), ('ek', 'Eerste Kamer')], default='tk', max_length=2, verbose_name='geadresseerde')),
                    ('signatory_office', models.CharField(blank=True, help_text='Bijvoorbeeld: De Staatssecretaris van Volksgezondheid, Welzijn en Sport,', max_length=200, verbose_name='functie in de ondertekening')),
                    ('signatory_name', models.CharField(blank=True, help_text='Bijvoorbeeld: P. Blokhuis', max_length=200, verbose_name='naam in de ondertekening')),
                    ('uw_brief', models.CharField(blank=True, help_text='Kenmerk en datum van de brief waarop dit antwoordt.', max_length=200, verbose_name='uw brief')),
                    ('bijlagen', models.CharField(blank=True, max_length=100, verbose_name='bijlage(n)')),
                    ('opening', models.TextField(blank=True, verbose_name='opening')),
                    ('closing', models.TextField(blank=True, verbose_name='slot')),
                    ('annex', models.BooleanField(default=False, help_text='Een bijlage met de toezeggingen en moties van het dossier.', verbose_name='bijlage met overzicht')),
                    ('reference_date', models.DateField(blank=True, help_text='Bij een rappel: 1 januari of 1 juli.', null=True, verbose_name='peildatum')),
                    ('since', models.DateField(blank=True, editable=False, help_text='De datum van de vorige vastgestelde brief over het dossier.', null=True, verbose_name='wijzigingen sinds')),
                    ('submitted_at', models.DateTimeField(blank=True, editable=False, null=True, verbose_name='aangeboden')),
                    ('approved_at', models.DateTimeField(blank=True, editable=False, null=True, verbose_name='goedgekeurd')),
                    ('approved_content', models.JSONField(blank=True, editable=False, null=True, verbose_name='goedgekeurde inhoud')),
                    ('finalised_at', models.DateTimeField(blank=True, editable=False, null=True, verbose_name='vastgesteld')),
                    ('review_comment', models.TextField(blank=True, verbose_name='opmerking bij terugsturen')),
                    ('pdf', models.FileField(blank=True, editable=False, upload_to='letters/', verbose_name='PDF')),
                    ('pdf_sha256', models.CharField(blank=True, editable=False, max_length=64, verbose_name='SHA-256 van de PDF')),
                    ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='aangemaakt')),
                    ('approver', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='letters_approved', to=settings.AUTH_USER_MODEL, verbose_name='goedgekeurd door')),
                    ('author', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='letters_written', to=settings.AUTH_USER_MODEL, verbose_name='auteur')),
                    ('cited_documents', models.ManyToManyField(blank=True, related_name='cited_by_letters', to='register.document', verbose_name='aangehaalde documenten')),
                    ('document', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='progress_letters', to='register.document', verbose_name='document')),
                    ('dossier', models.ForeignKey(blank=True, help_text='Leeg bij een antwoord op het rappel.', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='progress_letters', to='register.dossier', verbose_name='dossier')),
                    ('ministry', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='progress_letters', to='register.ministry', verbose_name='afzender (ministerie)')),
                    ('signatory', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='progress_letters', to='register.person', verbose_name='ondertekenaar')),
                ],
                options={
                    'verbose_name': 'voortgangsbrief',
                    'verbose_name_plural': 'voortgangsbrieven',
                    'db_table': 'register_progressletter',
                    'ordering': ['-date', '-pk'],
                    'permissions': [('approve_progressletter', 'Kan een brief van een ander goedkeuren'), ('finalise_progressletter', 'Kan een goedgekeurde brief vaststellen'), ('edit_progress_text', 'Kan de voortgangsteksten van een conceptbrief wijzigen')],
                },
            ),
            migrations.CreateModel(
                name='LetterSection',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('order', models.PositiveSmallIntegerField(default=0, verbose_name='volgorde')),
                    ('title', models.CharField(max_length=300, verbose_name='titel')),
                    ('body', models.TextField(blank=True, verbose_name='tekst')),
                    ('letter', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='sections', to='letters.progressletter', verbose_name='brief')),
                ],
                options={
                    'verbose_name': 'sectie van een brief',
                    'verbose_name_plural': 'secties van brieven',
                    'db_table': 'register_lettersection',
                    'ordering': ['letter', 'order', 'pk'],
                },
            ),
            migrations.CreateModel(
                name='LetterItem',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('order', models.PositiveSmallIntegerField(default=0, verbose_name='volgorde')),
                    ('progress_text', models.TextField(blank=True, help_text='Leeg: het onderdeel wordt niet apart genoemd (de tekst van de sectie dekt het).', verbose_name='voortgangstekst')),
                    ('delivers', models.BooleanField(default=False, help_text='Bij vaststellen wordt de toezegging afgedaan of de motie uitgevoerd.', verbose_name='doet af')),
                    ('explanation', models.TextField(blank=True, verbose_name='toelichting')),
                    ('new_expected', models.CharField(blank=True, help_text='In woorden, bijvoorbeeld: voorjaar 2021.', max_length=200, verbose_name='nieuwe verwachte datum')),
                    ('commitment', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='letter_items', to='commitments.commitment', verbose_name='toezegging')),
                    ('law_track', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='letter_items', to='legislation.lawtrack', verbose_name='wetgevingstraject')),
                    ('motion', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='letter_items', to='commitments.motion', verbose_name='motie')),
                    ('section', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='items', to='letters.lettersection', verbose_name='sectie')),
                    ('letter', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='items', to='letters.progressletter', verbose_name='brief')),
                ],
                options={
                    'verbose_name': 'onderdeel van een brief',
                    'verbose_name_plural': 'onderdelen van brieven',
                    'db_table': 'register_letteritem',
                    'ordering': ['letter', 'section__order', 'order', 'pk'],
                },
            ),
            migrations.CreateModel(
                name='HistoricalLetterSection',
                fields=[
                    ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                    ('change_source', models.CharField(choices=[('person', 'persoon'), ('import', 'import')], default='person', max_length=10, verbose_name='bron')),
                    ('order', models.PositiveSmallIntegerField(default=0, verbose_name='volgorde')),
                    ('title', models.CharField(max_length=300, verbose_name='titel')),
                    ('body', models.TextField(blank=True, verbose_name='tekst')),
                    ('history_id', models.AutoField(primary_key=True, serialize=False)),
                    ('history_date', models.DateTimeField(db_index=True)),
                    ('history_change_reason', models.TextField(null=True)),
                    ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                    ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ('letter', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='letters.progressletter', verbose_name='brief')),
                ],
                options={
                    'verbose_name': 'historical sectie van een brief',
                    'verbose_name_plural': 'historical secties van brieven',
                    'db_table': 'register_historicallettersection',
                    'ordering': ('-history_date', '-history_id'),
                    'get_latest_by': ('history_date', 'history_id'),
                },
                bases=(simple_history.models.HistoricalChanges, models.Model),
            ),
            migrations.CreateModel(
                name='HistoricalLetterItem',
                fields=[
                    ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                    ('change_source', models.CharField(choices=[('person', 'persoon'), ('import', 'import')], default='person', max_length=10, verbose_name='bron')),
                    ('order', models.PositiveSmallIntegerField(default=0, verbose_name='volgorde')),
                    ('progress_text', models.TextField(blank=True, help_text='Leeg: het onderdeel wordt niet apart genoemd (de tekst van de sectie dekt het).', verbose_name='voortgangstekst')),
                    ('delivers', models.BooleanField(default=False, help_text='Bij vaststellen wordt de toezegging afgedaan of de motie uitgevoerd.', verbose_name='doet af')),
                    ('explanation', models.TextField(blank=True, verbose_name='toelichting')),
                    ('new_expected', models.CharField(blank=True, help_text='In woorden, bijvoorbeeld: voorjaar 2021.', max_length=200, verbose_name='nieuwe verwachte datum')),
                    ('history_id', models.AutoField(primary_key=True, serialize=False)),
                    ('history_date', models.DateTimeField(db_index=True)),
                    ('history_change_reason', models.TextField(null=True)),
                    ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                    ('commitment', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='commitments.commitment', verbose_name='toezegging')),
                    ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ('law_track', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='legislation.lawtrack', verbose_name='wetgevingstraject')),
                    ('motion', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='commitments.motion', verbose_name='motie')),
                    ('section', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='letters.lettersection', verbose_name='sectie')),
                    ('letter', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='letters.progressletter', verbose_name='brief')),
                ],
                options={
                    'verbose_name': 'historical onderdeel van een brief',
                    'verbose_name_plural': 'historical onderdelen van brieven',
                    'db_table': 'register_historicalletteritem',
                    'ordering': ('-history_date', '-history_id'),
                    'get_latest_by': ('history_date', 'history_id'),
                },
                bases=(simple_history.models.HistoricalChanges, models.Model),
            ),
            migrations.AddConstraint(
                model_name='progressletter',
                constraint=models.CheckConstraint(condition=models.Q(models.Q(('status', 'final'), _negated=True), models.Q(('document__isnull', False), ('finalised_at__isnull', False), models.Q(('pdf_sha256', ''), _negated=True)), _connector='OR'), name='letter_final_is_stored'),
            ),
            migrations.AddConstraint(
                model_name='progressletter',
                constraint=models.CheckConstraint(condition=models.Q(models.Q(('kind', 'rappel'), _negated=True), ('reference_date__isnull', False), _connector='OR'), name='letter_rappel_has_reference_date'),
            ),
            migrations.AddConstraint(
                model_name='progressletter',
                constraint=models.CheckConstraint(condition=models.Q(('status__in', ['draft', 'for_approval', 'final'])), name='letter_status_known'),
            ),
            migrations.AddConstraint(
                model_name='progressletter',
                constraint=models.CheckConstraint(condition=models.Q(('approved_at__isnull', True), ('approved_content__isnull', False), ('status', 'final'), _connector='OR'), name='letter_approval_records_content'),
            ),
            migrations.AddConstraint(
                model_name='progressletter',
                constraint=models.UniqueConstraint(fields=('document',), name='letter_unique_document', violation_error_message='Dit document hoort al bij een andere brief.'),
            ),
            migrations.AddConstraint(
                model_name='letteritem',
                constraint=models.CheckConstraint(condition=models.Q(models.Q(('commitment__isnull', False), ('law_track__isnull', True), ('motion__isnull', True)), models.Q(('commitment__isnull', True), ('law_track__isnull', True), ('motion__isnull', False)), models.Q(('commitment__isnull', True), ('law_track__isnull', False), ('motion__isnull', True)), _connector='OR'), name='letter_item_one_subject'),
            ),
            migrations.AddConstraint(
                model_name='letteritem',
                constraint=models.CheckConstraint(condition=models.Q(('delivers', False), ('law_track__isnull', True), _connector='OR'), name='letter_item_law_track_not_delivered'),
            ),
            migrations.AddConstraint(
                model_name='letteritem',
                constraint=models.UniqueConstraint(fields=('letter', 'commitment'), name='unique_letter_commitment'),
            ),
            migrations.AddConstraint(
                model_name='letteritem',
                constraint=models.UniqueConstraint(fields=('letter', 'motion'), name='unique_letter_motion'),
            ),
            migrations.AddConstraint(
                model_name='letteritem',
                constraint=models.UniqueConstraint(fields=('letter', 'law_track'), name='unique_letter_law_track'),
            ),
        ], database_operations=[]),
        migrations.RunPython(move_content_types("register", "letters"),
                             move_content_types("letters", "register")),
    ]
