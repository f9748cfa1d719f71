import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSecret } from "@/lib/secrets/cipher";
import { DOCS_DIR, launchBrowser, newPage, screenshot } from "./support/browser";
import { appUrl } from "./support/context";
import { disconnectAppDatabase, logIn, seedUserWithProject, useAppDatabase } from "./support/seed";
import { postServerAction } from "./support/server-actions";

// An owner invites a viewer through the one-time link; the viewer joins in a fresh browser and
// sees the project read-only. The viewer's checks are separate `it`s on one shared page, so
// later rules for viewers (masked secrets, …) are one more `it` in the second describe.

const VIEWER = {
  email: "viewer.colleague@example.com",
  name: "Olena Koval",
  password: "a viewer's long password",
};

let browser: Browser;
let owner: Awaited<ReturnType<typeof seedUserWithProject>>;
let ownerPage: Page;
let viewerPage: Page;
let inviteLink: string;

function membersPath() {
  return `/projects/${owner.project.id}/members`;
}

beforeAll(async () => {
  browser = await launchBrowser();
  owner = await seedUserWithProject("members-owner");
  ownerPage = await newPage(browser);
  ownerPage.setDefaultTimeout(15_000);
  await logIn(ownerPage, owner);
});

afterAll(async () => {
  await browser?.close();
  await disconnectAppDatabase();
});

describe("the owner invites a viewer", () => {
  it("shows the invite link once on the Members page", async () => {
    await ownerPage.getByRole("link", { name: "Members" }).click();
    await ownerPage.waitForURL(`**${membersPath()}`);
    await ownerPage.getByLabel("Email").fill(VIEWER.email);
    await ownerPage.getByLabel("Role", { exact: true }).selectOption("viewer");
    await ownerPage.getByRole("button", { name: "Create invite link" }).click();
    const shown = ownerPage.getByTestId("new-invite-link");
    await shown.waitFor();
    inviteLink = (await shown.locator("code").innerText()).trim();
    expect(inviteLink).toMatch(new RegExp(`^${appUrl("/invite/")}[\\w-]{40,}$`));

    const pending = ownerPage.getByTestId("invite-row");
    await pending.filter({ hasText: VIEWER.email }).waitFor();
    expect(await pending.first().innerText()).toContain(owner.email);

    await ownerPage.reload();
    await ownerPage.getByTestId("invite-row").first().waitFor();
    expect(await ownerPage.content()).not.toContain(inviteLink.split("/").pop());
  });

  it("lets the viewer set a name and password in a fresh browser and land on Webhooks", async () => {
    viewerPage = await newPage(browser);
    viewerPage.setDefaultTimeout(15_000);
    await viewerPage.goto(inviteLink);
    await viewerPage.getByRole("heading", { name: "Join members-owner project" }).waitFor();
    expect(await viewerPage.getByText(VIEWER.email).count()).toBeGreaterThan(0);
    await screenshot(viewerPage, "members-invite-sign-up");
    await viewerPage.getByLabel("Your name").fill(VIEWER.name);
    await viewerPage.getByLabel("Password").fill(VIEWER.password);
    await viewerPage.getByRole("button", { name: "Create account and join" }).click();
    await viewerPage.waitForURL(`**/projects/${owner.project.id}/webhooks`);
    expect(await viewerPage.getByTestId("current-user").innerText()).toBe(VIEWER.email);
    await screenshot(viewerPage, "members-viewer-webhooks");
  });

  it("does not let the link be used twice", async () => {
    const again = await newPage(browser);
    await again.goto(inviteLink);
    await again.getByText("This invite link was already used").waitFor();
    await again.context().close();
  });

  it("lists the viewer with their role and last sign-in; the invite is no longer pending", async () => {
    await ownerPage.reload();
    const row = ownerPage.getByTestId("member-row").filter({ hasText: VIEWER.email });
    await row.waitFor();
    expect(await row.innerText()).toContain(VIEWER.name);
    expect(await row.getByLabel(`Role of ${VIEWER.email}`).inputValue()).toBe("viewer");
    expect(await row.innerText()).not.toContain("Never");
    expect(await ownerPage.getByTestId("invite-row").count()).toBe(0);
    await ownerPage.getByText("No pending invites.").waitFor();
    await screenshot(ownerPage, "members-page");
    await ownerPage.screenshot({ path: path.join(DOCS_DIR, "members.png") });
  });

  it("refuses to demote the last owner and says why", async () => {
    await ownerPage.getByLabel(`Role of ${owner.email}`).selectOption("admin");
    await ownerPage.getByText("they are the project's last owner").waitFor();
    await ownerPage.reload();
    expect(await ownerPage.getByLabel(`Role of ${owner.email}`).inputValue()).toBe("owner");
  });
});

