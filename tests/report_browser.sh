#!/bin/sh
# Opens report.html in Debian's Chromium, headless, with every network
# request blocked, through playwright-core (installed into the build folder
# on first run). Exits 77 (ctest: skipped) when Chromium, Node.js or the
# package cannot be had here.
# Usage: report_browser.sh REPORT.html NODE_PREFIX SOURCE_DIR SCREENSHOT.png [STATUS_REPORT.html]
report=$1 prefix=$2 src=$3 shot=$4 status_report=$5
chromium=${CHROMIUM:-/usr/bin/chromium}
[ -x "$chromium" ] || { echo "SKIPPED: $chromium is not installed"; exit 77; }
command -v node >/dev/null 2>&1 || { echo "SKIPPED: node is not installed"; exit 77; }
if [ ! -d "$prefix/node_modules/playwright-core" ]; then
  command -v npm >/dev/null 2>&1 || { echo "SKIPPED: npm is not installed"; exit 77; }
  mkdir -p "$prefix"
  npm install --prefix "$prefix" --no-audit --no-fund playwright-core@1.49.1 >"$prefix/npm-playwright.log" 2>&1 ||
    { echo "SKIPPED: npm install playwright-core failed (see $prefix/npm-playwright.log)"; exit 77; }
fi
cp "$src/tests/report_browser.mjs" "$prefix/report_browser.mjs"
exec node "$prefix/report_browser.mjs" "$report" "$chromium" "$shot" ${status_report:+"$status_report"}
