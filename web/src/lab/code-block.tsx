// Fenced code in the instructions: YAML can be copied to the editor, shell lines can be run.

import type { VNode } from 'preact'

const SHELL = new Set(['sh', 'bash', 'shell', 'console', 'zsh', 'terminal'])
const YAML = new Set(['yaml', 'yml'])

export interface CodeActions {
  onCopy: (yaml: string) => void
  onRun: (command: string) => void
}

/** The command a shell line holds: `$ ` prompts dropped; in console blocks unprompted lines are output. */
export function commandOf(lang: string, line: string): string | undefined {
  const trimmed = line.trim()
  if (!trimmed || trimmed.startsWith('#')) return undefined
  const prompted = /^\$\s+(.*)$/.exec(trimmed)
  if (prompted) return prompted[1]
  return lang === 'console' ? undefined : trimmed
}

let blockSeq = 0

/** Builds the renderer the Markdown component calls for each fenced block. */
export function codeBlockRenderer(actions: CodeActions) {
  return (lang: string, code: string, key: number): VNode => {
    const id = `code-${++blockSeq}`
    if (YAML.has(lang)) {
      return (
        <div class="code-block" key={key}>
          <pre id={id}>
            <code>{code}</code>
          </pre>
          <button
            type="button"
            class="small"
            aria-describedby={id}
            onClick={() => actions.onCopy(code)}
          >
            Copy to editor
          </button>
        </div>
      )
    }
    if (SHELL.has(lang)) {
      const lines = code.split('\n')
      return (
        <div class="code-block shell-block" key={key}>
          {lines.map((line, i) => {
            const command = commandOf(lang, line)
            const lineId = `${id}-${i}`
            return (
              <div class="shell-line" key={i}>
                <pre id={lineId}>
                  <code>{line || ' '}</code>
                </pre>
                {command !== undefined && (
                  <button
                    type="button"
                    class="small"
                    aria-describedby={lineId}
                    onClick={() => actions.onRun(command)}
                  >
                    Run
                  </button>
                )}
              </div>
            )
          })}
        </div>
      )
    }
    return (
      <pre class="code-block" key={key}>
        <code>{code}</code>
      </pre>
    )
  }
}
