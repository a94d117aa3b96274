"""Event extraction back-ends."""
