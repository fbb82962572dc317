"""Hypothesis strategies for hostile and artifact-laden text, and the settings profiles the suites use.

`ci` (the default) is derandomized and small, so the suite gives the same result on every run;
`fuzz` draws fresh random examples for `benchmarks/fuzz.py`. MTCLEAN_HYPOTHESIS_PROFILE picks one.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

settings.register_profile("ci", max_examples=60, derandomize=True, deadline=None, database=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile("fuzz", max_examples=10**9, deadline=None, database=None,
                          suppress_health_check=list(HealthCheck))
PROFILE = settings.get_profile(os.environ.get("MTCLEAN_HYPOTHESIS_PROFILE", "ci"))

COMBINING = ["e\u0301", "a\u0308\u0323", "\u0301", "n\u0303", "\u20dd", "\u0915\u094d\u0937"]
RTL = ["\u0645\u0631\u062d\u0628\u0627", "\u05e9\u05dc\u05d5\u05dd", "\u200f", "\u200e", "\u202e", "\u2067"]
EMOJI = ["\U0001f44d\U0001f3fd", "\U0001f468\u200d\U0001f469\u200d\U0001f467", "\U0001f1e8\U0001f1f3",
         "\u2764\ufe0f", "\U0001f600"]
CJK = ["\u4e2d\u6587", "\u6e56\u5317\u7701", "\uff0c", "\u3002", "\u3001", "\uff08", "\uff09", "\u3010",
       "\u3011", "\u201c", "\u201d", "\uff1a", "\uff1b", "\uff01", "\uff1f", "\u3000"]
CONTROL = ["\x00", "\x07", "\x08", "\x0b", "\x0c", "\x1b", "\x7f", "\x85", "\u2028", "\u2029", "\u200b",
           "\ufeff", "\ufffd"]
ESCAPED_SURROGATES = ["\\ud83d", "\\udc4d", "&#xd800;"]
MOJIBAKE = ["\u00e2\u20ac\u0153", "\u00e2\u20ac\u009d", "\u00c3\u00a9", "\u00e2\u20ac\u2122", "&amp;", "&quot;",
            "&#8220;"]
ARTIFACTS = [". .", ". ,", ",,", "..", "...", " .", " ,", "the the", "cultivate and cultivate", "more and more",
             "had had", "Yang Yang", "U.S.", "No. 1", "3.5 percent", "a.m.", "e.g.", "Co., Ltd.",
             "www.jilin.gov.cn", "http://example.com/a..b", "report.pdf", "v1.2.3", "user@example.cn",
             "Photo by Xinhua", "(Photo by Zhang Wei)", "Photographed by Li Na", "\u201cSelected Essays\u201d",
             "\u201cSelected Theory\u201d", "\"", "'", "  ", "\t", "( ", " )", "Reporter: Yellow Lu",
             "\u3002\u3002", "\uff0c\uff0c", "Prices rose.", "The county met", "farmers"]
WORDS = ["the", "county", "Party", "Committee", "Governance", "rose", "percent", "and", "of", "Wuhan",
         "Hubei", "Xi", "Jinping", "said", "In", "on", "November", "2", "2023", "A", "I", "is"]
LINE_ENDINGS = ["\n", "\r\n", "\r"]

fragment = st.one_of(
    st.sampled_from(ARTIFACTS), st.sampled_from(WORDS), st.sampled_from(COMBINING), st.sampled_from(RTL),
    st.sampled_from(EMOJI), st.sampled_from(CJK), st.sampled_from(CONTROL), st.sampled_from(MOJIBAKE),
    st.sampled_from(ESCAPED_SURROGATES), st.text(max_size=6),
)
separator = st.sampled_from([" ", " ", " ", "", ". ", ", ", "\u3000", "  "])


@st.composite
def lines(draw, max_lines: int = 8) -> list[str]:
    """Lines built from fragments joined by separators (no line breaks inside)."""
    result = []
    for _ in range(draw(st.integers(0, max_lines))):
        pieces = draw(st.lists(st.tuples(fragment, separator), max_size=14))
        line = "".join(a + b for a, b in pieces)
        result.append(line.replace("\r", " ").replace("\n", " "))
    return result


@st.composite
def documents(draw) -> str:
    """A document: optional BOM, lines with one line-ending style (or mixed), optional final newline."""
    body = draw(lines())
    style = draw(st.sampled_from(LINE_ENDINGS + ["mixed"]))
    if style == "mixed":
        joined = "".join(line + draw(st.sampled_from(LINE_ENDINGS)) for line in body)
        if body and not draw(st.booleans()):
            joined = joined.rstrip("\r\n")
    else:
        joined = style.join(body) + (style if body and draw(st.booleans()) else "")
    return ("\ufeff" if draw(st.booleans()) else "") + joined


any_text = st.one_of(documents(), st.text(max_size=200))
