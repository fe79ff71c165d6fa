"""``python -m scs_flavor``: the same as the ``scs-flavor`` console script."""

import sys

from ._cli import main

if __name__ == "__main__":
    sys.exit(main())
