import sys

from simulate.cli.main import main

sys.exit(main())
