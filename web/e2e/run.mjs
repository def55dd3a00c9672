// End-to-end flows against the real stack in Debian's Chromium. Run with `npm run e2e -w web`.
// How it finds the stack is described in lib/stack.mjs.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { launchBrowser } from "./lib/browser.mjs";
import { captureScreen, SCREENSHOT_DIR } from "./lib/screens.mjs";
import { startE2eStack } from "./lib/stack.mjs";

const newUser = { email: `e2e-${Date.now()}@example.com`, password: "e2e-password-123", household: "E2E household" };

let stack;
let browser;
let page;

const at = (path) => new URL(path, stack.url).href;
const heading = (name) => page.getByRole("heading", { level: 1, name });

async function signIn({ email, password }) {
  await page.goto(at("/sign-in"));
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await heading("Home").waitFor();
}

async function openFromNav(label) {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: label }).click();
  await heading(label).waitFor();
}

describe("AutoArr web", { concurrency: false }, () => {
  before(async () => {
    stack = await startE2eStack();
    console.log(`# stack: ${stack.source} at ${stack.url}; screenshots in ${SCREENSHOT_DIR}`);
    browser = await launchBrowser();
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
  });

  after(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it("signs up a new account and lands on Home", async () => {
    await page.goto(at("/"));
    await heading("Sign in").waitFor();
    await captureScreen(page, "sign-in");
    await page.getByRole("link", { name: "Create an account" }).click();
    await heading("Create your account").waitFor();
    await captureScreen(page, "sign-up");
    await page.getByLabel(/Household name/).fill(newUser.household);
    await page.getByLabel("Email").fill(newUser.email);
    await page.getByLabel(/Password/).fill(newUser.password);
    await page.getByRole("button", { name: "Create account" }).click();
    await heading("Home").waitFor();
  });

  it("shows the platform health and each app's state on Home, live", async () => {
    await page.getByText(/All systems normal|Some services need attention/).waitFor();
    const services = page.getByRole("heading", { name: "Services" }).locator("..").getByRole("listitem");
    assert.equal(await services.count(), 5);
    await page.getByRole("status", { name: "Live updates: Live" }).waitFor({ timeout: 15_000 });
    await captureScreen(page, "home");
  });

  it("shows every other screen with a proper state while its API is not there yet", async () => {
    for (const screen of ["Requests", "Audit", "Activity"]) {
      await openFromNav(screen);
      await page.locator("main [role=alert], main .state, main ul, main article").first().waitFor();
      await page.waitForLoadState("networkidle");
      await captureScreen(page, screen.toLowerCase());
    }
  });

  it("creates a connector and shows its pairing code exactly once", async () => {
    await openFromNav("Settings");
    await page.getByText("No connectors yet").waitFor();
    await page.getByLabel("Name").fill("NAS");
    await page.getByLabel(/Connector URL/).fill("https://nas.example.com");
    await page.getByRole("button", { name: "Create connector" }).click();
    const command = page.getByLabel("Pairing command");
    await command.waitFor();
    const text = await command.innerText();
    assert.match(text, /^autoarr-connector pair \S+$/);
    await captureScreen(page, "settings-pairing");
    await page.getByRole("button", { name: "I've copied it" }).click();
    await page.reload();
    await heading("Settings").waitFor();
    await page.getByText("NAS", { exact: true }).waitFor();
    assert.equal(await page.getByText(text.split(" ").at(-1)).count(), 0, "the pairing code must not be shown again");
    await captureScreen(page, "settings");
  });

  it("signs out, clearing the stored session", async () => {
    await page.getByRole("button", { name: "Sign out" }).click();
    await heading("Sign in").waitFor();
    assert.equal(await page.evaluate(() => localStorage.getItem("autoarr.refreshToken")), null);
    await page.goto(at("/settings"));
    await heading("Sign in").waitFor();
  });

  it("signs in to the demo account", async () => {
    await signIn(stack.demo);
    await page.getByText(/All systems normal|Some services need attention/).waitFor();
    await page.waitForLoadState("networkidle");
    await captureScreen(page, "home-demo");
  });

  it("opens offline from the service worker's app shell and says it is offline", async () => {
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) {
        await new Promise((resolve) => navigator.serviceWorker.addEventListener("controllerchange", resolve, { once: true }));
      }
    });
    await browser.context.setOffline(true);
    try {
      await page.reload();
      await heading("Home").waitFor();
      await page.getByText("You are offline").waitFor();
      await page.getByRole("status", { name: "Live updates: Offline" }).waitFor();
      await captureScreen(page, "home-offline");
    } finally {
      await browser.context.setOffline(false);
    }
  });
});
