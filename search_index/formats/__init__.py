"""Reading the formats analysts collect, beyond plain text: saved web pages (HTML), single-file
page archives (MHTML) and feeds (RSS, Atom, JSON Feed).

Each module turns a file's bytes into plain text and metadata that corpus.py makes Articles of:
html.py (trafilatura), mhtml.py (the stdlib email package), feed.py (fastfeedparser),
encoding.py (bytes to text, mojibake repair), kinds.py (which format a file is). Heavy
libraries are imported when a file of their format is read, never at start-up: a folder of
``.txt`` pays nothing for them. Imports only the standard library, models and text.
"""
