// Related events, end to end: an editor links two published events in the editor, readers see the
// link on both events' pages (each from its own side) and on the timeline when one is selected,
// a duplicate is refused in words, and removing the link takes it off the public pages.
import { expect, test } from "@playwright/test";
import { createUser, signIn, expectNoSeriousViolations } from "./fixtures";

const SIX_PARTY = {
  id: "2003-08-27-six-party-talks",
  title: "Six-Party Talks on North Korea's nuclear programme, 2003–2009",
};
const LEAP_DAY = {
  id: "2012-02-29-us-dprk-leap-day-deal",
  title: "US and North Korea announce the short-lived “Leap Day” deal",
};

test("an editor links two events; readers follow the link from both sides and see it on the timeline", async ({
  page,
}) => {
  test.setTimeout(90_000); // one journey over six pages, four of them checked with axe
  await signIn(page, await createUser("editor"));
  await page.goto(`/editor/events/${LEAP_DAY.id}`);
  const section = page.getByRole("region", { name: "Related events" });
  await section.getByLabel("How this event relates to the other").selectOption({ label: "follows up…" });
  // Found by its title, chosen with the keyboard.
  await section.getByLabel("Find the other event by its title").fill("six-party");
  const choose = section.getByRole("button", { name: `Choose ${SIX_PARTY.title}` });
  await choose.focus();
  await page.keyboard.press("Enter");
  await expect(section.getByLabel("Public id of the other event")).toHaveValue(SIX_PARTY.id);
  await expect(section.getByLabel("Public id of the other event")).toBeFocused();
  await section.getByRole("button", { name: "Add link" }).click();
  await expect(section.getByRole("status").filter({ hasText: "Linked" })).toHaveText(
    `Linked: this event follows up ${SIX_PARTY.id}.`,
  );
  await expect(section.getByRole("list", { name: "Links of this event" })).toContainText(
    `Follows up: ${SIX_PARTY.title}`,
  );
  await expectNoSeriousViolations(page);

  // The same link again is refused, in words, and the form keeps what was chosen.
  await section.getByLabel("Public id of the other event").fill(SIX_PARTY.id);
  await section.getByRole("button", { name: "Add link" }).click();
  await expect(section.getByRole("alert").first()).toContainText(
    "This event is already linked: it follows up “Six-Party Talks",
  );
  await expect(section.getByLabel("Public id of the other event")).toHaveValue(SIX_PARTY.id);
  // A link to itself likewise.
  await section.getByLabel("Public id of the other event").fill(LEAP_DAY.id);
  await section.getByRole("button", { name: "Add link" }).click();
  await expect(section.getByRole("alert").first()).toContainText("An event cannot be related to itself");
  // The change is in the event's history.
  await expect(page.getByRole("region", { name: /History/ })).toContainText("Linked to a related event (follows up)");

  // Readers: both pages, each from its own side.
  await page.goto(`/events/${LEAP_DAY.id}`);
  const related = page.getByRole("region", { name: "Related events" });
  await expect(related).toContainText(`Follows up: ${SIX_PARTY.title}`);
  await expectNoSeriousViolations(page);
  await related.getByRole("link", { name: SIX_PARTY.title }).click();
  await expect(page).toHaveURL(new RegExp(`/events/${SIX_PARTY.id}$`));
  await expect(page.getByRole("region", { name: "Related events" })).toContainText(`Followed up by: ${LEAP_DAY.title}`);
  await expectNoSeriousViolations(page);

  // The timeline: with the Leap Day deal selected, the Six-Party Talks' mark is ringed and says why.
  await page.goto(`/timeline?start=2003&end=2013&selected=${LEAP_DAY.id}`);
  const mark = page.locator(`a.mark[data-id="${SIX_PARTY.id}"]`);
  await expect(mark).toHaveClass(/\brelated\b/);
  await expect(mark).toHaveAccessibleName(
    new RegExp(`related: followed up by “${LEAP_DAY.title.replace(/[“”]/g, ".")}”`),
  );
  const panel = page.getByRole("complementary", { name: "Event details" });
  await expect(panel.getByRole("region", { name: "Related events" })).toContainText(`Follows up: ${SIX_PARTY.title}`);
  await expect(page.getByRole("list", { name: "Legend" })).toContainText("ringed: related to the selected event");
  await expectNoSeriousViolations(page);

  // Removed in the editor, the link leaves the public pages.
  await page.goto(`/editor/events/${LEAP_DAY.id}`);
  await page.getByRole("button", { name: `Remove the link: this event follows up ${SIX_PARTY.title}` }).click();
  await expect(
    page.getByRole("region", { name: "Related events" }).getByRole("status").filter({ hasText: "Unlinked" }),
  ).toBeVisible();
  await page.goto(`/events/${SIX_PARTY.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(SIX_PARTY.title);
  await expect(page.getByText(`Followed up by: ${LEAP_DAY.title}`)).toHaveCount(0);
});

test("readers see the seed's links: the May 2022 veto as the precedent of Lavrov's 2023 threat", async ({ page }) => {
  await page.goto("/events/2023-09-13-lavrov-un-sanctions-veto-threat");
  const related = page.getByRole("region", { name: "Related events" });
  await expect(related.getByRole("listitem").filter({ hasText: "Has precedent:" })).toContainText("veto");
  await page.goto("/events/2023-09-13-kim-putin-vostochny-summit");
  const summit = page.getByRole("region", { name: "Related events" });
  await expect(summit.getByRole("listitem").filter({ hasText: "Followed up by:" })).toHaveCount(2);
  await expect(summit.getByRole("listitem").filter({ hasText: "Responded to by:" })).toContainText("Sullivan");
});
