import { describe, expect, it } from 'vitest'
import { mapObstacles, placeCallout } from '../../../web/src/lab/callout-place'
import { layoutMap, type Box } from '../../../web/src/lab/map-layout'
import { shortMiddle } from '../../../web/src/lab/map-svg'
import type { KubeObject } from '../../../web/src/types'

const node = (name: string): KubeObject => ({ kind: 'Node', metadata: { name } })
const pod = (name: string, nodeName: string): KubeObject => ({
  kind: 'Pod',
  metadata: { name, namespace: 'default' },
  spec: { nodeName },
  status: { phase: 'Running', podIP: '10.244.1.2' },
})
const svc = (name: string): KubeObject => ({
  kind: 'Service',
  metadata: { name, namespace: 'default' },
  spec: { type: 'ClusterIP', clusterIP: '10.96.1.1', ports: [{ port: 80, targetPort: 80 }] },
})
const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h

const diagnosis =
  'Port 80 is the targetPort of Service web (the pods side); the Service itself listens on port 8080 and forwards it to 80. Nothing answers 10.96.1.1:80: kube-proxy has no rule for that port, so the packets are dropped (timeout). Use 10.96.1.1:8080.'

describe('placeCallout', () => {
  it('puts a diagnosis at the Service beside it, covering no box of the map', () => {
    const layout = layoutMap([node('a'), node('b'), pod('web-1', 'a'), svc('web')])
    const s = layout.services[0]!
    const { box, lines } = placeCallout(s.x + s.w / 2, s.y + s.h / 2, `✗ web: ${diagnosis}`, layout)
    expect(box.band).toBe(false)
    expect(lines.join(' ')).toBe(`✗ web: ${diagnosis}`)
    for (const o of mapObstacles(layout)) expect(overlaps(box, o)).toBe(false)
  })

  it('falls back to a band under the drawing when there is no room, never cutting the text', () => {
    const many = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map(svc)
    const layout = layoutMap([node('a'), ...many])
    const long = `✗ a: ${diagnosis} ${diagnosis} ${diagnosis}`
    const { box, lines } = placeCallout(280, 50, long, layout)
    expect(box.band).toBe(true)
    expect(box.y).toBeGreaterThanOrEqual(layout.height)
    expect(lines.join(' ')).toBe(long)
  })
})

describe('shortMiddle', () => {
  it('keeps the end of a pod name, where sibling pods differ', () => {
    expect(shortMiddle('nginx-deployment-3-5dfdb75c74-9bhwt', 30)).toBe(
      'nginx-deployment-…b75c74-9bhwt',
    )
    expect(shortMiddle('web-1', 30)).toBe('web-1')
  })
})
