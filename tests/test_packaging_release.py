"""The release archive (packaging/release.py) and its install.sh/uninstall.sh, end to end.

A fake app folder stands in for dist/Diglot (a PyInstaller build takes half a minute): the
archive is built, unpacked, installed into a temporary HOME, run, and uninstalled, and the
user's data in ~/.local/share/diglot must survive.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path
from types import ModuleType

import pytest

from reader import APP_ID, __version__
from tests.conftest import ROOT

LINUX = ROOT / "packaging" / "linux"
SIZES = ("16x16", "22x22", "24x24", "32x32", "48x48", "64x64", "128x128", "256x256", "512x512")


def load(path: Path, name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


release = load(ROOT / "packaging" / "release.py", "diglot_release")
icons = load(LINUX / "icons.py", "diglot_icons")


def fake_hicolor(root: Path) -> Path:
    """Icon files with the real names, without starting Qt: release.py renders the real ones."""
    for size in SIZES:
        (root / "hicolor" / size / "apps").mkdir(parents=True)
        (root / "hicolor" / size / "apps" / f"{APP_ID}.png").write_bytes(b"png")
    (root / "hicolor" / "scalable" / "apps").mkdir(parents=True)
    (root / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").write_text("<svg/>")
    return root / "hicolor"


def fake_app(root: Path) -> Path:
    app = root / "Diglot"
    (app / "_internal").mkdir(parents=True)
    launcher = app / "diglot"
    launcher.write_text('#!/bin/sh\necho "fake diglot ran with: $*"\n')
    launcher.chmod(0o755)
    (app / "_internal" / "libfake.so.1").write_bytes(b"\x7fELF")
    (app / "_internal" / "libfake.so").symlink_to("libfake.so.1")
    return app


def run(script: Path, home: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "XDG_DATA_HOME"}
    env["HOME"] = str(home)
    result = subprocess.run(["sh", str(script)], env=env, capture_output=True, text=True,
                            timeout=30)
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def files_under(root: Path) -> set[Path]:
    return {p for p in root.rglob("*") if p.is_file() or p.is_symlink()}


def test_the_uninstall_script_knows_every_icon_size() -> None:
    assert tuple(f"{n}x{n}" for n in icons.SIZES) == SIZES
    assert all(f" {size}" in (LINUX / "uninstall.sh").read_text() for size in SIZES)


def test_release_archive_installs_runs_and_uninstalls(tmp_path: Path) -> None:
    archive = release.build_archive(fake_app(tmp_path / "build"), tmp_path / "dist",
                                    hicolor=fake_hicolor(tmp_path / "icons"))
    top = f"Diglot-{__version__}-linux-x86_64"
    assert archive == tmp_path / "dist" / f"{top}.tar.gz"
    with tarfile.open(archive) as tar:
        assert {m.name.split("/")[0] for m in tar.getmembers()} == {top}
        assert all(m.uid == 0 and m.uname == "root" for m in tar.getmembers())
        tar.extractall(tmp_path / "unpacked", filter="tar")
    unpacked = tmp_path / "unpacked" / top
    assert os.access(unpacked / "install.sh", os.X_OK)
    assert os.access(unpacked / "Diglot" / "diglot", os.X_OK)

    home = tmp_path / "home"
    data = home / ".local" / "share"
    user_data = data / "diglot" / "library" / "annotations.sqlite"
    user_data.parent.mkdir(parents=True)
    user_data.write_text("the user's notes")
    before = files_under(home)

    run(unpacked / "install.sh", home)

    app = data / "diglot-app"
    installed = {
        app / "diglot",
        app / "uninstall.sh",
        app / "_internal" / "libfake.so.1",
        app / "_internal" / "libfake.so",
        home / ".local" / "bin" / "diglot",
        data / "applications" / f"{APP_ID}.desktop",
        data / "metainfo" / f"{APP_ID}.metainfo.xml",
        data / "mime" / "packages" / f"{APP_ID}.xml",
        data / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg",
        *(data / "icons" / "hicolor" / size / "apps" / f"{APP_ID}.png" for size in SIZES),
    }
    missing = {p for p in installed if not (p.is_file() or p.is_symlink())}
    assert not missing
    assert (app / "_internal" / "libfake.so").is_symlink()
    desktop = (data / "applications" / f"{APP_ID}.desktop").read_text()
    assert f"Exec={home}/.local/bin/diglot %F" in desktop
    assert (data / "mime" / "packages" / f"{APP_ID}.xml").read_bytes() == (
        LINUX / f"{APP_ID}.mime.xml").read_bytes()
    if shutil.which("update-mime-database"):
        assert "text/x-diglot-archive-page" in (data / "mime" / "types").read_text()

    launched = subprocess.run([str(home / ".local" / "bin" / "diglot"), "a b.txt"],
                              capture_output=True, text=True, check=True, timeout=10)
    assert launched.stdout == "fake diglot ran with: a b.txt\n"

    # Installing again (an upgrade) is fine; then the copy kept in the app folder uninstalls.
    run(unpacked / "install.sh", home)
    run(app / "uninstall.sh", home)

    assert user_data.read_text() == "the user's notes"
    assert not app.exists()
    left = {p for p in installed if p.exists() or p.is_symlink()}
    assert not left
    # All that remains besides the user's data are the caches the freedesktop tools regenerate.
    extra = files_under(home) - before
    assert all(p.is_relative_to(data / "mime") or p.name == "mimeinfo.cache" for p in extra), extra


def test_uninstall_keeps_a_diglot_launcher_it_did_not_write(tmp_path: Path) -> None:
    home = tmp_path / "home"
    other = home / ".local" / "bin" / "diglot"
    other.parent.mkdir(parents=True)
    other.write_text("#!/bin/sh\necho someone else's diglot\n")
    run(LINUX / "uninstall.sh", home)
    assert other.exists()


@pytest.mark.parametrize("script", ["install.sh", "uninstall.sh"])
def test_scripts_are_posix_sh(script: str) -> None:
    text = (LINUX / script).read_text()
    assert text.startswith("#!/bin/sh\n") and "\nset -eu\n" in text
    if shutil.which("dash"):
        subprocess.run(["dash", "-n", str(LINUX / script)], check=True)
    if shutil.which("shellcheck"):
        subprocess.run(["shellcheck", "-s", "sh", str(LINUX / script)], check=True)
