/* global process, console */
// Which Chromium the browser tests drive: CHROMIUM_PATH, else a chromium on PATH, else the one that
// comes through npm (@sparticuz/chromium, a dev dependency), so `npm install && npm test` is enough.

import { accessSync, constants } from 'node:fs'
import { delimiter, join } from 'node:path'

/** The flags every run uses: no sandbox (root in CI), no GPU, and no calls home. */
const BASE_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
]

/**
 * Flags taken from @sparticuz/chromium's own list for its headless-shell build. Left out on purpose:
 * --single-process (one process for two browser contexts is what the instructor suite must not
 * share), --disable-web-security and --allow-running-insecure-content (the tests check our CSP and
 * same-origin rules), --disable-features=site-per-process (keep the browser as learners run it).
 */
const NPM_ARGS = ['--no-zygote', '--disable-dev-shm-usage', '--font-render-hinting=none']

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK)
    return true
  } catch {
    return false
  }
}

/** Like `command -v NAME`: the first executable NAME in the PATH folders. */
export function findOnPath(name, pathValue = process.env.PATH ?? '') {
  for (const dir of pathValue.split(delimiter)) {
    if (dir && isExecutable(join(dir, name))) return join(dir, name)
  }
  return undefined
}

/** Finds the browser in the documented order; the npm one is unpacked to the temp folder once. */
export async function findChromium(env = process.env) {
  if (env.CHROMIUM_PATH) {
    return { executablePath: env.CHROMIUM_PATH, source: 'CHROMIUM_PATH', args: BASE_ARGS }
  }
  for (const name of ['chromium', 'chromium-browser']) {
    const found = findOnPath(name, env.PATH)
    if (found) return { executablePath: found, source: `${name} on PATH`, args: BASE_ARGS }
  }
  const { default: chromium } = await import('@sparticuz/chromium')
  const executablePath = await chromium.executablePath()
  return {
    executablePath,
    source: '@sparticuz/chromium (npm)',
    args: [...BASE_ARGS, ...NPM_ARGS],
  }
}

/** Finds the browser and says which one it is, or explains what to do when none can be used. */
export async function chooseChromium() {
  const browser = await findChromium()
  if (!isExecutable(browser.executablePath)) {
    throw new Error(
      `Chromium not found at ${browser.executablePath} (${browser.source}); unset CHROMIUM_PATH to use the npm one`,
    )
  }
  console.log(`e2e: browser ${browser.executablePath} (${browser.source})`)
  return browser
}
