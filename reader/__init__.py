"""Diglot: a reader for declassified archival documents, original beside translation."""

__version__ = "0.1.0"

# The reverse-DNS application ID: the .desktop file's name, the icon's, the AppStream ID and,
# on Wayland, the window's app_id (packaging/linux/ holds the files named after it).
APP_ID = "org.diglot.Diglot"
# The X11 WM_CLASS class Qt sets from the application name: the .desktop file's StartupWMClass.
APP_NAME = "Diglot"