describe("what the viewer sees and may do", () => {
  it("offers no edit controls on the Webhooks page", async () => {
    await viewerPage.goto(`/projects/${owner.project.id}/webhooks`);
    await viewerPage.getByTestId("event-row").first().waitFor();
    expect(await viewerPage.getByRole("link", { name: "Add event" }).count()).toBe(0);
    for (const toggle of await viewerPage.getByRole("switch").all()) {
      expect(await toggle.isDisabled()).toBe(true);
    }
  });

  it("sees an event's credentials masked and its signing secret nowhere, and cannot reveal them", async () => {
    const authorization = "Bearer invitedViewerMustNotSee5150";
    const db = await useAppDatabase();
    const { createWebhookEvent } = await import("@/lib/webhooks/service");
    const event = await createWebhookEvent(owner.project.id, {
      name: "CRM with a token",
      type: "incoming.after_call",
      requests: [
        {
          url: "https://crm.example.com/hooks/calls",
          method: "POST",
          headers: [{ name: "Authorization", value: authorization }],
          params: [{ name: "call_id", type: "text", value: "{{uniqueid}}" }],
          signing: { enabled: true },
        },
      ],
    });
    const row = await db.webhookRequest.findFirstOrThrow({ where: { eventId: event.id } });
    const signingSecret = openSecret(row.signingSecret ?? "");

    await viewerPage.goto(`/projects/${owner.project.id}/webhooks/${event.id}`);
    await viewerPage.getByRole("button", { name: /Step 2/ }).click();
    const card = viewerPage.getByRole("region", { name: "Request 1", exact: true });
    expect(await card.getByLabel("Header 1 value", { exact: true }).inputValue()).toBe("•••");
    expect(await viewerPage.getByRole("button", { name: "Reveal" }).count()).toBe(0);
    const html = await viewerPage.content();
    expect(html).not.toContain("invitedViewerMustNotSee5150");
    expect(html).not.toContain(signingSecret.slice(6));

    const reveal = await postServerAction({
      name: "revealEventSecretsAction",
      args: [owner.project.id, event.id],
      pagePath: `/projects/${owner.project.id}/webhooks/${event.id}`,
      as: viewerPage,
    });
    const revealed = await reveal.text();
    expect(revealed).toContain("This needs the admin role in the project");
    expect(revealed).not.toContain("invitedViewerMustNotSee5150");
    const cookies = await viewerPage.context().cookies();
    const read = await fetch(
      appUrl(`/api/v1/webhook-events/${event.id}/secrets?projectId=${owner.project.id}`),
      { headers: { Cookie: cookies.map((c) => `${c.name}=${c.value}`).join("; ") } },
    );
    expect(read.status).toBe(403);
  });

  it("has no Members item, and the Members page is not found", async () => {
    expect(await viewerPage.getByRole("link", { name: "Members" }).count()).toBe(0);
    const response = await viewerPage.goto(membersPath());
    expect(response?.status()).toBe(404);
  });

  it("is refused an admin action sent with the viewer's session", async () => {
    const invite = await postServerAction({
      name: "createInviteAction",
      args: [owner.project.id, { email: "friend@example.com", role: "admin" }],
      pagePath: `/projects/${owner.project.id}/webhooks`,
      as: viewerPage,
    });
    expect(await invite.text()).toContain("This needs the admin role in the project");

    const members = await fetch(appUrl("/api/v1/members"), {
      headers: { "Auth-key": owner.key },
    }).then((r) => r.json());
    const self = members.members.find((m: { email: string }) => m.email === VIEWER.email);
    const promote = await postServerAction({
      name: "changeMemberRoleAction",
      args: [owner.project.id, self.userId, { role: "admin" }],
      pagePath: `/projects/${owner.project.id}/webhooks`,
      as: viewerPage,
    });
    expect(await promote.text()).toContain("This needs the admin role in the project");

    const cookies = await viewerPage.context().cookies();
    const read = await fetch(appUrl(`/api/v1/members?projectId=${owner.project.id}`), {
      headers: { Cookie: cookies.map((c) => `${c.name}=${c.value}`).join("; ") },
    });
    expect(read.status).toBe(403);

    const after = await fetch(appUrl("/api/v1/members"), {
      headers: { "Auth-key": owner.key },
    }).then((r) => r.json());
    expect(after.members.find((m: { email: string }) => m.email === VIEWER.email).role).toBe(
      "viewer",
    );
    const invites = await fetch(appUrl("/api/v1/invites"), {
      headers: { "Auth-key": owner.key },
    }).then((r) => r.json());
    expect(invites.invites).toEqual([]);
  });
});

