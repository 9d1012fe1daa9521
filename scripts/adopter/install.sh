#!/usr/bin/env bash
# Installs the Squad Insights packages into a stock Backstage app made by @backstage/create-app,
# following the plugin READMEs, and checks it in headless Chromium (installIntoStockApp.mjs).
# Works in a temporary folder (SI_ADOPTER_KEEP=1 keeps it); logs and screenshots go to
# test-results/adopter/. Exit 2 when the npm registry cannot be reached. About 5-8 minutes.
source "$(dirname "${BASH_SOURCE[0]}")/../toolchain.sh"
bash "$SI_ROOT/scripts/browser.sh"
exec node "$SI_ROOT/scripts/adopter/installIntoStockApp.mjs"
