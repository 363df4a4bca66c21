"""The core must stay importable without Django (CLI, notebooks, workers), and nothing at run time
may need a build-time-only package (pycountry feeds the reference-data build only)."""

import json
import pkgutil
import subprocess
import sys

import imvo.core


def test_importing_every_core_module_leaves_django_and_build_tools_out():
    names = [m.name for m in pkgutil.walk_packages(imvo.core.__path__, "imvo.core.")]
    assert names, "imvo.core has no modules to check"
    script = (
        "import importlib, json, sys\n"
        f"for name in {names!r}:\n"
        "    importlib.import_module(name)\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in {'django', 'pycountry'})))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert json.loads(result.stdout) == []


def test_the_web_app_runs_without_build_only_packages():
    script = (
        "import os, sys, json\n"
        "os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'imvo.web.settings')\n"
        "import django\n"
        "django.setup()\n"
        "from django.urls import get_resolver\n"
        "get_resolver().url_patterns\n"
        "import imvo.web.obligations.forms, imvo.web.register.views, imvo.web.monitoring.views\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] == 'pycountry')))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert json.loads(result.stdout.strip().splitlines()[-1]) == []


def test_docs_architecture_names_every_core_package():
    """A new core package is explained to the next developer, or this fails."""
    from pathlib import Path

    doc = (Path(__file__).resolve().parents[2] / "docs" / "architecture.md").read_text(encoding="utf-8")
    core = Path(imvo.core.__file__).parent
    packages = sorted(p.name for p in core.iterdir() if p.is_dir() and (p / "__init__.py").exists())
    modules = sorted(p.name for p in core.glob("*.py") if p.name != "__init__.py")
    assert packages
    assert modules
    missing = [name for name in packages if f"src/imvo/core/{name}/" not in doc]
    missing += [name for name in modules if f"core/{name}" not in doc]
    assert missing == []
