import pytest
from tests.web.test_every_page_in_dutch import _seed

pytestmark = pytest.mark.django_db


def test_keys(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    _seed(tmp_path)
    from imvo.web.audit.models import AuditEvent
    from imvo.web.audit.presentation import _models_by_name, _field_label
    keys = {}
    for e in AuditEvent.objects.all():
        ch = e.changes if isinstance(e.changes, dict) else {}
        for k, v in ch.items():
            model = _models_by_name().get(e.object_type)
            keys.setdefault((e.object_type, e.action, k, _field_label(model, k)), repr(v)[:80])
    labels = {(e.object_type, e.object_label[:60]) for e in AuditEvent.objects.all()}
    with open("/tmp/dutchwork/keys.txt", "w") as f:
        for k, v in sorted(keys.items()):
            f.write(f"{k} = {v}\n")
        for l in sorted(labels):
            f.write(f"LABEL {l}\n")
