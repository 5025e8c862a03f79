"""Learning's demo and scale data (toolkit.seeding): the demo course and the demo people's
progress in it; at scale, the demo course assigned to every unit (`seed_scale --enrolments`)."""

from toolkit import seeding


def demo() -> None:
    from .demo import seed_demo_course, seed_demo_progress

    seed_demo_progress(seed_demo_course())


def scale_arguments(parser) -> None:
    parser.add_argument(
        "--enrolments",
        action="store_true",
        help="Assign the demo course to every unit and enrol 60 %% of the staff in it.",
    )


def scale(units, options) -> str | None:
    if not options["enrolments"]:
        return None
    from .demo import seed_scale_learning

    made = seed_scale_learning(units=list(units))
    return f"Learning: {made} new enrolments"


def register() -> None:
    # After the site's pages (cms, 100): the course is built under the site's home page. Last,
    # as the demo has always been loaded: pages, self-assessment, learning.
    seeding.demo_register("learning", order=300, seed=demo)
    seeding.scale_register(
        "learning", seeding.ScaleSeeding(order=300, add_arguments=scale_arguments, seed=scale)
    )
