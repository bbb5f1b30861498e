// Manifests the labs add beyond the course notes: a client pod to ask from inside the cluster.

/** A curl client kept alive with sleep (curlimages/curl's entrypoint would run curl and exit). */
export const CLIENT_POD = `apiVersion: v1
kind: Pod
metadata:
  name: client
spec:
  containers:
  - name: client
    image: curlimages/curl
    command: ["sleep", "infinity"]
`
