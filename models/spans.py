"""Character spans that point back into the article text."""

from collections.abc import Iterator
from typing import Any

from pydantic import Field, model_validator

from models.base import Record


class Span(Record):
    """A slice of the input text: `text == input[start:end]`."""

    start: int = Field(ge=0, description="Offset of the first character in the input text.")
    end: int = Field(ge=0, description="Offset one past the last character in the input text.")
    text: str = Field(description="The text of the slice, exactly as printed.")

    @model_validator(mode="after")
    def _end_not_before_start(self) -> "Span":
        if self.end < self.start:
            raise ValueError("end must not be before start")
        return self


def spans_in(value: Any) -> Iterator[dict[str, Any]]:
    """Every span (a dict with exactly start, end and text) inside a dumped record, depth first.

    Lets a consumer check `text == input[start:end]` for a whole Document's JSON.
    """
    if isinstance(value, dict):
        if value.keys() == {"start", "end", "text"}:
            yield value
        for item in value.values():
            yield from spans_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from spans_in(item)
