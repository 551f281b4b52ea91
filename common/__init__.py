"""Plumbing every app shares: one error type, saving, API rendering, numbers and SVG charts.

Nothing here knows about cases, frameworks or actors, so every app may import it and it imports
no app of this project.
"""
