"""Annotations: highlights and notes on either side of a document, anchored and kept safe."""
