"""Demo and benchmark data for the self-assessment: the Arvokas framework (framework.py), closed
rounds with anonymous answers for the demo units (rounds.py, answers.py, open_texts.py), and
years of rounds for the county-scale organisation (scale.py).

Everything is idempotent: running it again changes nothing that already exists.
"""

from .framework import seed_demo_framework
from .rounds import SMALL_DEMO_UNIT, seed_demo_rounds
from .scale import scale_round_dates, seed_scale_rounds

__all__ = [
    "SMALL_DEMO_UNIT",
    "scale_round_dates",
    "seed_demo_framework",
    "seed_demo_rounds",
    "seed_scale_rounds",
]
