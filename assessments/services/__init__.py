"""What changes the self-assessment's data: rounds (rounds.py), answers (answering.py),
framework versions (frameworks.py), the anonymity threshold k (anonymity_settings.py), the
follow-up after a round (actions.py: conclusions and actions; suggestions.py; action_reminders.py) and the background unit report (report_jobs.py).
Views and tasks call these; nothing else writes."""
