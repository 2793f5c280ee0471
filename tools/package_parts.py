"""Pieces of the package recipe (tools/temudesk.spec) that are plain Python and worth testing alone:
which Qt modules stay out, which migration files go in, and the licence folder."""

from __future__ import annotations

import importlib.metadata as metadata
import re
import shutil
import sys
from pathlib import Path

from packaging.requirements import Requirement

TOOLS_DIR = Path(__file__).resolve().parent
DISTRIBUTION = "temudesk"

# Qt for Python modules TemuDesk never imports. The analysis would mostly leave them out anyway;
# naming them keeps a stray import (a hook, a plug-in) from dragging in QML/WebEngine-sized trees.
# Deliberately NOT listed: QtCore, QtGui, QtWidgets, QtNetwork, QtPrintSupport, QtPdf, QtPdfWidgets,
# QtSvg (icons), QtMultimedia (desk sounds, webcam scanning) and QtMultimediaWidgets (viewfinder).
_UNUSED_QT = [
    "Qt3DAnimation", "Qt3DCore", "Qt3DExtras", "Qt3DInput", "Qt3DLogic", "Qt3DRender", "QtAsyncio",
    "QtBluetooth", "QtCanvasPainter", "QtCharts", "QtConcurrent", "QtDataVisualization", "QtDesigner",
    "QtGraphs", "QtGraphsWidgets", "QtHelp", "QtHttpServer", "QtLocation", "QtNetworkAuth", "QtNfc",
    "QtOpenGL", "QtOpenGLWidgets", "QtPositioning", "QtQml", "QtQuick", "QtQuick3D",
    "QtQuickControls2", "QtQuickTest", "QtQuickWidgets", "QtRemoteObjects", "QtScxml", "QtSensors",
    "QtSerialBus", "QtSerialPort", "QtSpatialAudio", "QtSql", "QtStateMachine", "QtTest",
    "QtTextToSpeech", "QtUiTools", "QtWebChannel", "QtWebEngineCore", "QtWebEngineQuick",
    "QtWebEngineWidgets", "QtWebSockets", "QtWebView", "QtXml",
]
QT_EXCLUDES = [f"PySide6.{name}" for name in _UNUSED_QT]

# Data the hooks collect that TemuDesk cannot use: Babel's 800 CLDR locales (it formats in id and en;
# root is the base of both), Qt's own translations other than id/en, and Qt's virtual-keyboard plug-in
# (a touch keyboard for kiosks, ~20 MB with the QML it needs; the desk laptops have keyboards).
_BABEL_LOCALES = {"root", "id", "en"}
_QT_LANGUAGES = {"id", "en"}


def keep_in_package(destination: str) -> bool:
    """False for a collected file (its path inside the package) that is left out of the folder."""
    parts = destination.replace("\\", "/").split("/")
    name = parts[-1]
    if parts[:2] == ["babel", "locale-data"]:
        return name.split(".")[0] in _BABEL_LOCALES
    if parts[:3] == ["PySide6", "Qt", "translations"] and name.endswith(".qm"):
        return name.rsplit(".", 1)[0].split("_", 1)[-1] in _QT_LANGUAGES
    return "virtualkeyboard" not in name.lower()


_LICENCE_NAME = re.compile(r"(licen[cs]e|copying|notice|authors)", re.IGNORECASE)
# Texts for wheels that name their licence but ship no text (PySide6, shiboken6: LGPL-3.0 or GPL).
_SPDX_TEXTS = {"LGPL-3.0": TOOLS_DIR / "licences" / "LGPL-3.0.txt", "GPL-3.0": TOOLS_DIR / "licences" / "GPL-3.0.txt"}


