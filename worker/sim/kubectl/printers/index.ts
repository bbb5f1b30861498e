// The printers other kubectl verbs use: whole objects (-o yaml|json|name|jsonpath), tables and AGE.
export {
  printObjects,
  printObjectYaml,
  printObjectJson,
  printObjectName,
  printOne,
  type PrintResult,
  type PrintOptions,
} from './output'
export { printTable } from './table'
export { humanDuration, ageSince } from './duration'
export { formatLabels, formatLabelSelector } from './labels'
export { kindPrefix } from './tables'
