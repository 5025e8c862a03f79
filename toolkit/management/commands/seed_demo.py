from django.core.management.base import BaseCommand

from toolkit import demo


class Command(BaseCommand):
    help = "Load the demo organisation, logins and content (idempotent)."

    def handle(self, *args, **options):
        demo.seed_demo_organisation()
        from assessments.demo import seed_demo_framework, seed_demo_rounds
        from cms.demo import seed_demo_pages
        from learning.demo import seed_demo_course, seed_demo_progress

        seed_demo_pages()
        seed_demo_framework()
        seed_demo_rounds()
        seed_demo_progress(seed_demo_course())
        self.stdout.write(self.style.SUCCESS("Demo data is loaded."))
        self.stdout.write(f"Demo logins (password {demo.DEMO_PASSWORD}):")
        for account in demo.DEMO_ACCOUNTS:
            self.stdout.write(f"  {account.email:28} {account.description}")
