"""Client feedback's views: the public form (public.py) and the staff pages."""
