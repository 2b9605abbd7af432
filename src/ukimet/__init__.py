"""ukimet: an open, self-hosted government data platform.

The package is laid out by pipeline stage (see README): ``core`` holds what every stage shares, ``synth``
builds the synthetic country that demos, tests and benchmarks run on, ``cli`` is the command line.
"""

__version__ = "0.1.0"
