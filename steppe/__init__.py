"""Steppe Atlas: data loading, filtering, figures and maps for an atlas of Kazakhstan 1917-1936."""
__version__ = "0.1.0"
