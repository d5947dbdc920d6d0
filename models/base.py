"""The common base of every record: strict, immutable, JSON-friendly."""

from pydantic import BaseModel, ConfigDict


class Record(BaseModel):
    """A pydantic model that rejects unknown fields and cannot be changed after creation."""

    model_config = ConfigDict(extra="forbid", frozen=True)