describe("several projects", () => {
  it("creates a second project from the switcher, switches back, and remembers the choice", async () => {
    await ownerPage.goto(`/projects/${owner.project.id}/webhooks`);
    await ownerPage.getByTestId("project-switcher").click();
    await ownerPage.getByRole("menuitem", { name: "New project" }).click();
    await ownerPage.getByLabel("Project name").fill("Second brand");
    await ownerPage.getByRole("button", { name: "Create project" }).click();
    await ownerPage.waitForURL(
      (url) => url.pathname.endsWith("/webhooks") && !url.pathname.includes(owner.project.id),
    );
    expect(await ownerPage.getByTestId("project-switcher").innerText()).toContain("Second brand");
    await ownerPage.getByTestId("event-row").first().waitFor();
    const secondUrl = ownerPage.url();

    await ownerPage.goto("/");
    await ownerPage.waitForURL(secondUrl);

    await ownerPage.getByTestId("project-switcher").click();
    await ownerPage.getByRole("menu", { name: "Projects" }).waitFor();
    await screenshot(ownerPage, "members-project-switcher");
    await ownerPage.getByRole("menuitem", { name: /members-owner project/ }).click();
    await ownerPage.waitForURL(`**/projects/${owner.project.id}/webhooks`);
    await ownerPage.goto("/");
    await ownerPage.waitForURL(`**/projects/${owner.project.id}/webhooks`);
  });
});

describe("removing a member", () => {
  it("takes the project away from the viewer, who can then start a project of their own", async () => {
    await ownerPage.goto(membersPath());
    const row = ownerPage.getByTestId("member-row").filter({ hasText: VIEWER.email });
    ownerPage.once("dialog", (dialog) => dialog.accept());
    await row.getByRole("button", { name: "Remove" }).click();
    await row.waitFor({ state: "detached" });
    expect(await ownerPage.getByTestId("member-row").count()).toBe(1);

    const gone = await viewerPage.goto(`/projects/${owner.project.id}/webhooks`);
    expect(gone?.status()).toBe(404);
    await viewerPage.goto("/");
    await viewerPage.waitForURL("**/no-project");
    await viewerPage.getByLabel("Project name").fill("Olena's bureau");
    await viewerPage.getByRole("button", { name: "Create project" }).click();
    await viewerPage.waitForURL("**/projects/*/webhooks");
    expect(await viewerPage.getByTestId("project-switcher").innerText()).toContain(
      "Olena's bureau",
    );
    expect(await viewerPage.getByRole("link", { name: "Members" }).count()).toBe(1);
  });
});
