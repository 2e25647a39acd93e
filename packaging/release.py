"""Build the Linux release archive: dist/Diglot-<version>-linux-x86_64.tar.gz (issue 16).

Run with `python packaging/release.py [APP_DIR] [OUT_DIR]` (defaults dist/Diglot and dist);
`make release` does, after `make package`. The archive holds one folder, Diglot-<version>-
linux-x86_64/, with the app folder `Diglot/`, `install.sh`, `uninstall.sh` and `share/` (the
.desktop file, AppStream metainfo, the MIME type and the hicolor icons, rendered here).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LINUX = ROOT / "packaging" / "linux"
APP_ID = "org.diglot.Diglot"
_VERSION = re.compile(r"^__version__\s*=\s*[\"']([^\"']+)[\"']", re.MULTILINE)


def version() -> str:
    match = _VERSION.search((ROOT / "reader" / "__init__.py").read_text(encoding="utf-8"))
    if match is None:
        raise SystemExit("release: no __version__ in reader/__init__.py")
    return match.group(1)


def render_icons(out: Path) -> Path:
    """Render the hicolor tree into out/hicolor with icons.py, in a child (it starts Qt)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    subprocess.run([sys.executable, str(LINUX / "icons.py"), str(out)], check=True, env=env,
                   stdout=subprocess.DEVNULL)
    return out / "hicolor"


def _normalize(info: tarfile.TarInfo) -> tarfile.TarInfo:
    info.uid = info.gid = 0
    info.uname = info.gname = "root"
    return info


def build_archive(app_dir: Path, out_dir: Path, ver: str | None = None,
                  hicolor: Path | None = None) -> Path:
    """Write out_dir/Diglot-<ver>-linux-x86_64.tar.gz from app_dir; return its path."""
    if not (app_dir / "diglot").is_file():
        raise SystemExit(f"release: {app_dir}/diglot not found; run `make package` first")
    ver = ver or version()
    top = f"Diglot-{ver}-linux-x86_64"
    out_dir.mkdir(parents=True, exist_ok=True)
    archive = out_dir / f"{top}.tar.gz"
    with tempfile.TemporaryDirectory() as tmp:
        if hicolor is None:
            hicolor = render_icons(Path(tmp))
        members = [
            (app_dir, "Diglot"),
            (LINUX / "install.sh", "install.sh"),
            (LINUX / "uninstall.sh", "uninstall.sh"),
            (LINUX / f"{APP_ID}.desktop", f"share/applications/{APP_ID}.desktop"),
            (LINUX / f"{APP_ID}.metainfo.xml", f"share/metainfo/{APP_ID}.metainfo.xml"),
            (LINUX / f"{APP_ID}.mime.xml", f"share/mime/packages/{APP_ID}.xml"),
            (hicolor, "share/icons/hicolor"),
        ]
        partial = archive.with_name(archive.name + ".part")
        with tarfile.open(partial, "w:gz") as tar:
            for source, name in members:
                tar.add(source, arcname=f"{top}/{name}", filter=_normalize)
        partial.replace(archive)
    return archive


if __name__ == "__main__":
    args = sys.argv[1:]
    if len(args) > 2:
        raise SystemExit("usage: release.py [APP_DIR] [OUT_DIR]")
    app = Path(args[0]) if args else ROOT / "dist" / "Diglot"
    out = Path(args[1]) if len(args) > 1 else ROOT / "dist"
    print(build_archive(app, out))
