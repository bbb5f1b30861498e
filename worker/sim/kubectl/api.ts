// The one place kubectl's verbs reach the simulated API server, controllers, printers and the
// in-pod shell, so that the verbs read like kubectl's own client calls.

export {
  parseManifests,
  createObject,
  applyObject,
  updateObject,
  scaleObject,
  deleteObject,
  notFound,
  lastAppliedJSON,
  mappingError,
} from '../objects'
export { settle } from '../controllers/settle'
export { execInPod } from '../shell/exec-in-pod'
export { printObjects } from './printers'
export { parseLabelSelector, matchesRequirements } from './printers/label-selector'
