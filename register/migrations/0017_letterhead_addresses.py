"""The sender column of a letter comes from the Ministry and Directorate records (issue 16,
DESIGN.md "Letters": the letterhead is configuration, not code). Until now letters/content.py
knew the postal addresses of four ministries; those are written into their records here, where
a record has none yet, each with a history row, so their letters keep their sender column."""

from django.db import migrations, models
from django.utils import timezone

REASON = "Postadres overgenomen uit de code bij de upgrade (briefhoofd als configuratie)"
# What letters/content.py said before this migration.
POSTAL = {
    "VWS": "Postbus 20350\n2500 EJ Den Haag",
    "JenV": "Postbus 20301\n2500 EH Den Haag",
    "IenW": "Postbus 20901\n2500 EX Den Haag",
    "OCW": "Postbus 16375\n2500 BJ Den Haag",
}


def fill_postal_addresses(apps, schema_editor):
    Ministry = apps.get_model("register", "Ministry")
    historical = apps.get_model("register", "HistoricalMinistry")
    for ministry in Ministry.objects.filter(abbreviation__in=POSTAL, postal_address=""):
        ministry.postal_address = POSTAL[ministry.abbreviation]
        ministry.save(update_fields=["postal_address"])
        historical.objects.create(
            **{f.attname: getattr(ministry, f.attname) for f in Ministry._meta.concrete_fields},
            history_date=timezone.now(), history_type="~", history_change_reason=REASON,
            history_user=None)


class Migration(migrations.Migration):

    dependencies = [
        ('register', '0016_email_choice'),
    ]

    operations = [
        migrations.AddField(
            model_name='directorate',
            name='contact',
            field=models.TextField(blank=True, help_text='Wat de afzenderkolom onder ‘Contact’ zegt, één regel per regel: een telefoonnummer, een e-mailadres.', verbose_name='contact'),
        ),
        migrations.AddField(
            model_name='directorate',
            name='unit',
            field=models.CharField(blank=True, help_text='Boven de directie in de afzenderkolom, bijvoorbeeld: Directoraat-generaal Volksgezondheid.', max_length=200, verbose_name='directoraat-generaal'),
        ),
        migrations.AddField(
            model_name='historicaldirectorate',
            name='contact',
            field=models.TextField(blank=True, help_text='Wat de afzenderkolom onder ‘Contact’ zegt, één regel per regel: een telefoonnummer, een e-mailadres.', verbose_name='contact'),
        ),
        migrations.AddField(
            model_name='historicaldirectorate',
            name='unit',
            field=models.CharField(blank=True, help_text='Boven de directie in de afzenderkolom, bijvoorbeeld: Directoraat-generaal Volksgezondheid.', max_length=200, verbose_name='directoraat-generaal'),
        ),
        migrations.AddField(
            model_name='historicalministry',
            name='postal_address',
            field=models.TextField(blank=True, help_text='Eén regel per regel in de brief, bijvoorbeeld: Postbus 20350, 2500 EJ Den Haag. Ook het retouradres boven het adresvenster.', verbose_name='postadres'),
        ),
        migrations.AddField(
            model_name='historicalministry',
            name='visiting_address',
            field=models.TextField(blank=True, help_text='Eén regel per regel in de brief, bijvoorbeeld: Parnassusplein 5, 2511 VX Den Haag.', verbose_name='bezoekadres'),
        ),
        migrations.AddField(
            model_name='historicalministry',
            name='website',
            field=models.CharField(blank=True, default='www.rijksoverheid.nl', max_length=100, verbose_name='website'),
        ),
        migrations.AddField(
            model_name='ministry',
            name='postal_address',
            field=models.TextField(blank=True, help_text='Eén regel per regel in de brief, bijvoorbeeld: Postbus 20350, 2500 EJ Den Haag. Ook het retouradres boven het adresvenster.', verbose_name='postadres'),
        ),
        migrations.AddField(
            model_name='ministry',
            name='visiting_address',
            field=models.TextField(blank=True, help_text='Eén regel per regel in de brief, bijvoorbeeld: Parnassusplein 5, 2511 VX Den Haag.', verbose_name='bezoekadres'),
        ),
        migrations.AddField(
            model_name='ministry',
            name='website',
            field=models.CharField(blank=True, default='www.rijksoverheid.nl', max_length=100, verbose_name='website'),
        ),
        migrations.RunPython(fill_postal_addresses, migrations.RunPython.noop),
    ]
