"""Reading a saved archive page (text or HTML) into a `Document`."""
