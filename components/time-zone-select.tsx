import type { FieldControlProps } from "@/components/ui/field";

/** Zones grouped by their region ("America/Los_Angeles" under America); UTC and the like stand alone. */
function byRegion(zones: readonly string[]): { region: string | null; zones: string[] }[] {
  const groups = new Map<string | null, string[]>();
  for (const zone of zones) {
    const region = zone.includes("/") ? zone.slice(0, zone.indexOf("/")) : null;
    groups.set(region, [...(groups.get(region) ?? []), zone]);
  }
  return [...groups].map(([region, list]) => ({ region, zones: list }));
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c] ?? c);

/** The options as HTML, the chosen one marked (what React would render for them). */
function optionsHtml(zones: readonly string[], chosen: string): string {
  const option = (zone: string) =>
    `<option value="${escapeHtml(zone)}"${zone === chosen ? " selected" : ""}>${escapeHtml(zone)}</option>`;
  return byRegion(zones)
    .map(({ region, zones: list }) =>
      region === null
        ? list.map(option).join("")
        : `<optgroup label="${escapeHtml(region)}">${list.map(option).join("")}</optgroup>`,
    )
    .join("");
}

/**
 * A select of IANA time zones, by region. Uncontrolled (`defaultValue`) unless `value` is given.
 * The list comes from the server (lib/time-zones `timeZoneChoices`), so it is the list the server
 * accepts. Its ~420 options are one block of HTML rather than ~420 React elements: hydrating them
 * one by one was a good part of /teach's blocking time on a phone, and nothing in them changes.
 * React still sets the chosen option through the select's own `value`/`defaultValue`.
 */
export function TimeZoneSelect({
  control,
  zones,
  className,
  ...value
}: {
  control: FieldControlProps;
  zones: readonly string[];
  className?: string;
} & ({ defaultValue: string } | { value: string; onChange: (zone: string) => void })) {
  const valueProps =
    "value" in value
      ? { value: value.value, onChange: (e: { target: { value: string } }) => value.onChange(e.target.value) }
      : { defaultValue: value.defaultValue };
  const chosen = "value" in value ? value.value : value.defaultValue;
  return (
    <select
      {...control}
      name="timeZone"
      className={className}
      {...valueProps}
      // biome-ignore lint/security/noDangerouslySetInnerHtml: zone names from Intl, escaped; see above
      dangerouslySetInnerHTML={{ __html: optionsHtml(zones, chosen) }}
    />
  );
}
