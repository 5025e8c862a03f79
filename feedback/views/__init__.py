"""Client feedback's views: the public form (public.py) and the staff pages, one module per
page family (link.py, inbox.py)."""
