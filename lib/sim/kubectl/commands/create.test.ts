import { describe, expect, it } from "vitest";
import { harness } from "../../test-support/harness";

// kubectl create deployment (staging/src/k8s.io/kubectl/pkg/cmd/create/create_deployment.go) returns
// fmt.Errorf("failed to create deployment: %v", err): the server's refusal comes without kubectl's
// "Error from server (Reason): " prefix, which only a bare API error gets.
describe("kubectl create deployment", () => {
  it("wraps the API server's AlreadyExists as create_deployment.go does", () => {
    const h = harness();
    h.ok("kubectl create deployment web --image=nginx");
    expect(h.fails("kubectl create deployment web --image=nginx")).toBe(
      'error: failed to create deployment: deployments.apps "web" already exists\n',
    );
  });
});
