"""Hypothesis settings for the property tests.

The default profile, ``diglot``, is derandomised: every run tries the same examples, so a test
cannot pass on one machine and fail on the next by chance, and CI gives the same answer for the
same commit. It bounds the examples, sets no per-example deadline (CI machines are slow and
shared) and writes no example database into the repository.

``HYPOTHESIS_PROFILE=explore`` draws fresh random examples, many more of them: run it when you
change a parser or the matcher, and turn what it finds into a fixed test case.
"""

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "diglot",
    max_examples=60,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "explore", max_examples=1000, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "diglot"))
