"""The app's widgets: the source list, the reader, long text laid out in a worker, the search
box. Widgets draw what they are given; they never import the App module or a screen.
"""
