from django.apps import AppConfig


class BenchConfig(AppConfig):
    """Benchmark tooling: `generate_bench_data` (for `make bench`); no models, no pages."""

    name = "bench"
    verbose_name = "Mesures de performance"
