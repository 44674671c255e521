// Small helpers for the engines: checking a browser or driver is installed (a missing one fails,
// naming the Debian package), free ports, and child processes started in their own process
// group, killed as a group (a driver's browser and its web processes are its children) on every
// path: when the engine closes, and when the runner exits, however it exits.
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { access, constants } from "node:fs/promises";
import { createServer } from "node:net";

/** Fails unless `path` is an executable, naming the Debian package that installs it. */
export async function requireFile(path, debianPackage) {
  try {
    await access(path, constants.X_OK);
  } catch {
    throw new Error(`${path} is missing: install it with \`apt-get install ${debianPackage}\``);
  }
}

/** A TCP port free on 127.0.0.1 just now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const groups = new Set();
const folders = new Set();

// Whatever ends the runner, no Xvfb or driver outlives it, nor a temporary folder. Signals end
// the process through 'exit' (whose handlers must be synchronous: process.kill and rmSync are).
process.on("exit", () => {
  for (const pid of groups) killGroup(pid, "SIGKILL");
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/** Removes `folder` now (`remove(folder)`), or when the runner exits, whichever comes first. */
export function temporaryFolder(folder) {
  folders.add(folder);
  return () => {
    folders.delete(folder);
    rmSync(folder, { recursive: true, force: true });
  };
}
for (const [signal, number] of [["SIGINT", 2], ["SIGTERM", 15], ["SIGHUP", 1]]) {
  process.once(signal, () => process.exit(128 + number));
}

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

/**
 * Starts `command` in a process group of its own (`detached`), remembered until `stop`.
 * Returns the child; its stdout and stderr are kept (the last 4 KB) for error messages.
 */
export function startGroup(command, args, options = {}) {
  const child = spawn(command, args, { ...options, detached: true });
  groups.add(child.pid);
  child.output = "";
  const keep = (chunk) => {
    child.output = (child.output + chunk).slice(-4096);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  child.exited = new Promise((resolve) => child.once("exit", resolve));
  return child;
}

/** Ends `child`'s process group: TERM, then KILL after a second if it has not exited. */
export async function stopGroup(child) {
  if (!child || !groups.has(child.pid)) return;
  killGroup(child.pid, "SIGTERM");
  const timer = new Promise((resolve) => setTimeout(resolve, 1000, "timeout"));
  if ((await Promise.race([child.exited, timer])) === "timeout") killGroup(child.pid, "SIGKILL");
  // The leader may be gone and its children not: kill the group once more.
  killGroup(child.pid, "SIGKILL");
  groups.delete(child.pid);
}

/** Polls `check` (async) every `interval` ms until it returns a truthy value; that value. */
export async function waitUntil(check, { timeout = 10_000, interval = 100, what = "a condition" } = {}) {
  const deadline = Date.now() + timeout;
  let lastError;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeout} ms waiting for ${what}${lastError ? `: ${lastError.message}` : ""}`);
    }
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}
