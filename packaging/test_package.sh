#!/usr/bin/env bash
# `make test-package`: build the Linux bundle from a clean copy of the source, unpack
# the archive that would be handed out, and run the frozen programs with no Python
# and no virtualenv in reach (env -i, PATH=/usr/bin:/bin).
#
#   packaging/test_package.sh PYTHON
#
# PYTHON is the interpreter that has PyInstaller (the project's .venv). The source is
# the files git would commit (tracked + new, minus .gitignore'd build outputs), so
# work in progress is tested too; CASELOG_PACKAGE_SOURCE=head builds a `git clone`
# of HEAD instead. KEEP=1 keeps the scratch folder for a look afterwards;
# CASELOG_PACKAGE_OUT=DIR copies the tested archive and its .sha256 there (CI).
set -euo pipefail

PYTHON=${1:?usage: test_package.sh PYTHON}
# absolute, but not resolved: a virtualenv's python is a symlink that must stay one
PYTHON="$(cd "$(dirname "$PYTHON")" && pwd)/$(basename "$PYTHON")"
ROOT=$(cd "$(dirname "$0")/.." && pwd)
TMP=$(mktemp -d /tmp/caselog-package.XXXXXX)
if [ "${KEEP:-0}" = 1 ]; then echo "scratch kept in $TMP"; else trap 'rm -rf "$TMP"' EXIT; fi
started=$SECONDS
step() { printf '\n== %s (%ds)\n' "$*" $((SECONDS - started)); }
fail() { echo "FAIL: $*" >&2; exit 1; }

step "clean source in $TMP/src"
if [ "${CASELOG_PACKAGE_SOURCE:-worktree}" = head ]; then
  git clone --quiet --no-hardlinks "$ROOT" "$TMP/src"
elif git -C "$ROOT" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  mkdir "$TMP/src"
  (cd "$ROOT" && git ls-files -z --cached --others --exclude-standard \
    | tar --null -T - --ignore-failed-read -cf - 2>/dev/null) | tar -xf - -C "$TMP/src"
else  # not a git checkout (an unpacked source archive): leave out what .gitignore would
  mkdir "$TMP/src"
  tar -C "$ROOT" --exclude=./.venv --exclude=./build --exclude=./dist \
    --exclude=./packaging/build --exclude='*.egg-info' --exclude=__pycache__ \
    --exclude='.*_cache' --exclude=.hypothesis -cf - . | tar -xf - -C "$TMP/src"
fi
test -f "$TMP/src/packaging/caselog.spec" || fail "packaging/caselog.spec is not in the source"

step "build (PyInstaller)"
"$PYTHON" "$TMP/src/packaging/build.py" --dist "$TMP/dist" --work "$TMP/work"
# The bundle must hold this copy's code, not the editable install in the virtualenv.
grep -q "$TMP/src/desktop_app/cli/__init__.py" "$TMP"/work/caselog/Analysis-*.toc \
  || fail "the analysis did not take desktop_app from the clean source"

VERSION=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' "$TMP/src/desktop_app/__init__.py")
ARCHIVE="$TMP/dist/caselog-$VERSION-linux-x86_64.tar.gz"
test -f "$ARCHIVE" || fail "no archive $ARCHIVE"
(cd "$TMP/dist" && sha256sum -c --quiet "$(basename "$ARCHIVE").sha256") || fail "checksum"
SIZE=$(stat -c %s "$ARCHIVE")
echo "archive: $(basename "$ARCHIVE") $((SIZE / 1000000)) MB"
[ "$SIZE" -lt 60000000 ] || echo "WARNING: archive is over the 60 MB target"

step "unpack the archive as a user would"
mkdir -p "$TMP/user/home"
tar -xzf "$ARCHIVE" -C "$TMP/user"
APP="$TMP/user/caselog-$VERSION-linux-x86_64"
test -x "$APP/caselog" -a -x "$APP/caselog-cli" || fail "caselog and caselog-cli not in the archive"
HOME_DIR="$TMP/user/home"
printf 'correct horse battery staple\n' >"$TMP/user/pass.txt"

# Only the frozen programs: a fresh environment, no Python, no virtualenv.
frozen() { env -i HOME="$HOME_DIR" PATH=/usr/bin:/bin LANG=C.UTF-8 "$@"; }
cli() { frozen "$APP/caselog-cli" "$@"; }

