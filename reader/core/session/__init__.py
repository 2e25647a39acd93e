"""The running app's Qt-free state: what is open, searched, shown and indexed."""
