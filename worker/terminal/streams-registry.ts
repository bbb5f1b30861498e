// The streams this server instance is holding, so that `POST .../interrupt` can stop one even when
// the browser's abort did not reach it. Another instance's streams stop on their own abort.
const running = new Map<string, Set<() => void>>()

const key = (userId: string, clusterId: string, terminal: string) =>
  `${userId}/${clusterId}/${terminal}`

/** Registers a stream's stop function; returns the unregister function. */
export function registerStream(
  userId: string,
  clusterId: string,
  terminal: string,
  stop: () => void,
): () => void {
  const k = key(userId, clusterId, terminal)
  const set = running.get(k) ?? new Set()
  set.add(stop)
  running.set(k, set)
  return () => {
    set.delete(stop)
    if (set.size === 0) running.delete(k)
  }
}

export function interruptStreams(userId: string, clusterId: string, terminal: string): void {
  for (const stop of running.get(key(userId, clusterId, terminal)) ?? []) stop()
}
