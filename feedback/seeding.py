"""Client feedback's demo and scale data (toolkit.seeding): a feedback link for every unit; the
demo unit's clients' answers and messages; at scale, years of client answers
(`seed_scale --client-answers-per-year`)."""

from toolkit import seeding


def demo() -> None:
    from .demo import seed_demo_client_answers
    from .demo_messages import seed_demo_messages
    from .services.links import links_ensure

    links_ensure()
    seed_demo_client_answers()
    seed_demo_messages()


def scale_arguments(parser) -> None:
    parser.add_argument(
        "--client-answers-per-year",
        type=int,
        default=0,
        help="Client answers a year over all the units, some busier than others (0: none).",
    )
    parser.add_argument(
        "--client-years", type=int, default=3, help="Years of client answers before today."
    )


def scale(units, options) -> str | None:
    if options["client_answers_per_year"] <= 0:
        return None
    from .scale import seed_scale_client_answers

    made = seed_scale_client_answers(
        units, per_year=options["client_answers_per_year"], years=options["client_years"]
    )
    return f"Client answers: {made} new answers"


def register() -> None:
    # After self-assessment (200): the client statements are in its framework.
    seeding.demo_register("feedback", order=400, seed=demo)
    seeding.scale_register(
        "feedback", seeding.ScaleSeeding(order=400, add_arguments=scale_arguments, seed=scale)
    )
