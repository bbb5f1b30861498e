/* global process, console */
// Which Chromium the browser tests drive: CHROMIUM_PATH, else a chromium on PATH, else the one that
// comes through npm (@sparticuz/chromium, a dev dependency), so `npm install && npm test` is enough.

import { spawnSync } from 'node:child_process'
import { accessSync, constants } from 'node:fs'
import { delimiter, dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

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
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(
      `no chromium on PATH, and the npm one (@sparticuz/chromium) is built for Linux x64 only; set CHROMIUM_PATH to a Chromium or Chrome binary`,
    )
  }
  const { default: chromium, inflate } = await import('@sparticuz/chromium')
  const executablePath = await chromium.executablePath()
  return {
    executablePath,
    source: '@sparticuz/chromium (npm)',
    args: [...BASE_ARGS, ...NPM_ARGS],
    env: await npmChromiumEnv(inflate, env),
  }
}

/** The shared libraries the npm Chromium loads from the system (NSS, NSPR, expat). */
const SYSTEM_LIBS = ['libnss3.so', 'libnssutil3.so', 'libnspr4.so', 'libexpat.so.1']

/**
 * The npm Chromium is built for Amazon Linux 2023 and takes NSS, NSPR and expat from the system;
 * a bare Debian or Ubuntu has none of them. The package carries its own copies (al2023.tar.br),
 * which it unpacks only on AWS: when the system lacks one, they are unpacked here and given to the
 * browser alone through LD_LIBRARY_PATH. A system that has them all keeps its own.
 */
async function npmChromiumEnv(inflate, env) {
  const known = spawnSync('ldconfig', ['-p'], { encoding: 'utf8' }).stdout ?? ''
  if (SYSTEM_LIBS.every((lib) => known.includes(`${lib} `))) return undefined
  const bin = join(dirname(fileURLToPath(import.meta.resolve('@sparticuz/chromium'))), '..', 'bin')
  const unpacked = await inflate(join(bin, 'al2023.tar.br'))
  const lib = join(unpacked, 'lib')
  return { ...env, LD_LIBRARY_PATH: [lib, env.LD_LIBRARY_PATH].filter(Boolean).join(delimiter) }
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
