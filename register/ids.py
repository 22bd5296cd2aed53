"""Whole numbers that come in by hand, in a URL or a posted form: a record's id, a version, a
page size.

`str.isdigit()` is no test for them: it takes "²", which `int()` refuses, and a number of
thousands of digits, which `int()` refuses (past 4,300) and no database column holds (the
query then fails). Either was a server error on a crafted request; here it is no number.
"""

import re

_ID = re.compile(r"[0-9]{1,18}")  # ASCII digits that a 64-bit database integer always holds


def typed_id(value) -> int | None:
    """`value` as a whole number when it is one a database key can hold, else None."""
    value = str(value)
    return int(value) if _ID.fullmatch(value) else None
