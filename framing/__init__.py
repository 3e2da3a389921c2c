"""framing: measure how news outlets frame the same story."""
