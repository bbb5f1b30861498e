// Streaming terminal lines (issue 12): get -w, logs -f, rollout status, wait, delete, port-forward,
// run -it, watch, ping, sleep and loops that sleep, as resumable state machines over the same
// interpreter. The caller owns the clock and the cluster document; see line-stream.ts.
export {
  startStream,
  advanceStream,
  interruptStream,
  mayStream,
  type LineStream,
  type StreamStep,
  type StreamChunk,
} from './line-stream'
export type { Interrupt } from './types'
export { streamResult } from './line-end'
