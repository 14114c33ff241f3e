"use client";
// Rendered on the server like any client component, so the rows are in the first HTML. The
// data is one server-sorted page; TanStack Table supplies the column model, React the markup.
import Link from "next/link";
import { createColumnHelper, tableFeatures, useTable } from "@tanstack/react-table";
import { DISPUTED_MARK_MEANING, DisputedMark } from "@/components/sources/disputed-mark";
import { eventTypeLabel } from "@/lib/events/codebook";
import { formatEventDate, isoEventDate } from "@/lib/events/date-span";
import type { EventRow } from "@/lib/events/queries";

const features = tableFeatures({});
const helper = createColumnHelper<typeof features, EventRow>();

type SortKey = "date" | "title";
export interface SortLinks {
  /** Current sort, e.g. "-date". */
  sort: string;
  hrefs: Record<SortKey, string>;
}

function SortHeader({ label, column, links }: { label: string; column: SortKey; links: SortLinks }) {
  const active = links.sort.replace("-", "") === column;
  const desc = links.sort.startsWith("-");
  return (
    <Link href={links.hrefs[column]}>
      {label}
      <span className="muted">{active ? (desc ? " ↓" : " ↑") : ""}</span>
      <span className="visually-hidden">{active ? `, sorted ${desc ? "descending" : "ascending"}; activate to reverse` : ", activate to sort"}</span>
    </Link>
  );
}

function buildColumns(links: SortLinks) {
  return helper.columns([
    helper.accessor("date", {
      header: () => <SortHeader label="Date" column="date" links={links} />,
      cell: (info) => <time dateTime={isoEventDate(info.getValue())}>{formatEventDate(info.getValue())}</time>,
    }),
    helper.accessor("title", {
      header: () => <SortHeader label="Title" column="title" links={links} />,
      cell: (info) => <Link href={`/events/${info.row.original.id}`}>{info.getValue()}</Link>,
    }),
    helper.accessor("type", { header: "Type", cell: (info) => eventTypeLabel(info.getValue()) }),
    helper.accessor("claimStatus", {
      header: "Claim",
      cell: (info) => (
        <>
          <span className={`badge ${info.getValue()}`}>{info.getValue()}</span>
          {info.row.original.disputeCount > 0 && <><br /><DisputedMark count={info.row.original.disputeCount} /></>}
        </>
      ),
    }),
    helper.accessor("actors", {
      header: "Actors",
      cell: (info) => [...new Map(info.getValue().map((a) => [a.slug, a.name])).values()].join(", "),
    }),
    helper.accessor("place", { header: "Place", cell: (info) => info.getValue() ?? "—" }),
    helper.accessor("sourceCount", { header: "Sources", cell: (info) => info.getValue() }),
  ]);
}

export function EventsTable({ rows, links, caption }: { rows: EventRow[]; links: SortLinks; caption: string }) {
  const table = useTable({ features, columns: buildColumns(links), data: rows, getRowId: (row) => row.id });
  const sortedColumn = links.sort.replace("-", "");
  return (
    <>
      <div className="table-wrap">
        <table className="events" aria-describedby="events-legend">
          <caption>{caption}</caption>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => (
                  <th
                    key={header.id}
                    scope="col"
                    aria-sort={header.column.id === sortedColumn ? (links.sort.startsWith("-") ? "descending" : "ascending") : undefined}
                  >
                    <table.FlexRender header={header} />
                  </th>
                ))}
              </tr>
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.map((row) => (
              <tr key={row.id}>
                {row.getAllCells().map((cell) => (
                  <td key={cell.id} className={cell.column.id === "sourceCount" ? "num" : undefined}>
                    <table.FlexRender cell={cell} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p id="events-legend" className="muted table-legend">
        {DISPUTED_MARK_MEANING} <Link href="/codebook#disputed">More in the codebook</Link>.
      </p>
    </>
  );
}
