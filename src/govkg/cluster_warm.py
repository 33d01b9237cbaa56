"""Imported by the fork server of a ``govkg build --scheduler local:N`` cluster, to warm it up.

In a process whose environment has ``GOVKG_WARM_UP=1`` (the fork server
:func:`govkg.cluster.connect` starts), importing this module loads everything
the per-document step uses (:func:`govkg.cluster.warm_up`), so that each
worker process forked from the server starts with it loaded, as a local
build's forked workers do. Imported anywhere else, it does nothing.
"""

import os

from govkg.cluster import WARM_UP_VARIABLE, warm_up

if os.environ.get(WARM_UP_VARIABLE) == "1":
    warm_up()
