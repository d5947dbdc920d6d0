"""The errors the library raises and the exit codes the CLI maps them to."""

from enum import IntEnum


class ExitCode(IntEnum):
    """Process exit codes, named as httpie names them."""

    OK = 0
    ERROR = 1
    USAGE = 2
    NO_INPUT = 3
    INTERRUPTED = 130


class ExtractorError(Exception):
    """Base of every error diplo reports to a user in one line."""

    exit_code: ExitCode = ExitCode.ERROR


class InputError(ExtractorError):
    """An article that cannot be read: missing, empty, binary or undecodable."""

    exit_code = ExitCode.NO_INPUT


class ModelError(ExtractorError):
    """No usable spaCy pipeline is installed, or the one asked for cannot be loaded."""

    exit_code = ExitCode.ERROR


class PipelineError(ModelError):
    """A diplo component is used without a component it reads from (the lexicon, the entities)."""
