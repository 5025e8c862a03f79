"""Client feedback's staff pages, one module per page family."""
