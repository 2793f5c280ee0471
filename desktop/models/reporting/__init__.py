"""Figures and the plain data of every printed paper: totals, tallies, print log."""
