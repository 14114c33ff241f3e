import type { Metadata } from "next";
import Link from "next/link";
import { CreateUserForm, UserControls } from "@/components/users/user-forms";
import { requireUser } from "@/lib/authz";
import { db } from "@/lib/db";
import { listUsers } from "@/lib/users/mutations";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const me = await requireUser("admin", "/admin/users");
  const users = await listUsers(db());
  return (
    <>
      <h1>Users</h1>
      <h2>New account</h2>
      <CreateUserForm />
      <h2>Accounts ({users.length})</h2>
      <div className="table-wrap">
        <table className="events">
          <caption className="visually-hidden">Accounts</caption>
          <thead>
            <tr>
              <th scope="col">Email</th>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">Status</th>
              <th scope="col">Created</th>
              <th scope="col">Manage</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id}>
                <td>{u.email}</td>
                <td>{u.name}</td>
                <td>{u.role}</td>
                <td>{u.disabled ? "disabled" : "active"}</td>
                <td>{u.createdAt.toISOString().slice(0, 10)}</td>
                <td>
                  {u.id === me.id ? (
                    <span className="muted">
                      This is you: change your password on <Link href="/editor/account">your account page</Link>
                    </span>
                  ) : (
                    <UserControls userId={u.id} email={u.email} role={u.role} disabled={u.disabled} />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
