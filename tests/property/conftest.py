"""Hypothesis settings for the property tests: bounded examples, no per-example deadline (CI
machines are slow and shared), and no example database written into the repository."""

from hypothesis import HealthCheck, settings

settings.register_profile(
    "diglot", max_examples=60, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile("diglot")
