"""Self-assessment's demo and scale data (toolkit.seeding): the values framework and rounds
with answers; at scale, years of closed rounds for every unit (`seed_scale --rounds-years`)."""

from toolkit import seeding


def demo() -> None:
    from .demo import seed_demo_framework, seed_demo_rounds

    seed_demo_framework()
    seed_demo_rounds()


def scale_arguments(parser) -> None:
    parser.add_argument(
        "--rounds-years",
        type=int,
        default=0,
        help="Years of closed self-assessment rounds with answers for every unit (0: none).",
    )
    parser.add_argument("--rounds-per-year", type=int, default=1)
    parser.add_argument(
        "--answers-per-round", type=int, default=10, help="Responses in each round."
    )


def scale(units, options) -> str | None:
    if options["rounds_years"] <= 0:
        return None
    from .demo import seed_scale_rounds

    responses = seed_scale_rounds(
        units,
        years=options["rounds_years"],
        rounds_per_year=options["rounds_per_year"],
        answers_per_round=options["answers_per_round"],
    )
    return f"Assessment rounds: {responses} new responses"


def register() -> None:
    # After the site's pages (cms, 100): the framework is its own, the rounds need the units.
    seeding.demo_register("assessments", order=200, seed=demo)
    seeding.scale_register(
        "assessments", seeding.ScaleSeeding(order=200, add_arguments=scale_arguments, seed=scale)
    )
