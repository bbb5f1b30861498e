// `wrangler dev` (workerd + local D1, as `npm start` serves it) for the test/node suites that
// run the real kubectl against it: test/e2e/server.mjs, which takes the port asked for when it is
// free and another free one when it is not.

export interface WranglerDev {
  base: string
  stop: () => void
}

export async function startWranglerDev(preferredPort: number): Promise<WranglerDev> {
  // a variable path: TypeScript does not look into the .mjs
  const path = '../e2e/server.mjs'
  const { startServer } = (await import(path)) as {
    startServer: (root: string, port: number) => Promise<WranglerDev>
  }
  return startServer(process.cwd(), preferredPort)
}
