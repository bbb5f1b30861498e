// A streamed line's first step (stream-response.ts): it runs like any line, through the shared
// command loop (one read, one batch: state and history row), before the response starts, so
// 404/409 stay plain JSON errors. What it returns carries the stream on to its next steps.
import type { AppContext } from '../http/env'
import { commandLoop, type LoadedCluster } from '../http/command-loop'
import { startStream, streamResult, type LineStream } from '../sim/stream'
import { terminalPrompt, type ShellSession, type TerminalResult } from '../sim/session'
import { terminalLine, type TerminalLineBody } from './line'
import { progressBase } from './progress-merge'

/** The line up to its first pause, stored like any line (the shared loop: one read, one batch). */
export async function firstStep(
  c: AppContext,
  clusterId: string,
  body: TerminalLineBody,
  first?: LoadedCluster,
) {
  const ref = {
    db: c.get('db'),
    codec: c.get('codec'),
    userId: c.get('userId')!,
    clusterId,
    clock: c.get('deps').now,
  }
  return commandLoop(ref, first, (loaded, state, now) => {
    // what the start made (the stream, its first step) and the shell it started in
    let started: ReturnType<typeof startStream> | undefined
    let shellBefore: ShellSession | null = null
    const graded = terminalLine(
      loaded,
      state,
      body,
      now,
      (session, input) => {
        const s = startStream(state, session, body.command, input)
        started = s
        shellBefore = session
        return s.step.result ?? partialResult(s.stream!, session)
      },
      (sim, stored) => ({
        c,
        /** the document as stored at `version`: what the next write of this line is a delta over */
        stored,
        clusterId,
        body,
        sim,
        stream: started!.stream,
        first: started!.step,
        version: loaded.row.version + 1,
        seq: loaded.row.version + 1,
        newlyCompleted: sim.newlyCompleted,
        session: shellBefore,
        /** tasks completed by the last step, for its `tasks` event */
        justDone: [] as string[],
        /** the progress as last stored or read: what this line added since is its own */
        base: progressBase(sim.progress),
        lastInterrupt: '',
      }),
    )
    // a line still running goes on changing this document: the cache must not hold it parsed
    return { ...graded, stillInUse: started!.stream !== undefined }
  })
}

/** What a line still running has done so far, for its history row and grading. */
function partialResult(stream: LineStream, session: TerminalResult['session']): TerminalResult {
  return streamResult(stream, 0, session, terminalPrompt(session))
}

/** A streamed line after its first step: what the rest of it reads and writes. */
export type Started = Awaited<ReturnType<typeof firstStep>>
