"""What changes the self-assessment's data: rounds (rounds.py), answers (answering.py) and
framework versions (frameworks.py). Views and tasks call these; nothing else writes."""
