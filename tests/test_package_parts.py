"""The package recipe's plain-Python parts (tools/package_parts.py, tools/smoke_package.py) and
`temudesk --version`. The build itself is checked by `tools/package.py --smoke` after the suite."""

from __future__ import annotations

import importlib.metadata
import os
from pathlib import Path

import pytest

from desktop.cli import main
from tools import package_parts, smoke_package

ROOT = Path(__file__).resolve().parent.parent


def test_version_flag_prints_the_installed_package_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"temudesk {importlib.metadata.version('temudesk')}"


def test_every_migration_file_alembic_reads_goes_in_and_no_bytecode() -> None:
    pairs = package_parts.migration_datas(ROOT)
    names = {Path(source).relative_to(ROOT).as_posix() for source, _folder in pairs}
    migrations = ROOT / "desktop" / "models" / "migrations"
    assert "desktop/models/migrations/script.py.mako" in names
    assert "desktop/models/migrations/env.py" in names
    for version in (migrations / "versions").glob("*.py"):
        assert version.relative_to(ROOT).as_posix() in names
    assert not any("__pycache__" in name or name.endswith(".pyc") for name in names)
    for source, folder in pairs:  # each file lands in the folder it has in the checkout
        assert Path(folder) == Path(source).parent.relative_to(ROOT)


@pytest.mark.parametrize(
    ("destination", "kept"),
    [
        ("babel/locale-data/id.dat", True),
        ("babel/locale-data/en.dat", True),
        ("babel/locale-data/root.dat", True),
        ("babel/locale-data/fr_CA.dat", False),
        ("babel/global.dat", True),
        ("PySide6/Qt/translations/qtbase_en.qm", True),
        ("PySide6/Qt/translations/qtbase_de.qm", False),
        ("PySide6\\Qt\\translations\\qt_pt_BR.qm", False),
        ("PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so", False),
        ("PySide6/Qt6VirtualKeyboard.dll", False),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
        ("PySide6/Qt/plugins/multimedia/libffmpegmediaplugin.so", True),
        ("resources/locale/en/LC_MESSAGES/package.po", True),
    ],
)
def test_only_unusable_collected_files_are_left_out(destination: str, kept: bool) -> None:
    assert package_parts.keep_in_package(destination) is kept


def test_the_qt_modules_the_app_uses_are_never_excluded() -> None:
    used = {"QtCore", "QtGui", "QtWidgets", "QtNetwork", "QtPrintSupport", "QtPdf", "QtPdfWidgets",
            "QtSvg", "QtMultimedia", "QtMultimediaWidgets"}
    assert not used & {name.split(".", 1)[1] for name in package_parts.QT_EXCLUDES}
    imported = set()
    for path in (ROOT / "desktop").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        imported |= {name for name in package_parts._UNUSED_QT if f"PySide6.{name}" in text}
    assert not imported, f"excluded from the package but imported: {sorted(imported)}"


def test_runtime_distributions_follow_requirements_and_leave_test_tools_out() -> None:
    names = {package_parts._normalise(d.metadata["Name"]) for d in package_parts.runtime_distributions()}
    assert {"temudesk", "pyside6", "shiboken6", "ortools", "alembic", "babel", "reportlab", "psycopg-binary"} <= names
    assert "pytest" not in names and "hypothesis" not in names


def test_licence_folder_has_a_text_for_every_bundled_distribution(tmp_path: Path) -> None:
    target = tmp_path / "licences"
    missing = package_parts.gather_licences(target)
    assert missing == []
    index = (target / "README.txt").read_text(encoding="utf-8")
    assert "PySide6" in index and "ortools" in index
    pyside = next(target.glob("PySide6-*"))
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in (pyside / "LGPL-3.0.txt").read_text(encoding="utf-8")


def test_the_smoke_path_has_no_python_on_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with_python, without = tmp_path / "with", tmp_path / "without"
    with_python.mkdir()
    without.mkdir()
    (with_python / "python3").write_text("")
    monkeypatch.setenv("PATH", os.pathsep.join([str(with_python), str(without)]))
    assert smoke_package.python_free_path() == str(without)
    env = smoke_package.frozen_environment(tmp_path / "home")
    assert not any(key.startswith("PYTHON") for key in env)
    assert env["XDG_DATA_HOME"].startswith(str(tmp_path))
