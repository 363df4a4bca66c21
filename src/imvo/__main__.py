import sys

from imvo.cli import main

sys.exit(main())
