"""Build the one-folder TemuDesk package (dist/TemuDesk/) with PyInstaller, on Linux or Windows.

    python tools/package.py            build dist/TemuDesk/ (TemuDesk[.exe] windowed, temudesk-cli[.exe])
    python tools/package.py --smoke    build, then run the smoke test of the built folder
    python tools/package.py --smoke-only   smoke-test an existing dist/TemuDesk/
    python tools/package.py --zip      also write dist/TemuDesk-<version>-<platform>.zip

The recipe is tools/temudesk.spec. Exit codes: 0 done, 1 build or smoke test failed, 3 PyInstaller is
not installed (`pip install -e ".[package]"`); tools/test.sh turns 3 into a failure under CI=true.
"""

from __future__ import annotations

import argparse
import importlib.util
import platform
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "tools" / "temudesk.spec"
NO_BUILD_TOOL = 3


def folder_size(path: Path) -> int:
    return sum(item.stat().st_size for item in path.rglob("*") if item.is_file() and not item.is_symlink())


def build(dist: Path, work: Path) -> float:
    """Run PyInstaller on the spec; returns the seconds it took."""
    started = time.perf_counter()
    command = [sys.executable, "-m", "PyInstaller", str(SPEC), "--noconfirm", "--log-level", "WARN",
               "--distpath", str(dist), "--workpath", str(work)]
    print("+ " + " ".join(command), flush=True)
    subprocess.run(command, cwd=ROOT, check=True)
    return time.perf_counter() - started


def write_zip(folder: Path) -> Path:
    from importlib.metadata import version

    system = {"Windows": "windows", "Linux": "linux", "Darwin": "macos"}.get(platform.system(), platform.system())
    base = folder.parent / f"TemuDesk-{version('temudesk')}-{system}-{platform.machine().lower()}"
    return Path(shutil.make_archive(str(base), "zip", root_dir=folder.parent, base_dir=folder.name))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--smoke", action="store_true", help="run the smoke test after building")
    parser.add_argument("--smoke-only", action="store_true", help="smoke-test the existing build, do not build")
    parser.add_argument("--zip", action="store_true", help="also write a zip of the folder next to it")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder (default: dist)")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller", help="PyInstaller's work folder")
    args = parser.parse_args(argv)
    folder = args.dist / "TemuDesk"

    if not args.smoke_only:
        if importlib.util.find_spec("PyInstaller") is None:
            print('PERINGATAN: PyInstaller tidak terpasang; paket tidak dibangun. '
                  'Pasang dengan: pip install -e ".[package]"', file=sys.stderr)
            return NO_BUILD_TOOL
        try:
            seconds = build(args.dist, args.work)
        except subprocess.CalledProcessError as error:
            print(f"GAGAL: PyInstaller berhenti dengan kode {error.returncode}", file=sys.stderr)
            return 1
        print(f"Paket: {folder}  ukuran {folder_size(folder) / 1e6:.0f} MB  waktu bangun {seconds:.0f} s")
        if args.zip:
            archive = write_zip(folder)
            print(f"Zip: {archive}  {archive.stat().st_size / 1e6:.0f} MB")
    if args.smoke or args.smoke_only:
        sys.path.insert(0, str(ROOT / "tools"))
        import smoke_package

        return smoke_package.main([str(folder)])
    return 0


if __name__ == "__main__":
    sys.exit(main())
