"""The benchmarks run on the real model: what they generate must be a model the portal accepts (the x10 catalogue
of bench/build_bench.py once broke when the loader began refusing YAML anchors, and no test noticed)."""

from __future__ import annotations

from bench.build_bench import scaled_model
from macros.load.loader import load_model

from .conftest import shared_model


def test_the_build_bench_scaled_catalogue_is_a_valid_model(tmp_path):
    real = shared_model()
    scaled = load_model(scaled_model(tmp_path / "model", 2))  # raises ModelInvalid with file:line if not
    assert len(scaled.practices) == 2 * len(real.practices)
    copy = next(p for p in scaled.practices if p.startswith("bench-"))
    assert scaled.texts["nl"]["practices"][copy]["steps"]  # the copies carry the full text in every language
