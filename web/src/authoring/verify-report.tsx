// What "Check with solution" found: each transcript command by command, with the tasks it completed.

export interface PlayedLine {
  command: string
  exitCode: number
  stdout: string
  stderr: string
  completed: string[]
}

export interface Verification {
  version: number
  ok: boolean
  problems: string[]
  solution: { lines: PlayedLine[]; done: string[]; missing: string[] }
  nearMisses: {
    title: string
    leavesUndone: string[]
    lines: PlayedLine[]
    done: string[]
    ok: boolean
  }[]
}

function Lines({ caption, lines }: { caption: string; lines: PlayedLine[] }) {
  return (
    <table class="auth-verify">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">#</th>
          <th scope="col">Command</th>
          <th scope="col">Exit</th>
          <th scope="col">Tasks completed</th>
        </tr>
      </thead>
      <tbody>
        {lines.map((l, i) => (
          <tr key={i}>
            <td>{i + 1}</td>
            <td>
              <details>
                <summary>
                  <code>{l.command}</code>
                </summary>
                <pre>
                  {l.stdout}
                  {l.stderr}
                </pre>
              </details>
            </td>
            <td>{l.exitCode}</td>
            <td>{l.completed.join(', ')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

export function VerifyReport({ v }: { v: Verification }) {
  return (
    <section aria-labelledby="verify-title" class="auth-verify-report">
      <h3 id="verify-title">
        {v.ok
          ? `Version ${v.version} is proven: it can be published.`
          : `Version ${v.version} is not proven yet.`}
      </h3>
      {v.problems.length > 0 && (
        <ul role="alert">
          {v.problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      <Lines
        caption={`Solution: done ${v.solution.done.join(', ') || 'nothing'}`}
        lines={v.solution.lines}
      />
      {v.nearMisses.map((n) => (
        <Lines
          key={n.title}
          caption={`Near miss "${n.title}" (must leave ${n.leavesUndone.join(', ')} undone): ${n.ok ? 'it does' : 'it does not'}`}
          lines={n.lines}
        />
      ))}
    </section>
  )
}
