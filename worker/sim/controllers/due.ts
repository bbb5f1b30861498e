// When a controller that found nothing to do would next find something by time alone: each
// comparison of `now` with a time in the cluster (a pod ready for minReadySeconds, a rollout's
// progress deadline) notes that time while it is still ahead. settle reads the earliest after the
// controller's run and skips the controller at later `now`s before it (settle-memo.ts).

let due = Infinity

/** Notes that a decision taken at `now` changes once `now` reaches `at`. */
export function noteDue(at: number): void {
  if (at < due) due = at
}

/** The earliest time noted since the last call (Infinity: none), and starts afresh. */
export function takeDue(): number {
  const d = due
  due = Infinity
  return d
}
