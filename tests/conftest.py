from pathlib import Path

import pytest
from hypothesis import settings

REPO = Path(__file__).resolve().parent.parent
SHARED_DATA = REPO.parent / "shared" / "data"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The raw reference data beside the checkout; only build tests and the dev set may use it."""
    if not SHARED_DATA.is_dir():
        pytest.skip("../shared/data is not present")
    return SHARED_DATA


# Property tests assert behaviour, not speed: on a loaded 2-core CI machine hypothesis' default
# per-example deadline (200 ms) would fail good code. Speed is measured in benchmarks/.
settings.register_profile("imvo", deadline=None)
settings.load_profile("imvo")
