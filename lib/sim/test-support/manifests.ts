/** A Service manifest for tests; `spec` is YAML indented by four spaces under `spec:`. */
export const serviceYaml = (name: string, spec: string) => `apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
${spec}`;

/** agnhost's netexec: an echo server that answers /hostname and /clientip (what SNAT did is visible). */
export const ECHO_IMAGE = "registry.k8s.io/e2e-test-images/agnhost:2.52";
export const echoDeployment = (name: string, replicas: number) =>
  `kubectl create deployment ${name} --image=${ECHO_IMAGE} --replicas=${replicas} -- /agnhost netexec --http-port=80`;
/** A client pod with curl (busybox has wget but no curl); the image's entrypoint is curl, so --command. */
export const CURL_CLIENT = "kubectl run client --image=curlimages/curl --command -- sleep 3600";
