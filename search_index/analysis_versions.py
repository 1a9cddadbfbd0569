"""The versions of what is computed from each article at index time (entities, claims).

They are part of every file's fingerprint: a new version re-reads every article. Kept apart
from the extractors so that checking whether anything changed, which every command does, never
imports the extractors themselves (a tenth of a second of compiled patterns).
"""

from __future__ import annotations

# Bumped when the mentions found change: rules-8 reads zero words ("no one"), "from $X",
# "magnitude-5.9", "February, 2003", and no longer takes "2045 GMT" for a year; rules-9
# no longer takes "October 5,000 troops" for the date October 5; rules-10 (issue 17)
# splits roles from names, types teams and gulfs, keeps names inside their line; rules-28: "in
# Brad Pitt's film" no longer makes the owner a place; rules-29: products and software are
# nobody ("Internet Explorer", "MacBook Pros", "BlackBerry Curve 8900"), an adverb opening a
# sentence is no first name, a name before a stock ticker or before "servers" is a company,
# a place beside a score or a win-loss record is a team, one name doing what companies do
# ("Microsoft releases", "T-Mobile today announced") is a company, and so is a name with a
# win-loss record, in a scoreline or before a player's position ("Creighton (25-7)"); rules-30:
# a company doing what companies do after a "when" or an auxiliary ("Microsoft on Wednesday
# issued", "HP will acquire"), a name that is an "its", carried to the article's headlines;
# a plural name or a place after a ranking is a team ("the top-ranked Tar Heels", "No. 5 seed
# Indiana State"), and "Texas-based EDS" is the place and the company, "Top-ranked" neither;
# "Apple CEO Steve Jobs" and "Hewlett-Packard's purchase of EDS" name companies; a place the
# article shows to be a team is the team in its other sentences, but where it is a place;
# "X, a consulting company that ..." is that company; what "games against" names is a team;
# "Unlike", "Besides" opening a sentence are no first names.
# rules-31: both branches' rules-30 together; "an eight-year, $200MM deal" is a quantity (#12).
# rules-32: an office of a kind of place ("City Attorney") is no person, nor a role inside a
# prize's name; dotted initials before a family name are given names ("A.J. Smith"); a
# plural's possessive glued to the next word is two words, and before a full name it ends the
# owner's name ("Chargers' Jamal Williams"); a player's position opening a sentence is a title;
# an unknown acronym before a full name is a role ("Chargers NT Jamal Williams"); a team or one
# of its members before a full name is no part of it; a guess opening with a company the
# article shows is part of the company.
# rules-32 (issue 12's branch): "from 1951-1957" is one date, a span of years (#12).
# rules-33: "shooting three people, killing one, at ...": the "one" is a quantity (#12).
# rules-34: "120 miles per hour" is one quantity, not "120 miles" (#12).
# rules-35: "by Dec. 31" is the date, not "by Dec" and a quantity 31 (#12).
# rules-36: both branches' rules-32 and after together.
ENTITY_RULES_VERSION = "rules-36"

# Bumped when claim extraction changes, so every article is analysed again. 21 (issue 12):
# a running total no longer takes the partner of one event's figure; 22: "were found and
# confiscated" gives the figure the second verb's role; 23: ".38-caliber" is a caliber; 24: a
# sentence opening "So far, ... has" is a running total; 25: "six AK 47 rifles" counts rifles;
# 26: "three cables linking Italy and Egypt went down" were damaged; 27: "26 Somali crew
# onboard" counts crew; 28: "LaCalamita III, 38," is an age. 37: "a 12-gauge shotgun" is a
# gauge; 38: "58-3" is a record, not a range; 39: ordinals ("the sixth round") are claims;
# 40: "26 crewmen" count crew; 41: "a five-boat attack" counts boats, and a plural noun just
# past the span ("three ... data| lines were cut") is what it counts; 42: "two of them managed
# to escape" escaped; 43: times of day ("3:33 a.m.") are claims; 44: "a six-game losing
# streak" takes no role for its games; 45: "by December 31" in an undated report is a day of
# the month; 46: "$160MM" is $160 million; 47: "Six AK 47 rifles, 12 magazines ... were
# seized" is one list; 48: "Forty-eight people" is no compound of a number and a noun; 49:
# "51 KO" counts knockouts; 50: "two managers, [names], were wounded" and "two wounded men"
# were injured; 51: a term is the offer told nearest before it; 52: "got away" escaped; 53:
# "Out of 23 arrested pirates, 12 ..." is a part; 54: "the 1950s" is the 1950s' event, not 1959's;
# 55: "nine killed soldiers" says who they are, not a toll: it may agree, never conflict.
# On issue 12's second branch, 55-59:
# 55: "from 1951-1957" is a span of years, not a count of 1951 (nor a count and a year).
# 56: "killing one" counts the killed; "his former office", "former co-workers" are no cue
# of an earlier event; "In February, a woman opened fire ..., killing three": a date opening
# a sentence on an event told with "a" dates every clause; "the death sentence" is no death.
# 57: "up to 120 miles per hour" is a speed.
# 58: "shooting his three former co-workers" were shot (a possessive between verb and figure).
# 59: "by Dec. 31" is a date.
# 60: both branches together; 62: several different sums in one sentence are a price list.
CLAIMS_VERSION = "62"
