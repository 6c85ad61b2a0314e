"""Test beds of real hosts in network namespaces that the tests build and always remove."""
