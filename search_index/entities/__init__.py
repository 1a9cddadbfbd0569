"""Named-entity extraction: people, organisations, places, dates and quantities.

extract.py holds the rule extractor; tokens.py the tokens and runs of capitalised words it reads;
roles.py the shapes around a name (roles, plurals, quotation marks); places.py what the gazetteer
says about a name; names.py how a run's type is settled (with the words around a lone name,
cues.py) and which aliases and short forms an article defines; known.py matches the names an
article established and keys its mentions; headlines.py the people a headline names and the
sentences call by surname; values.py finds date and quantity spans; lexicon.py and gazetteer.py
(with data/) the words and places it knows; merge.py merges spellings across articles into
entities, with the corpus-wide evidence of joins.py; saved_table.py keeps the merged table.

May import ``search_index.models``, ``text``, ``files``, ``calendar_words`` and
``analysis_versions``; never the index, claims, the library or any UI.
"""
