"""Every Doc extension diplo sets, in one place, prefixed `diplo_`."""

from spacy.tokens import Doc

_DOC_EXTENSIONS = ("diplo_people", "diplo_roles", "diplo_organizations", "diplo_places", "diplo_venues",
                   "diplo_events", "diplo_dateline", "diplo_published", "diplo_warnings")


def register_extensions() -> None:
    """Register the Doc extensions once per process."""
    for name in _DOC_EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
