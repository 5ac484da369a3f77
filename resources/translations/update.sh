#!/bin/sh
# Refresh caselog_my.ts from the code (new texts appear unfinished, texts no longer in
# the code are dropped), then build caselog_my.qm. Run from anywhere:
#   resources/translations/update.sh
# Translate the unfinished messages (Qt Linguist: .venv/bin/pyside6-linguist, or any
# editor), keep GLOSSARY.md's terms, and run it again to rebuild the .qm.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
BIN=${BIN:-$ROOT/.venv/bin}
cd "$ROOT"
# -locations none: no file/line references, so the .ts changes only when texts do.
"$BIN/pyside6-lupdate" -extensions py -no-obsolete -locations none -target-language my_MM \
  desktop_app/ui desktop_app/app.py -ts resources/translations/caselog_my.ts
"$BIN/pyside6-lrelease" -removeidentical -nounfinished resources/translations/caselog_my.ts \
  -qm resources/translations/caselog_my.qm
