"""Client feedback's demo and scale data (toolkit.seeding): a feedback link for every unit; the
demo unit's clients' answers and messages; at scale, years of client answers."""

from toolkit import seeding


def demo() -> None:
    from .demo import seed_demo_client_answers
    from .demo_messages import seed_demo_messages
    from .services.links import links_ensure

    links_ensure()
    seed_demo_client_answers()
    seed_demo_messages()


def register() -> None:
    # After self-assessment (200): the client statements are in its framework.
    seeding.demo_register("feedback", order=400, seed=demo)
