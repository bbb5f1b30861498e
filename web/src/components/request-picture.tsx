// The welcome picture: a request from a client pod crosses a Service to one of three pods.

export function RequestPicture() {
  const pods = [
    { y: 30, name: 'web-7f9c-x2kq4', ip: '10.244.1.4' },
    { y: 95, name: 'web-7f9c-9zt6m', ip: '10.244.2.7' },
    { y: 160, name: 'web-7f9c-p4rlw', ip: '10.244.1.9' },
  ]
  return (
    <svg
      class="request-picture"
      viewBox="0 0 560 220"
      role="img"
      aria-labelledby="request-picture-title"
    >
      <title id="request-picture-title">
        A request from a client pod goes to the Service my-service at its stable address 10.96.14.2
        port 8080, which forwards it to one of three pods on port 80.
      </title>
      <defs>
        <marker
          id="rp-arrow"
          viewBox="0 0 10 10"
          refX="9"
          refY="5"
          markerWidth="7"
          markerHeight="7"
          orient="auto-start-reverse"
        >
          <path d="M0,0 L10,5 L0,10 z" class="rp-arrowhead" />
        </marker>
      </defs>
      <g class="rp-client">
        <rect x="10" y="85" width="120" height="50" rx="8" />
        <text x="70" y="107" text-anchor="middle">
          client pod
        </text>
        <text x="70" y="124" text-anchor="middle" class="rp-small">
          curl my-service:8080
        </text>
      </g>
      <line x1="130" y1="110" x2="215" y2="110" class="rp-line" marker-end="url(#rp-arrow)" />
      <g class="rp-service">
        <rect x="218" y="75" width="130" height="70" rx="35" />
        <text x="283" y="104" text-anchor="middle">
          Service
        </text>
        <text x="283" y="121" text-anchor="middle" class="rp-small">
          my-service
        </text>
        <text x="283" y="136" text-anchor="middle" class="rp-small">
          10.96.14.2:8080
        </text>
      </g>
      {pods.map((p, i) => (
        <g key={p.name} class="rp-pod">
          <line
            x1="348"
            y1="110"
            x2="398"
            y2={p.y + 22}
            class={i === 1 ? 'rp-line rp-chosen' : 'rp-line'}
            marker-end="url(#rp-arrow)"
          />
          <rect x="400" y={p.y} width="150" height="44" rx="6" />
          <text x="475" y={p.y + 19} text-anchor="middle">
            {p.name}
          </text>
          <text x="475" y={p.y + 35} text-anchor="middle" class="rp-small">
            {p.ip}:80
          </text>
        </g>
      ))}
      <circle r="7" class="rp-packet" cx="0" cy="0" />
    </svg>
  )
}
