"""The app's screens: main (sources and reader), compare (the claim diff), corpus (matrix and
timeline), modals (help, pickers).

Screens render and route: they ask the library from workers and post messages (tui.messages)
upward; they never import the App module (tests/unit/test_architecture.py checks it).
"""
