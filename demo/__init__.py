"""Demo cases derived from the seed papers, loaded by `manage.py load_demo`.

It sits above every other app (it writes cases, actors and partnerships through their
services), so nothing but the tests imports it.
"""
