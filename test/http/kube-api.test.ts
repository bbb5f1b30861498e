import { exports } from 'cloudflare:workers'
import { kubeApiSuite } from './kube-api-suite'
import { kubeApiWritesSuite } from './kube-api-writes-suite'
import { kubeApiIngressSuite } from './kube-api-ingress-suite'
import { kubeApiTracesSuite } from './kube-api-traces-suite'
import { kubeApiDeleteSuite } from './kube-api-delete-suite'
import { kubeApiPatchBodiesSuite } from './kube-api-patch-bodies-suite'

const worker = exports as unknown as { default: Fetcher }

kubeApiSuite((req) => worker.default.fetch(req))
kubeApiWritesSuite((req) => worker.default.fetch(req))
kubeApiIngressSuite((req) => worker.default.fetch(req))
kubeApiTracesSuite((req) => worker.default.fetch(req))
kubeApiDeleteSuite((req) => worker.default.fetch(req))
kubeApiPatchBodiesSuite((req) => worker.default.fetch(req))
