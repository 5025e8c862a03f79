from django.core.management.base import BaseCommand

from toolkit import demo, seeding


class Command(BaseCommand):
    help = "Load the demo organisation, logins and content (idempotent)."

    def handle(self, *args, **options):
        demo.seed_demo_organisation()
        for seed in seeding.demo_seeds():  # each app's own, in the order they declare
            seed()
        self.stdout.write(self.style.SUCCESS("Demo data is loaded."))
        self.stdout.write(f"Demo logins (password {demo.DEMO_PASSWORD}):")
        for account in demo.DEMO_ACCOUNTS:
            self.stdout.write(f"  {account.email:28} {account.description}")
