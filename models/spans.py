"""Character spans that point back into the article text."""

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
