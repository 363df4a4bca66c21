from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("register", "0004_fill_identities")]

    operations = [
        migrations.AddConstraint(
            model_name="risk",
            constraint=models.UniqueConstraint(
                condition=models.Q(("key__isnull", False)),
                fields=("organisation", "key"),
                name="risk_org_key_unique",
            ),
        ),
        migrations.AddConstraint(
            model_name="supplier",
            constraint=models.UniqueConstraint(
                fields=("organisation", "key"), name="supplier_org_key_unique"
            ),
        ),
    ]
