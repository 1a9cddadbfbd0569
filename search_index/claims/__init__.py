"""Claims: what each source states (figures, dates) and how the sources' statements compare.

values/ reads a figure or a date; claim.py holds a claim; sentences.py, sentence_claims.py,
attribution.py and extract.py find the claims of an article; frames.py (with counted.py,
scope.py, date_events.py), events.py, measures.py and vocabulary.py read what a figure counts,
its role, event and scope; match.py, verdicts.py and align.py pair two reports' claims and
judge them; matrix.py builds the corpus matrix and timeline; records.py stores claims in the index.

May import ``search_index.models``, ``text``, ``calendar_words``, ``analysis_versions`` and
``entities`` (the mentions a claim is read from); never the index, the library or any UI.
"""
