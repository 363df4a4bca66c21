"""``make demo``: the workspace with a demo organisation, on SQLite, at http://127.0.0.1:8000/.

Migrates the database, creates "Voorbeeld Import B.V." with its owner, scans the example supplier
list of a Dutch importer (``examples/leveranciers.csv``) into its register, adds grievance cases,
legal facts, a monitoring population and a sector covenant ("Convenant Duurzame Kleding en Textiel
(demo)") where those apps are installed, then starts the background worker and the site and prints
the login. ``--no-serve`` stops after seeding (used by the tests).
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "leveranciers.csv"
ADDRESS = "127.0.0.1:8000"


def _manage(*args: str) -> list[str]:
    return [sys.executable, "-m", "imvo.web.manage", *args]


def seed() -> tuple[str, str, str, str]:
    """Migrate and fill the demo database; returns the company's and the monitor's slugs, the
    login e-mail and its password."""
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", interactive=False, verbosity=0)
    return seed_data()


def seed_data() -> tuple[str, str, str, str]:
    """Fill a migrated database with the demo organisations (also used by the page-walk browser test)."""
    from imvo.web.covenants.demo import seed_covenant
    from imvo.web.grievances.demo import seed_grievances
    from imvo.web.jobs.queue import run_pending_jobs_now
    from imvo.web.monitoring.demo import seed_monitoring
    from imvo.web.obligations.demo import seed_obligations
    from imvo.web.register.demo import seed_register
    from imvo.web.register.management.commands.seed_demo import seed_demo_organisation

    organisation, owner, password = seed_demo_organisation()
    seed_register(organisation)
    # The legal facts read the register, and the monitor reads the company's shared register, so
    # these come after it.
    seed_grievances(organisation)
    seed_obligations(organisation)
    monitor = seed_monitoring(owner=owner, company_organisation=organisation)
    seed_covenant(owner)
    run_pending_jobs_now()
    return organisation.slug, monitor.slug, owner.email, password


def write_example_report() -> Path:
    """The command-line scan of the example list, for those who want the files without the site."""
    from imvo.core.export import write_register
    from imvo.core.scan import scan_file

    out = Path(os.environ["IMVO_VAR_DIR"]) / "example-scan"
    with scan_file(EXAMPLE) as result:
        write_register(result, out / "register.csv")
        write_register(result, out / "register.xlsx")
        return write_register(result, out / "report.html")


def configure_environment(address: str = ADDRESS) -> None:
    """The demo's settings, unless the environment says otherwise.

    DEBUG stays off, as in production: a mistyped address shows the site's own translated 404 page
    rather than Django's list of URL patterns. Static files need no DEBUG: whitenoise serves them
    straight from the package (``WHITENOISE_USE_FINDERS``), without ``collectstatic``.
    """
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "imvo.web.settings")
    os.environ.setdefault("IMVO_DEBUG", "0")
    os.environ.setdefault("IMVO_VAR_DIR", str(REPO / "var"))
    if ":" not in address:  # runserver also takes a bare port
        address = f"127.0.0.1:{address}"
    host = address.rsplit(":", 1)[0].strip("[]") or "127.0.0.1"
    # With DEBUG off Django answers only the hosts it knows: the demo's own and the usual local names.
    os.environ.setdefault("IMVO_ALLOWED_HOSTS", ",".join(dict.fromkeys(["127.0.0.1", "localhost", host])))
    # Links in the demo's e-mails (printed on the console) point at the running demo.
    os.environ.setdefault("IMVO_SITE_URL", f"http://{address}")


#: The demo covenant's short name (imvo.web.covenants.demo.DEMO_SLUG; not imported here, before Django).
COVENANT_SLUG = "convenant-kleding-demo"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="imvo.demo", description=__doc__)
    parser.add_argument("--no-serve", action="store_true", help="migrate and seed, then stop")
    parser.add_argument("--address", default=ADDRESS)
    args = parser.parse_args(argv)
    configure_environment(args.address)
    slug, monitor_slug, email, password = seed()
    url = f"http://{args.address}/"
    print()
    print("imvo demo is ready.")
    print(f"  organisation: Voorbeeld Import B.V.  {url}o/{slug}/")
    print(f"  monitor:      {url}o/{monitor_slug}/  (the same login)")
    print(f"  covenant:     {url}o/{COVENANT_SLUG}/covenant/  (the same login)")
    print(f"  its public page: {url}covenants/{COVENANT_SLUG}/")
    print(f"  sign in as:   {email}")
    print(f"  password:     {password}")
    print(f"  the example supplier list: {EXAMPLE}")
    print(f"  its risk register and HTML report (imvo scan): {write_example_report()}")
    if args.no_serve:
        return 0
    print(f"Starting the background worker and the site at {url} (Ctrl-C stops both) …", flush=True)
    # SIGTERM (e.g. from a process manager) stops both children, as Ctrl-C does.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    worker = subprocess.Popen(_manage("runjobs"))  # noqa: S603 - our own command, no user input
    server = subprocess.Popen(_manage("runserver", args.address, "--noreload"))  # noqa: S603
    try:
        return server.wait()
    except KeyboardInterrupt:
        return 0
    finally:
        for child in (server, worker):
            child.terminate()
        for child in (server, worker):
            child.wait(timeout=30)


if __name__ == "__main__":
    sys.exit(main())
