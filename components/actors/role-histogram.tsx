// Events by role and year: a small stacked bar chart drawn on the server (no script), and the same
// figures as a table, which is what screen readers and keyboard users read (the drawing is hidden
// from them).
import { ACTOR_ROLES, type ActorRoleSlug } from "@/lib/events/codebook";

const ROLE_COLOURS: Record<ActorRoleSlug, string> = {
  initiator: "#1f5f99",
  target: "#b3452c",
  supplier: "#2e7d32",
  recipient: "#8e6c00",
  speaker: "#6a3d9a",
  addressee: "#c2185b",
  participant: "#00796b",
  host: "#546e7a",
};
const ROLE_ORDER = Object.keys(ACTOR_ROLES) as ActorRoleSlug[];

export function RoleHistogram({
  byYear,
  name,
}: {
  byYear: { year: number; role: ActorRoleSlug; count: number }[];
  name: string;
}) {
  if (!byYear.length) return null;
  const first = Math.min(...byYear.map((r) => r.year));
  const last = Math.max(...byYear.map((r) => r.year));
  const years = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  const roles = ROLE_ORDER.filter((role) => byYear.some((r) => r.role === role));
  const count = (year: number, role: ActorRoleSlug) =>
    byYear.find((r) => r.year === year && r.role === role)?.count ?? 0;
  const totals = years.map((y) => roles.reduce((n, role) => n + count(y, role), 0));
  const max = Math.max(1, ...totals);
  const W = 600,
    H = 150,
    PAD = 20;
  const slot = (W - 2 * PAD) / years.length;
  const bar = Math.max(2, Math.min(40, slot * 0.7));
  const scale = (H - 2 * PAD) / max;

  return (
    <div className="role-histogram">
      <svg viewBox={`0 0 ${W} ${H}`} aria-hidden="true" focusable="false">
        <line x1={PAD} x2={W - PAD} y1={H - PAD} y2={H - PAD} stroke="#888" />
        <text x={PAD} y={12} fontSize="11" fill="#444">
          {max} {max === 1 ? "event" : "events"}
        </text>
        {years.map((y, i) => {
          let top = H - PAD;
          const x = PAD + i * slot + (slot - bar) / 2;
          return (
            <g key={y}>
              {roles.map((role) => {
                const h = count(y, role) * scale;
                if (!h) return null;
                top -= h;
                return <rect key={role} x={x} y={top} width={bar} height={h} fill={ROLE_COLOURS[role]} />;
              })}
              {(years.length <= 12 || i === 0 || i === years.length - 1 || y % 5 === 0) && (
                <text x={x + bar / 2} y={H - 5} fontSize="11" textAnchor="middle" fill="#444">
                  {y}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <ul className="legend" aria-hidden="true">
        {roles.map((role) => (
          <li key={role}>
            <span className="swatch" style={{ background: ROLE_COLOURS[role] }} />
            {role}
          </li>
        ))}
      </ul>
      <div className="actor-table-wrap">
        <table>
          <caption>Public events naming {name}, by year and role</caption>
          <thead>
            <tr>
              <th scope="col">Year</th>
              {roles.map((role) => (
                <th key={role} scope="col">
                  {role}
                </th>
              ))}
              <th scope="col">All roles</th>
            </tr>
          </thead>
          <tbody>
            {years.map(
              (y, i) =>
                totals[i] > 0 && (
                  <tr key={y}>
                    <th scope="row">{y}</th>
                    {roles.map((role) => (
                      <td key={role} className="num">
                        {count(y, role)}
                      </td>
                    ))}
                    <td className="num">{totals[i]}</td>
                  </tr>
                ),
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}
