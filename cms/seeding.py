"""The site content's demo data (toolkit.seeding): the home page, guides, news and pages, in
every language. It comes first: the courses are built under its home page."""

from toolkit import seeding


def demo() -> None:
    from .demo import seed_demo_pages

    seed_demo_pages()


def register() -> None:
    seeding.demo_register("cms", order=100, seed=demo)
