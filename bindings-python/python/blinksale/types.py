"""The API's models (``blinksale.types.Invoice``, …) and request-body types (``…Params``)."""
from ._models import *  # noqa: F401,F403
from ._models import __all__