step "caselog-cli --version / --help"
cli --version | tee "$TMP/version.txt"
grep -q "$VERSION" "$TMP/version.txt" || fail "--version does not say $VERSION"
cli --help >"$TMP/help.txt"
# the subcommands argparse lists under "COMMAND", one per line, indented by four
commands=$(awk '/^    [a-z][a-z-]*( |$)/ {print $1}' "$TMP/help.txt" | paste -sd, -)
echo "commands: $commands"
has() { [[ ",$commands," == *",$1,"* ]]; }

DB="$HOME_DIR/cases.db"
step "init, import, stats --json"
cli --db "$DB" --passphrase-file "$TMP/user/pass.txt" init --tz Asia/Yangon --org "Package test"
cli --db "$DB" --passphrase-file "$TMP/user/pass.txt" import "$TMP/src/resources/demo/demo_log.csv"
cli --db "$DB" --passphrase-file "$TMP/user/pass.txt" stats --json >"$TMP/stats.json"
"$PYTHON" -c 'import json, sys; d = json.load(open(sys.argv[1])); assert d, "empty"; print("stats:", ", ".join(list(d)[:6]))' "$TMP/stats.json"
# A wrong passphrase is refused with exit 3 and one line, no traceback.
printf 'wrong\n' >"$TMP/user/wrong.txt"
set +e
cli --db "$DB" --passphrase-file "$TMP/user/wrong.txt" stats --json >/dev/null 2>"$TMP/wrong.err"
status=$?
set -e
[ "$status" = 3 ] || fail "wrong passphrase: exit $status, expected 3"
! grep -q Traceback "$TMP/wrong.err" || fail "traceback on a wrong passphrase"

if has export-xlsx; then
  step "export-xlsx"
  cli --db "$DB" --passphrase-file "$TMP/user/pass.txt" export-xlsx "$HOME_DIR/indicators.xlsx"
  test -s "$HOME_DIR/indicators.xlsx" || fail "no workbook written"
else
  echo "(export-xlsx is not registered yet: skipped)"
fi
if has export-pack; then
  step "export-pack"
  cli --db "$DB" --passphrase-file "$TMP/user/pass.txt" export-pack "$HOME_DIR/pack.zip"
  test -s "$HOME_DIR/pack.zip" || fail "no pack written"
  if has verify-pack; then
    step "verify-pack"
    cli verify-pack "$HOME_DIR/pack.zip"
  fi
else
  echo "(export-pack / verify-pack are not registered yet: skipped)"
fi

step "the window starts offscreen and shows the unlock screen"
frozen QT_QPA_PLATFORM=offscreen "$APP/caselog" --smoke-test --db "$DB" >"$TMP/gui.out" 2>"$TMP/gui.err" \
  || { cat "$TMP/gui.out" "$TMP/gui.err"; fail "caselog --smoke-test exited non-zero"; }
cat "$TMP/gui.out"
grep -q "^unlock screen shown" "$TMP/gui.out" || { cat "$TMP/gui.err"; fail "no unlock screen"; }

step "portable mode: store and settings beside the executable"
touch "$APP/portable"
HOME_DIR="$TMP/user/home-portable"  # a fresh profile: nothing may land in it
mkdir -p "$HOME_DIR"
cli --passphrase-file "$TMP/user/pass.txt" init --tz UTC
test -f "$APP/CaselogData/caselog.db" || fail "portable store is not in CaselogData"
frozen QT_QPA_PLATFORM=offscreen "$APP/caselog" --smoke-test >"$TMP/gui-portable.out" 2>&1 \
  || { cat "$TMP/gui-portable.out"; fail "portable window did not start"; }
grep -q "^unlock screen shown" "$TMP/gui-portable.out" || fail "portable: no unlock screen"
if find "$HOME_DIR" -iname '*caselog*' | grep -q .; then
  find "$HOME_DIR" -iname '*caselog*'
  fail "portable mode wrote into the user profile"
fi
ls "$APP/CaselogData"
rm "$APP/portable"

if [ -n "${CASELOG_PACKAGE_OUT:-}" ]; then
  mkdir -p "$CASELOG_PACKAGE_OUT"
  cp "$ARCHIVE" "$ARCHIVE.sha256" "$CASELOG_PACKAGE_OUT/"
fi

step "all package tests passed in $((SECONDS - started)) s"
