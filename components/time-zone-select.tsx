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

/**
 * A select of IANA time zones, by region. Uncontrolled (`defaultValue`) unless `value` is given.
 * The list comes from the server (lib/time-zones `timeZoneChoices`), so it is the list the server
 * accepts.
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
  return (
    <select {...control} name="timeZone" className={className} {...valueProps}>
      {byRegion(zones).map(({ region, zones: list }) =>
        region === null ? (
          list.map((zone) => (
            <option key={zone} value={zone}>
              {zone}
            </option>
          ))
        ) : (
          <optgroup key={region} label={region}>
            {list.map((zone) => (
              <option key={zone} value={zone}>
                {zone}
              </option>
            ))}
          </optgroup>
        ),
      )}
    </select>
  );
}
