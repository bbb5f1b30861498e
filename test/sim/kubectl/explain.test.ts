import { describe, expect, test } from 'vitest'
import { lab } from './helpers'
import { wrapString } from '../../../worker/sim/kubectl/explain/wordwrap'

describe('kubectl explain', () => {
  test('a kind: header, description, fields', () => {
    const r = lab().k('explain svc')
    expect(r.exitCode).toBe(0)
    expect(r.stdout).toMatch(
      /^KIND: {7}Service\nVERSION: {4}v1\n\nDESCRIPTION:\n {4}Service is a named abstraction of software service \(for example, mysql\)\n {4}consisting of local port/,
    )
    expect(r.stdout).toContain(
      '\n    \nFIELDS:\n  apiVersion\t<string>\n    APIVersion defines the versioned schema',
    )
    expect(r.stdout).toContain(
      '  spec\t<ServiceSpec>\n    Spec defines the behavior of a service.\n',
    )
  })

  test('a field: FIELD line, ENUM block, description with the enum values', () => {
    const r = lab().k('explain service.spec.type')
    expect(r.stdout).toMatch(
      /^KIND: {7}Service\nVERSION: {4}v1\n\nFIELD: type <string>\nENUM:\n {4}ClusterIP\n {4}ExternalName\n {4}LoadBalancer\n {4}NodePort\n\nDESCRIPTION:\n {4}type determines how the Service is exposed\./,
    )
    expect(r.stdout).toContain(
      '    Possible enum values:\n     - `"ClusterIP"` means a service will only be accessible inside the cluster,\n',
    )
  })

  test('types of fields: IntOrString, lists, maps, required, apps group header', () => {
    const { k } = lab()
    expect(k('explain svc.spec.ports.targetPort').stdout).toContain(
      'FIELD: targetPort <IntOrString>\n\n\nDESCRIPTION:\n',
    )
    expect(k('explain svc.spec').stdout).toContain('  ports\t<[]ServicePort>\n')
    expect(k('explain svc.spec').stdout).toContain('  selector\t<map[string]string>\n')
    expect(k('explain pods.spec.containers').stdout).toContain('  name\t<string> -required-\n')
    expect(k('explain deployment.spec.selector').stdout).toMatch(
      /^GROUP: {6}apps\nKIND: {7}Deployment\nVERSION: {4}v1\n\nFIELD: selector <LabelSelector>\n/,
    )
    expect(k('explain endpoints.subsets.addresses').stdout).toContain(
      'FIELD: addresses <[]EndpointAddress>',
    )
  })

  test('errors', () => {
    const { k } = lab()
    expect(k('explain svc.spec.nope')).toEqual({
      stdout: 'KIND:       Service\nVERSION:    v1\n\n',
      stderr: 'error: field "nope" does not exist\n',
      exitCode: 1,
    })
    expect(k('explain foo').stderr).toBe('the server doesn\'t have a resource type "foo"\n')
    expect(k('explain').stderr).toBe(
      'error: You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.\n',
    )
  })

  test('word wrapping follows go-wordwrap', () => {
    expect(wrapString('aaa bbb ccc', 7)).toBe('aaa bbb\nccc')
    expect(wrapString('a verylongwordhere b', 5)).toBe('a\nverylongwordhere\nb')
    expect(wrapString('one\ntwo three', 7)).toBe('one\ntwo\nthree')
  })
})

describe('kubectl explain ingress|ingressclass (networking.k8s.io/v1, 1.32 texts)', () => {
  test('the pathType field names its three values as an ENUM', () => {
    const r = lab().k('explain ing.spec.rules.http.paths.pathType')
    expect(r.stdout).toMatch(
      /^GROUP: {6}networking\.k8s\.io\nKIND: {7}Ingress\nVERSION: {4}v1\n\nFIELD: pathType <string>\nENUM:\n {4}Exact\n {4}ImplementationSpecific\n {4}Prefix\n\nDESCRIPTION:\n {4}pathType determines/,
    )
  })

  test('a backend service lists name -required- and its port', () => {
    const r = lab().k('explain ingress.spec.defaultBackend.service')
    expect(r.stdout).toContain('  name\t<string> -required-\n')
    expect(r.stdout).toContain('  port\t<ServiceBackendPort>\n')
  })

  test('ingressclass is explained too; a field it lacks is refused', () => {
    expect(lab().k('explain ingressclass.spec').stdout).toContain('  controller\t<string>\n')
    expect(lab().k('explain ingressclass.spec.nope').stderr).toBe(
      'error: field "nope" does not exist\n',
    )
  })
})
