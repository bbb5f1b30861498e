// The public face of the virtual cluster: one pure call per terminal line.
export type { ClusterState } from './state'
export type { TraceEntry, Hop, Origin, RouteResult } from './net/types'
export type { Change } from './context'
export { run, type RunInput, type RunResult } from './run'
export { newCluster } from './bootstrap'
export { settle } from './controllers/settle'
export { route } from './net/route'
