"""One error type for bad input, so every failure names the file and the line."""


class ContentError(Exception):
    """Input that the pipeline cannot turn into a faithful model.

    The build must stop rather than publish a half-built site, so every
    check raises this with the file, the 1-based line and what was expected.
    """

    def __init__(self, path, line, message):
        self.path = str(path)
        self.line = line
        self.message = message
        where = f"{self.path}:{line}" if line else self.path
        super().__init__(f"{where}: {message}")
