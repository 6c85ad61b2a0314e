"""The wizard's pages, one small module each."""
