// What an LTI resource link opens in kubelearn: a lesson quiz, a module quiz or a drill. Deep linking
// writes it into the link's `custom` parameters; the launch reads it back.

export const TARGET_KINDS = ["lesson", "module", "drill"] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

export interface LtiTarget {
  kind: TargetKind;
  id: string;
}

/** The custom parameter names (lti/v1p3#custom-properties-and-variable-substitution: custom properties are strings). */
export const CUSTOM_KIND = "kubelearn_kind";
export const CUSTOM_ID = "kubelearn_id";

const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,99}$/;

export function targetFromCustom(custom: Record<string, unknown> | undefined): LtiTarget | null {
  const kind = custom?.[CUSTOM_KIND];
  const id = custom?.[CUSTOM_ID];
  if (typeof kind !== "string" || typeof id !== "string") return null;
  if (!(TARGET_KINDS as readonly string[]).includes(kind) || !ID_PATTERN.test(id)) return null;
  return { kind: kind as TargetKind, id };
}

export const customForTarget = (t: LtiTarget): Record<string, string> => ({ [CUSTOM_KIND]: t.kind, [CUSTOM_ID]: t.id });

/** The page a target opens. */
export function targetPath(t: LtiTarget): string {
  switch (t.kind) {
    case "lesson":
      return `/lessons/${t.id}/quiz`;
    case "module":
      return `/modules/${t.id}/quiz`;
    case "drill":
      return `/drills/${t.id}`;
    default: {
      const never: never = t.kind;
      throw new Error(`unknown LTI target kind ${never}`);
    }
  }
}
