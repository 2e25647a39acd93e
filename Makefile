# `make run` and `make test` set everything up from a fresh clone.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test lint bench clean package release

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(VENV)/bin/diglot index
	$(VENV)/bin/diglot

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports --no-cache

test: $(STAMP) lint
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

# A one-folder, windowed app in dist/Diglot (PyInstaller, installed into the venv on demand),
# then its self-test: it indexes, opens the seed, renders Cyrillic, writes a PDF.
package: $(STAMP)
	$(PY) -m pip install --quiet 'pyinstaller>=6.10'
	rm -rf dist/Diglot
	$(VENV)/bin/pyinstaller --noconfirm --log-level WARN --distpath dist \
		--workpath build/pyinstaller packaging/diglot.spec
	dist/Diglot/diglot --self-test

# dist/Diglot-<version>-linux-x86_64.tar.gz: the app, install.sh/uninstall.sh (per user, no
# root), the desktop files and the icons. See packaging/README.md.
release: package
	$(PY) packaging/release.py dist/Diglot dist

bench: $(STAMP)
	$(PY) -m bench

clean:
	rm -rf $(VENV) build dist *.egg-info
