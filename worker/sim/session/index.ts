// Interactive container shells for a terminal (issue 12), pure like the rest of sim/: a session is
// plain JSON the caller keeps between lines; time comes in as `now`. Other doors (the Kubernetes
// API's pods/exec) can open a session with openShell and feed it lines with runInShell.
export type { ShellSession, OpenRequest, ShellVia, TerminalCtx } from './types'
export { openShell, isInteractiveShell } from './open'
export { promptOf } from './prompt'
export {
  runInTerminal,
  runInShell,
  terminalPrompt,
  WORKSTATION_PROMPT,
  type TerminalInput,
  type TerminalResult,
} from './run-in-shell'
export { sessionGone } from './end'
