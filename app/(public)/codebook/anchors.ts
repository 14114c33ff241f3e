// The codebook's section anchors for the field groups, shared with the pages that link to them,
// so a link cannot drift from the id it points to. "CSV export" becomes "fields-csv-export": an
// id with a space cannot be written in an address without escaping.
export function fieldsAnchor(groupName: string): string {
  return `fields-${groupName
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")}`;
}
