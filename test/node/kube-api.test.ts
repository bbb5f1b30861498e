// The Kubernetes API suite against the Node entry's app over libSQL (a fresh file database).
import { beforeAll } from 'vitest'
import { kubeApiSuite } from '../http/kube-api-suite'
import { kubeApiWritesSuite } from '../http/kube-api-writes-suite'
import { kubeApiIngressSuite } from '../http/kube-api-ingress-suite'
import { kubeApiPatchBodiesSuite } from '../http/kube-api-patch-bodies-suite'
import { nodeApp } from './node-app'

const { app, migrate } = nodeApp()
beforeAll(migrate)

kubeApiSuite(async (req) => app.fetch(req))
kubeApiWritesSuite(async (req) => app.fetch(req))
kubeApiIngressSuite(async (req) => app.fetch(req))
kubeApiPatchBodiesSuite(async (req) => app.fetch(req))
