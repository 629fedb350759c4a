"""newsprobe on Apache Spark (the optional extra `newsprobe[spark]`): `job.run_spark` and
the `newsprobe spark` command; `corpus` adds the copy-detection stage. See docs/spark.md."""
