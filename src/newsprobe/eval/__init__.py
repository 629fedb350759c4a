"""Evaluations on the public data sets in `../shared/data`, one module per data set.

Each module reads its data at run time (nothing from the data sets is copied into the
repository), runs the library's own `analyze_many`, and returns a plain dict with the
metric the data set is known by, so that the CLI, CI gates and BENCHMARKS.md quote the
same figures. `metrics` holds the span metrics the modules share.
"""
