/* global console, setTimeout, clearTimeout, document, axe */
// A tiny test harness: named steps run in order, each failure recorded, plus page helpers.

import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { nextRunAnswer } from './run-answers.mjs'

const require = createRequire(import.meta.url)
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')

export { recordRuns, runAnswer } from './run-answers.mjs'

export class Suite {
  /** @param {{ activity?: import('./page-activity.mjs').PageActivity }} options */
  constructor({ activity } = {}) {
    this.results = []
    this.activity = activity
  }
  async step(name, fn, timeoutMs = 45_000) {
    const started = Date.now()
    this.activity?.mark(name)
    let timer
    try {
      await Promise.race([
        fn(),
        new Promise(
          (_, reject) =>
            (timer = setTimeout(
              () => reject(new Error(`timed out after ${timeoutMs} ms`)),
              timeoutMs,
            )),
        ),
      ])
      this.results.push({ name, ok: true })
      console.log(`✓ ${name} (${Date.now() - started} ms)`)
    } catch (err) {
      this.results.push({ name, ok: false, err })
      console.log(
        `✗ ${name} (${Date.now() - started} ms)\n    ${String(err?.stack ?? err)
          .split('\n')
          .slice(0, 6)
          .join('\n    ')}`,
      )
      await this.printActivity()
    } finally {
      clearTimeout(timer)
    }
  }
  /** What the pages did during this step and the one before (page-activity.mjs). */
  async printActivity() {
    if (!this.activity) return
    const lines = this.activity.report()
    console.log(`    what the page did (${lines.length} lines):`)
    for (const line of [...lines, ...(await this.activity.pageStates())])
      console.log(`      ${line}`)
  }
  summary() {
    const passed = this.results.filter((r) => r.ok).length
    return { passed, failed: this.results.length - passed }
  }
}

export function assert(cond, message) {
  if (!cond) throw new Error(message)
}

/** Polls `fn` until it returns a truthy value; the last value or error is in the message on timeout. */
export async function eventually(fn, what, timeoutMs = 20_000, everyMs = 250) {
  const deadline = Date.now() + timeoutMs
  let last
  while (Date.now() < deadline) {
    try {
      last = await fn()
      if (last) return last
    } catch (e) {
      last = e
    }
    await new Promise((r) => setTimeout(r, everyMs))
  }
  throw new Error(
    `${what} did not happen within ${timeoutMs} ms (last: ${String(last).slice(0, 400)})`,
  )
}

/** Runs axe-core; serious and critical violations fail the step. */
export async function checkAxe(page, label) {
  await page.evaluate(AXE)
  const result = await page.evaluate(async () => {
    const r = await axe.run(document, { resultTypes: ['violations'] })
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
    }))
  })
  const bad = result.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  const minor = result.filter((v) => !bad.includes(v))
  if (minor.length)
    console.log(`    axe (${label}) minor: ${minor.map((v) => `${v.id}[${v.impact}]`).join(', ')}`)
  assert(
    !bad.length,
    `axe found on ${label}: ${bad.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.join(', ')}`).join('; ')}`,
  )
}

/** The text of the terminal's output log (the shown tab's). */
export function terminalText(page) {
  return page.getByRole('log', { name: 'Terminal output' }).innerText()
}

/** The shown terminal's input (xterm's helper textarea, named "Terminal"). */
export function terminalInput(page) {
  return page.getByLabel('Terminal', { exact: true })
}

/** The rows xterm draws for the shown terminal, as text (what a sighted learner sees). */
export function screenRows(page) {
  return page
    .locator('.term-panel:not([hidden]) .xterm-rows')
    .evaluate((el) => [...el.children].map((r) => r.textContent.replace(/\u00a0/g, ' ')))
}

/**
 * The line the cursor is on in the shown terminal (prompt and typed text); without focus xterm
 * may draw no cursor, and then the last line with text is taken.
 */
export async function cursorLine(page) {
  const rows = await screenRows(page)
  const y = await page
    .locator('.term-panel:not([hidden]) .xterm-rows')
    .evaluate((el) => [...el.children].findIndex((r) => r.querySelector('.xterm-cursor')))
  const last = rows.findLastIndex((r) => r.trim() !== '')
  return (rows[y >= 0 ? y : last] ?? '').trimEnd()
}

/**
 * Presses Up until the terminal's line is `line` (the history may still be on its way). Each try
 * starts back on the fresh line (Down, Ctrl+U) and then waits for the screen to draw the recalled
 * line: xterm draws on the next animation frame, so a screen read at once may still show the old
 * line, and a blind second Up would then recall the entry before (which never matches).
 */
export async function recallWithUp(page, line, what, timeoutMs = 15_000) {
  let seen = '?'
  const shows = async () => (seen = await cursorLine(page)) === line
  await eventually(
    async () => {
      await page.keyboard.press('ArrowDown')
      await page.keyboard.press('Control+U')
      await page.keyboard.press('ArrowUp')
      return eventually(shows, 'the line', 1_500, 100).then(
        () => true,
        () => false,
      )
    },
    what,
    timeoutMs,
    0,
  ).catch((e) => {
    throw new Error(`${e.message}; the line shows: ${seen}`)
  })
}

/** Focuses the terminal the way a learner does: a click on it. */
export async function focusTerminal(page) {
  await page.locator('.term-panel:not([hidden]) .xterm-screen').click()
}

/**
 * Runs `action`, waits for the POST .../run it causes to be answered and its prompt shown, and
 * returns the answer (run-answers.mjs says how it is read; the page needs `recordRuns`).
 */
export async function afterRun(page, action) {
  const answer = await nextRunAnswer(page, action).catch(async (e) => {
    const line = await cursorLine(page).catch(() => '?')
    const busy = await terminalInput(page)
      .getAttribute('aria-busy')
      .catch(() => '?')
    throw new Error(`${e.message}; terminal busy=${busy}, cursor line: ${line}`)
  })
  await eventually(
    async () => (await terminalInput(page).getAttribute('aria-busy')) === 'false',
    'the terminal to be idle',
    10_000,
    100,
  )
  return answer
}

/** Types a command into the terminal, presses Enter, and returns the API's answer once it is shown. */
export async function runInTerminal(page, command) {
  await focusTerminal(page)
  await page.keyboard.type(command)
  return afterRun(page, () => page.keyboard.press('Enter'))
}
