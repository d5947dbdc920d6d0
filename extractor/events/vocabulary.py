"""Trigger words and phrase patterns of the event layer: verbs that link two people, nouns of meetings, and the
regular expressions that tell future, background and dated sentences.
"""

from __future__ import annotations

import re

# Verb families (by lemma). The visitor is the subject of a VISIT verb and the object of a HOST verb;
# MEET verbs are oriented by the two sides' countries.
VISIT_VERBS = {"call": "on", "visit": None}

HOST_VERBS = {"receive", "host", "welcome", "greet"}

MEET_VERBS = {"meet"}

LIGHT_VERBS = {"hold", "have", "pay", "conduct", "chair", "accord", "give", "extend"}

MEETING_NOUNS = {"talks", "talk", "meeting", "meetings", "discussions", "discussion", "consultations",
                 "negotiations",
                 "dialogue", "call", "visit", "session"}

HOST_NOUNS = {"ceremony", "reception", "luncheon", "banquet", "dinner", "lunch", "iftar", "welcome"}

FUTURE = re.compile(r"\b(will|would|shall|is (?:scheduled|expected|due|set) to|are (?:scheduled|expected|due) to|"
                     r"scheduled to|expected to|plans? to|is to|are to|to be held|upcoming|next week|next month|"
                     r"(?:is|was|are|were) planned)\b",
                     re.I)

# "The drill follows X's visit to Nepal", "Recently, X was on a visit to ...": an earlier visit recalled.
BACKGROUND = re.compile(r"\b(last (?:year|month|week)|previous(?:ly)?|earlier visit|in the past|recalled|"
                         r"then prime minister|then president|former|recently|follows|comes (?:after|on the heels))\b",
                        re.I)

# Nouns whose "of" phrase names a place ("the capital of Jordan"), unlike "the aftermath of the US decision".
PLACE_HEADS = {"capital", "city", "town", "village", "republic", "kingdom", "state", "province", "region",
               "island", "islands", "port", "country", "nation", "emirate", "sultanate", "federation",
               "territory", "county", "district", "part", "north", "south", "east", "west"}

# A trip told in the pluperfect or dated to a month is background ("had travelled to Rome in May").
PAST_TRIP = re.compile(r"\bhad (?:\w+ )?(?:travell?ed|visited|been|flown|gone)\b|\bin (?:january|february|march|"
                        r"april|may|june|july|august|september|october|november|december)\b(?! \d{1,2}\b)", re.I)

INVITATION = {"invitation", "invite", "urge", "hope", "wish", "look", "welcome"}

VISIT_TYPE = re.compile(r"\b(state|official|working|private)\s+visits?\b", re.I)

ARRIVAL_LEMMAS = {"arrive", "reach", "land"}

SAME_DAY = re.compile(r"\b(later (?:in )?the same day|earlier (?:in )?the day|later in the day|the same day|"
                       r"in the evening|later that day|in the afternoon)\b", re.I)

DAY_BEFORE = re.compile(r"\b(a day earlier|the previous day|the day before)\b", re.I)

DAY_AFTER = re.compile(r"\b(the next day|the following day|a day later)\b", re.I)

DATE_TEXT = re.compile(
    r"\b(?:on |this |last )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b(?: \(\d{1,2}\))?"
    r"|\b(?:today|yesterday|tomorrow|tonight)\b"
    r"|\b(?:on |from )?\d{1,2}(?:st|nd|rd|th)? (?:of )?(?:january|february|march|april|may|june|july|august|september|"
    r"october|november|december)(?:,? \d{4})?\b"
    r"|\b(?:on |from )?(?:january|february|march|april|may|june|july|august|september|october|november|december)"
    r"\.? \d{1,2}(?:st|nd|rd|th)?(?:,? \d{4})?\b"
    r"|\b(?:a day earlier|the previous day|the day before|the next day|the following day|a day later|"
    r"later (?:in )?the same day|earlier (?:in )?the day|earlier this week|last week|this week)\b",
    re.I,
)

# A visitor's spouse travels in the visitor's delegation.
SPOUSES = {"wife", "husband", "spouse"}

ATTENDANCE = re.compile(r"\b(attended|present|assisted|accompanied|included|comprised|took part|also present|"
                         r"side by|joined)\b", re.I)

TOPIC_LEMMAS = {"discuss", "review", "focus", "explore", "cover", "touch", "exchange", "underscore"}

OUTCOME_LEMMAS = {"agree", "sign", "pledge", "commit", "ink", "adopt", "reaffirm", "decide"}
# A trip that will not happen as planned is no visit.
CALLED_OFF = re.compile(r"\b(cancel(?:l?ed|s|ling)?|postpone[ds]?|postponing|call(?:ed|s)? off|put off|scrapp(?:ed)|"
                        r"deferred|rescheduled|unable to (?:undertake|travel|visit|make)|have been delayed|"
                        r"(?:was|were|has been) delayed)\b", re.I)
# Later legs told in the present: "she next travels to", "before heading on to", "the tour ends in".
PLANNED_LEG = re.compile(r"\b(next (?:travels?|heads?|goes|visits?|stop)|will (?:also|then|later)|"
                         r"is due|are due|before (?:heading|travelling|traveling|flying|moving) on|"
                         r"(?:tour|trip) (?:will|that will)|then (?:travels?|heads?|goes|visits?)|"
                         r"later this (?:week|month)|is set to)\b", re.I)
