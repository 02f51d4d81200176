#!/usr/bin/env bash
# Runs every test of FollowUpBot. On a fresh machine it first installs what the tests need:
# the npm tools from the committed lock file (Azurite, the Agents Playground, the Adaptive Cards
# renderer, a Chromium driver) and, from Debian, Chromium, LibreOffice Writer and poppler-utils with CJK
# fonts for the browser and document-rendering tests.
# Extra arguments go to `dotnet test` (e.g. ./test.sh --filter HelpThroughPlaygroundTests).
set -euo pipefail
cd "$(dirname "$0")"

lock_hash=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ "$(cat node_modules/.followup-lock-hash 2>/dev/null)" != "$lock_hash" ]; then
  echo "== npm ci (test tools from package-lock.json)"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$lock_hash" > node_modules/.followup-lock-hash
fi

# Chromium (browser tests), LibreOffice Writer and poppler (the bulletin rendered to PDF and PNG), and CJK fonts for both.
if ! command -v chromium >/dev/null 2>&1 || ! command -v soffice >/dev/null 2>&1 || ! command -v pdftoppm >/dev/null 2>&1 \
    || ! dpkg -s fonts-noto-cjk >/dev/null 2>&1; then
  echo "== apt-get install chromium libreoffice-writer-nogui poppler-utils fonts-noto-cjk"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium libreoffice-writer-nogui poppler-utils fonts-noto-cjk >/dev/null
fi

results="TestResults"
rm -rf "$results"
status=0
# Build every project first: `dotnet test` builds only the test projects, and the benchmarks must compile too.
dotnet build FollowUpBot.sln -v q -nologo || status=$?
dotnet test FollowUpBot.sln --no-build --logger "trx" --results-directory "$results" "$@" || status=$?

# One closing line for people and for CI, summed over every test project's results.
passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  t=$(sed -n 's/.* total="\([0-9]*\)".*/\1/p' <<<"$counters"); e=$(sed -n 's/.* executed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${t:-0} - ${e:-0}))
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
exit "$status"
