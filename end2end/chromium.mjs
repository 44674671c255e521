// Debian's Chromium as every browser test and benchmark here launches it. These flags keep it
// from reaching for Google's hosts, which this machine's closed network refuses.
export const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";

export const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
