/** A Service manifest for tests; `spec` is YAML indented by four spaces under `spec:`. */
export const serviceYaml = (name: string, spec: string) => `apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
${spec}`;
