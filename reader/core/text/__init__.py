"""Text: languages and scripts, the language model, sentences, editorial brackets."""
