// Brings a panel into view when the learner cannot see it (narrow screens stack the panels), so a
// button in the instructions visibly does something: Run shows the terminal, Copy the editor.

/** Scrolls the element with this id into view unless its bottom edge is already on screen. */
export function revealPanel(id: string): void {
  const el = document.getElementById(id)
  if (!el) return
  const r = el.getBoundingClientRect()
  if (r.bottom > 60 && r.bottom <= window.innerHeight + 4) return
  const reduced = matchMedia('(prefers-reduced-motion: reduce)').matches
  el.scrollIntoView({ block: 'nearest', behavior: reduced ? 'auto' : 'smooth' })
}
