"""aimath: the course "Mathematics for AI/ML/DL" and the toolkit that builds and grades it."""

__version__ = "0.1.0"
