// networking.k8s.io/v1 Ingress and IngressClass, field names exactly as k8s.io/api networking/v1.
import type { KubeObject } from './types'

export type IngressPathType = 'Exact' | 'Prefix' | 'ImplementationSpecific'

/** A port of the backend Service: by number or by name (exactly one once validated, INGRESS-FACTS I6). */
export interface ServiceBackendPort {
  name?: string
  number?: number
}

export interface IngressServiceBackend {
  name: string
  port?: ServiceBackendPort
}

export interface TypedLocalObjectReference {
  apiGroup?: string
  kind: string
  name: string
}

/** Exactly one of service / resource once validated (I6). */
export interface IngressBackend {
  service?: IngressServiceBackend
  resource?: TypedLocalObjectReference
}

export interface HTTPIngressPath {
  path?: string
  /** Required in v1: no default (I3). */
  pathType: IngressPathType
  backend: IngressBackend
}

export interface IngressRule {
  host?: string
  http?: { paths: HTTPIngressPath[] }
}

export interface IngressTLS {
  hosts?: string[]
  secretName?: string
}

export interface IngressSpec {
  ingressClassName?: string
  defaultBackend?: IngressBackend
  tls?: IngressTLS[]
  rules?: IngressRule[]
}

export interface IngressPortStatus {
  port: number
  protocol: string
  error?: string
}

/** One entry of status.loadBalancer.ingress: what the controller publishes (ADDRESS column, I11, I19). */
export interface IngressLoadBalancerIngress {
  ip?: string
  hostname?: string
  ports?: IngressPortStatus[]
}

export interface IngressStatus {
  loadBalancer: { ingress?: IngressLoadBalancerIngress[] }
}

export interface Ingress extends KubeObject {
  apiVersion: 'networking.k8s.io/v1'
  kind: 'Ingress'
  spec: IngressSpec
  status: IngressStatus
}

export interface IngressClassParametersReference {
  apiGroup?: string
  kind: string
  name: string
  /** Defaulted to `Cluster` when parameters are set (networking/v1 defaults.go). */
  scope?: 'Cluster' | 'Namespace'
  namespace?: string
}

export interface IngressClassSpec {
  /** e.g. `k8s.io/ingress-nginx` (I18, I29). */
  controller?: string
  parameters?: IngressClassParametersReference
}

/** Cluster-scoped. Default class: annotation `ingressclass.kubernetes.io/is-default-class: "true"` (I10). */
export interface IngressClass extends KubeObject {
  apiVersion: 'networking.k8s.io/v1'
  kind: 'IngressClass'
  spec: IngressClassSpec
}

export const INGRESS_CLASS_DEFAULT_ANNOTATION = 'ingressclass.kubernetes.io/is-default-class'
export const INGRESS_CLASS_ANNOTATION = 'kubernetes.io/ingress.class'
