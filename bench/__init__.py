"""The performance benchmark of the AHC Portal (see README.md, "Benchmark")."""
