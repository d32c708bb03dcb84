"""The version of lintreport: one line that hatch reads at build time and the cache, JSON and
SARIF outputs name. Its own module, so that nothing low in the layers imports the package
`__init__` (which reaches up to the engine)."""
VERSION = "0.1.0"
