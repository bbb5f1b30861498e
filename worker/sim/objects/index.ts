// The simulated API server: the one public entry of worker/sim/objects.
//
// A write runs as the real one does: decode (strict fields, types) and default, admission
// (namespace exists, service account), Service IP/NodePort allocation, PrepareForCreate/Update,
// validation, the lab quota, then storage (AlreadyExists/Conflict). A failed or dry-run write
// leaves the state untouched, PRNG included. Objects keep the key order they were built in:
// kubectl prints -o yaml/-o json from a Go map, so printers must sort keys themselves.
// Status is the controllers' to write (putObject); updateObject keeps the stored status.

export { parseManifests, type ParsedManifests } from './manifest-parse'
export { createObject } from './create'
export { applyObject, LAST_APPLIED, lastAppliedJSON, type ApplyResult } from './apply'
export { updateObject, updateObjectDetailed, type UpdateResult } from './update'
export { scaleObject, scaleFastPath } from './scale-update'
export { deleteObject, getObjectOrError, type DeleteOptions } from './delete'
export { decodeKind, mappingError, type WriteOptions } from './decode'
export {
  matchesSelector,
  matchesLabelSelector,
  parseSelector,
  formatSelector,
  type ParsedSelector,
  type Requirement,
} from './selectors'
export { MAX_OBJECTS, MAX_PODS, MAX_REPLICAS, QUOTA_NAME, SYSTEM_NAMESPACES } from './quota'
export { SERVICE_CIDR, NODE_PORT_MIN, NODE_PORT_MAX } from './service-alloc'
export { notFound, alreadyExists, invalidError, forbiddenError, badRequest } from './api-errors'
export { renderFieldError, type FieldError } from './field-errors'
export { defaultPullPolicy } from './defaults-pod'
