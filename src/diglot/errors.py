"""Errors a user can act on.

Anything raised as :class:`DiglotError` reaches the user as one line (no traceback) and
the CLI exits with :data:`EXIT_USAGE`.
"""

EXIT_OK = 0
EXIT_FINDINGS = 1  # lint errors, check findings
EXIT_USAGE = 2  # bad arguments or bad input
EXIT_STRICT = 3  # translate --strict: a glossary mention could not be enforced


class DiglotError(Exception):
    """An error caused by the user's input or setup, with a message that says what to do."""


class InputError(DiglotError):
    """A file that cannot be read as text: missing, binary, wrongly encoded, malformed."""


class MalformedInput(InputError):
    """A file whose syntax is broken at a known place (file, line, column)."""

    def __init__(self, file: str, line: int | None, column: int | None, problem: str):
        self.file, self.line, self.column, self.problem = file, line, column, problem
        where = ":".join(str(p) for p in (file, line, column) if p is not None)
        super().__init__(f"{where}: {problem}")


class ModelFailure(DiglotError):
    """A model that loaded but failed while working (damaged weights, out of memory, input ids it
    cannot take): one line like any other error, but a server answers it with 500, since the
    request was not at fault."""
