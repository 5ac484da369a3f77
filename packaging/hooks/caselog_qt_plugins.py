"""Which Qt plugins Caselog ships (shared by the hook overrides in this folder).

The stock PySide6 hooks collect every plugin of QtGui and QtWidgets. Some of those
pull in large system libraries (the GTK 3 theme plugin brings GTK, Cairo, Pango,
Kerberos ...) or Qt modules Caselog never uses (the virtual keyboard brings Qt
Quick and QML). Filtering here, inside the hooks, drops them *before* PyInstaller
follows their library dependencies, so the dependencies are not collected either.
"""

from __future__ import annotations

from pathlib import PurePath

# Kept plugins, by plugin folder. Folders not named here are dropped; None keeps all.
KEEP_QT_PLUGINS: dict[str, set[str] | None] = {
    # how windows reach the screen: X11, Wayland, Windows, macOS; offscreen for tests
    "platforms": {"qxcb", "qwayland", "qwindows", "qcocoa", "qoffscreen", "qminimal"},
    # native file dialogs through the desktop portal (sandboxed desktops)
    "platformthemes": {"qxdgdesktopportal"},
    # typing Burmese: the system input method (IBus) and compose keys
    "platforminputcontexts": {
        "composeplatforminputcontextplugin",
        "ibusplatforminputcontextplugin",
    },
    # screenshots attached to cases: JPEG, GIF, WebP (PNG is built in); icons
    "imageformats": {"qjpeg", "qgif", "qwebp", "qico", "qsvg"},
    "iconengines": {"qsvgicon"},
    "styles": None,  # the native Windows and macOS looks
    "xcbglintegrations": None,
    "wayland-shell-integration": {"xdg-shell"},
    "wayland-decoration-client": None,
    "wayland-graphics-integration-client": {"qt-plugin-wayland-egl", "shm-emulation-server"},
    # screen readers on Linux (AT-SPI bridge), when the Qt build has it as a plugin
    "accessiblebridge": None,
}


def _stem(name: str) -> str:
    """Plugin name without "lib" and the suffix: libqxcb.so, qwindows.dll -> qxcb, qwindows."""
    stem = name.split(".")[0]
    if stem.startswith("lib") and not name.lower().endswith(".dll"):
        stem = stem[3:]
    return stem


def keep(dest: str) -> bool:
    """Whether a collected Qt file (by its destination inside the bundle) stays."""
    parts = PurePath(dest.replace("\\", "/")).parts
    if "translations" in parts:
        # Qt's own messages (OK/Cancel ...): none in Burmese, 12 MB unpacked.
        return False
    name = parts[-1].lower() if parts else ""
    if name == "opengl32sw.dll" or (name.startswith("d3dcompiler_") and name.endswith(".dll")):
        # Windows: software OpenGL (20 MB) and the shader compiler, for Qt Quick and
        # OpenGL widgets; Caselog's widgets paint in software without them.
        return False
    if "plugins" not in parts:
        return True
    index = parts.index("plugins")
    if len(parts) <= index + 1:
        return True
    folder = parts[index + 1]
    if folder not in KEEP_QT_PLUGINS:
        return False
    wanted = KEEP_QT_PLUGINS[folder]
    if wanted is None or len(parts) <= index + 2:
        return True
    return _stem(parts[-1]) in wanted


def filtered(entries: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Hook ``binaries``/``datas`` entries are (source, destination folder)."""
    return [
        (src, dest)
        for src, dest in entries
        if keep(str(PurePath(dest.replace("\\", "/")) / PurePath(src).name))
    ]
