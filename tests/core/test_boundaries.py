"""The core must stay importable without Django (CLI, notebooks, workers)."""

import json
import pkgutil
import subprocess
import sys

import imvo.core


def test_importing_every_core_module_leaves_django_out():
    names = [m.name for m in pkgutil.walk_packages(imvo.core.__path__, "imvo.core.")]
    assert names, "imvo.core has no modules to check"
    script = (
        "import importlib, json, sys\n"
        f"for name in {names!r}:\n"
        "    importlib.import_module(name)\n"
        "print(json.dumps(sorted(m for m in sys.modules if m == 'django' or m.startswith('django.'))))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert json.loads(result.stdout) == []
