"""`make bench`: time the main pages and PDFs on the data in the database (see toolkit.bench).

manage.py bench --save small.json                       # a run on smaller data, kept
manage.py bench --compare small.json --write docs/performance.md
"""

import json
from pathlib import Path

from django.core.management.base import BaseCommand

from toolkit import bench
from toolkit.report_sections import section_write


class Command(BaseCommand):
    help = "Time the main pages and PDFs; optionally write docs/performance.md."

    def add_arguments(self, parser):
        parser.add_argument("--runs", type=int, default=20)
        parser.add_argument("--pdf-runs", type=int, default=10)
        parser.add_argument("--save", type=Path, help="Keep this run's figures as JSON.")
        parser.add_argument("--compare", type=Path, help="Figures of a run on smaller data.")
        parser.add_argument("--write", type=Path, help="Write the Markdown report here.")

    def handle(self, *args, runs, pdf_runs, save, compare, write, **options):
        rows = bench.measure(runs=runs, pdf_runs=pdf_runs)
        size = bench.data_size()
        if save:
            save.write_text(json.dumps({"size": size, "rows": bench.row_dicts(rows)}, indent=1))
        earlier = json.loads(compare.read_text()) if compare else {}
        report = bench.performance_markdown(
            rows=rows, size=size, compare=earlier.get("rows"), compare_size=earlier.get("size")
        )
        if write:
            section_write(write, "bench", report)
        self.stdout.write(report)
