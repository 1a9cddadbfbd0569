"""Named-entity extraction: people, organisations, places, dates and quantities.

extract.py holds the rule extractor; tokens.py the tokens and runs of capitalised words it reads;
names.py how a run's type is settled and which aliases an article defines; values.py finds date
and quantity spans; lexicon.py and gazetteer.py (with data/) the words and places it knows;
merge.py merges spellings across articles into entities; saved_table.py keeps the merged table.

May import ``search_index.models``, ``text``, ``files`` and ``calendar_words``; never the index,
claims, the library or any UI.
"""