def migration_datas(root: Path) -> list[tuple[str, str]]:
    """(file, folder in the package) for every migration file alembic reads from disk at run time."""
    source = root / "desktop" / "models" / "migrations"
    pairs = []
    for path in sorted(source.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix in {".py", ".mako", ".ini"}:
            pairs.append((str(path), str(path.parent.relative_to(root))))
    return pairs


def runtime_distributions(name: str = DISTRIBUTION) -> list[metadata.Distribution]:
    """``name`` and everything it needs at run time, installed here: markers evaluated, and the extras
    a requirement asks for followed (``psycopg[binary]`` brings psycopg-binary)."""
    seen: dict[str, metadata.Distribution] = {}
    done: set[tuple[str, str]] = set()
    pending: list[tuple[str, str]] = [(name, "")]
    while pending:
        current, extra = pending.pop()
        key = _normalise(current)
        if (key, extra) in done:
            continue
        done.add((key, extra))
        try:
            distribution = seen.get(key) or metadata.distribution(current)
        except metadata.PackageNotFoundError:
            continue  # an optional platform-only dependency that this platform does not install
        seen[key] = distribution
        for text in distribution.requires or []:
            requirement = Requirement(text)
            if requirement.marker is None or requirement.marker.evaluate({"extra": extra}):
                pending.append((requirement.name, ""))
                pending.extend((requirement.name, wanted) for wanted in requirement.extras)
    return sorted(seen.values(), key=lambda d: _normalise(d.metadata["Name"]))


def gather_licences(target: Path) -> list[str]:
    """Copy the licence texts of Python and every bundled distribution into ``target``.

    Returns the names of distributions for which no text was found (printed as a warning)."""
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    index = ["Licences of the software inside this TemuDesk package", ""]
    missing = []
    python_licence = _python_licence()
    if python_licence:
        shutil.copyfile(python_licence, target / "Python-LICENSE.txt")
    index.append(f"Python {sys.version.split()[0]}: PSF License -> Python-LICENSE.txt")
    for distribution in runtime_distributions():
        name = distribution.metadata["Name"]
        version = distribution.version
        declared = distribution.metadata.get("License-Expression") or distribution.metadata.get("License") or ""
        declared = declared.splitlines()[0] if declared else _classifier_licence(distribution)
        copied = _copy_dist_licences(distribution, target / f"{name}-{version}")
        if not copied:
            copied = _copy_spdx_texts(declared, target / f"{name}-{version}")
        if not copied and _normalise(name) != DISTRIBUTION:
            missing.append(name)
        files = ", ".join(copied) if copied else "(no text in the wheel)"
        index.append(f"{name} {version}: {declared or 'see project page'} -> {files}")
    index += ["", "DejaVu fonts: resources/fonts/LICENSE-DejaVu.txt",
              "TemuDesk itself: MIT licence (pyproject.toml)."]
    (target / "README.txt").write_text("\n".join(index) + "\n", encoding="utf-8")
    if missing:
        print(f"PERINGATAN: tidak ada teks lisensi untuk: {', '.join(missing)}", file=sys.stderr)
    return missing


def _copy_dist_licences(distribution: metadata.Distribution, folder: Path) -> list[str]:
    copied = []
    for entry in distribution.files or []:
        parts = Path(str(entry)).parts
        if not parts or not parts[0].endswith(".dist-info"):
            continue
        if not _LICENCE_NAME.search(str(entry)) or entry.name in {"RECORD", "METADATA"}:
            continue
        source = Path(str(distribution.locate_file(entry)))
        if source.is_file():
            destination = folder / Path(*parts[1:])
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, destination)
            copied.append(str(destination.relative_to(folder.parent)))
    return copied


def _copy_spdx_texts(declared: str, folder: Path) -> list[str]:
    copied = []
    for spdx, text in _SPDX_TEXTS.items():
        if spdx in declared and text.is_file():
            folder.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(text, folder / text.name)
            copied.append(f"{folder.name}/{text.name}")
    return copied


def _classifier_licence(distribution: metadata.Distribution) -> str:
    for classifier in distribution.metadata.get_all("Classifier") or []:
        if classifier.startswith("License ::"):
            return classifier.split("::")[-1].strip()
    return ""


def _python_licence() -> Path | None:
    base = Path(sys.base_prefix)
    version = f"python{sys.version_info.major}.{sys.version_info.minor}"
    for candidate in (base / "LICENSE.txt", base / "lib" / version / "LICENSE.txt"):
        if candidate.is_file():
            return candidate
    return None


def _normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()
