import { exports } from 'cloudflare:workers'
import { contractSuite } from './contract-suite'

contractSuite((req) => exports.default.fetch(req))
