// The one place kubectl's verbs reach the simulated API server, controllers, printers and the
// in-pod shell, so that the verbs read like kubectl's own client calls.

export { parseManifests } from '../objects/manifest-parse'
export { createObject } from '../objects/create'
export { applyObject } from '../objects/apply'
export { updateObject } from '../objects/update'
export { deleteObject } from '../objects/delete'
export { notFound } from '../objects/api-errors'
export { settle } from '../controllers/settle'
export { execInPod } from '../shell/exec-in-pod'
export { printObjects } from './printers'
export { parseLabelSelector, matchesRequirements } from './printers/label-selector'
