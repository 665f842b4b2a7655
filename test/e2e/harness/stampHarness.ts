/**
 * A compose window without React, for the uniqueness test: the compose pane's own wiring
 * (createComposePorts: Office adapters, IndexedDB counter and activity log under Web Locks,
 * Stamper, connectivity monitor) over an Office of its own (harnessOffice.ts), whose mailbox opens a
 * new draft for each stamp. Clicking through the pane needs a page load per draft (a draft keeps
 * its one number), about 190 ms a stamp here; this path stamps the same way in a few ms.
 *
 * Built by uniqueness.e2e.mjs and injected into a playground compose pane (or, for devices.e2e.mjs,
 * the send handler's page opened on its own), so it shares the page's origin, IndexedDB database
 * and Web Locks with the real pane. The page's Office stays Microsoft's office.js.
 */
import { createComposePorts } from "../../../src/panes/compose/createPorts";
import { configuredMode } from "../../../src/panes/shared/followNumberingMode";
import { createOfficePorts } from "../../../src/office/officePorts";
import type { ComposeNumbering, ComposePorts } from "../../../src/panes/compose/useComposePane";
import { createFakeOffice, type PaneWindow } from "./harnessOffice";
import { createNestedAppAuthBridge } from "../../../src/playground/outlookHost/naaBridge";
import { MailboxModel } from "../../../src/playground/model/mailboxModel";
import { devTokens } from "../../../src/playground/session";
import { openCounterStore } from "../../../src/storage";
import { reserveRecordName } from "../../../src/authority/offlineReserve";

export type HarnessStamp = { readonly token: string; readonly designator: number; readonly subject: string; readonly warning?: string };

export type StampHarness = {
  /** The monitor's mode once its first check is done: "offline" when the browser is offline. */
  readonly mode: () => Promise<string>;
  /** Stamps `count` new drafts one after another; `report` hears each token as soon as it is in the subject. */
  stampMany(count: number, label: string, report?: (stamp: HarnessStamp) => void): Promise<HarnessStamp[]>;
  /** The local offline counter of `user` as stored in IndexedDB (cycle * 1e9 + counter), or null. */
  offlineCounter(user: number): Promise<number | null>;
  /** How many reserved offline numbers `user` has left on this device (docs/NUMBERING.md). */
  reserveLeft(user: number): Promise<number>;
  /** The connectivity state: status, pending activities, sync problem. */
  state(): Promise<{ status: string; pending: number; reason?: string; syncProblem?: string }>;
  /** Checks the authority now, as Retry does. */
  recheck(): void;
};

async function createHarness(): Promise<StampHarness> {
  const win = window as PaneWindow;
  // ?service=URL: service mode with development sign-in, as the playground runs it.
  const service = new URLSearchParams(win.location.search).get("service") ?? "";
  const model = new MailboxModel({ storage: win.localStorage, ...(service !== "" ? { accessTokens: devTokens(service, (input, init) => win.fetch(input, init)) } : {}) });
  if (service !== "") model.settings.setServiceUrl(service);
  const fake = createFakeOffice({ win, host: model.host, surface: "compose" });
  fake.initialize();
  // createComposePorts reads the Office global, as the pane does: point it at this window's fake
  // just while the ports are built (they keep what they need), then give the page its own back.
  const pageOffice = (win as unknown as { Office: unknown }).Office;
  (win as unknown as { Office: unknown }).Office = fake.office;
  let ports: ComposePorts & ComposeNumbering;
  try {
    const office = createOfficePorts();
    ports = await createComposePorts(office, configuredMode(office.settings));
  } finally {
    (win as unknown as { Office: unknown }).Office = pageOffice;
  }
  // Single sign-on is looked up when a token is needed, so the harness's stays in place (with ?service=).
  // So is nested app authentication's host bridge (MSAL finds it when it first signs in).
  if (service !== "") {
    (win as unknown as { OfficeRuntime: unknown }).OfficeRuntime = fake.runtime;
    (win as unknown as { nestedAppAuthBridge: unknown }).nestedAppAuthBridge = createNestedAppAuthBridge({ win, host: model.host });
  }
  const { mailbox, settings, stamper, monitor } = ports;
  // The offline switch of this fake follows the browser's, like the playground's "Work offline".
  const followBrowser = () => model.simulator.setOffline(!navigator.onLine);
  followBrowser();
  win.addEventListener("online", followBrowser);
  win.addEventListener("offline", followBrowser);

  // The standalone monitor can say when its checks are done; the port type does not show it.
  const idle = async () => {
    await (monitor as { idle?: () => Promise<void> }).idle?.();
  };

  return {
    async mode() {
      await idle();
      return monitor.current().status;
    },
    async stampMany(count, label, report) {
      const stamps: HarnessStamp[] = [];
      for (let i = 0; i < count; i += 1) {
        model.mail.composeNew();
        model.mail.updateDraft({ subject: `${label} ${i}`, to: "dana.buyer@fabrikam.com" });
        const item = mailbox.currentItem();
        if (item === null || item.mode !== "compose") throw new Error("The harness has no draft open.");
        const outcome = await stamper.stamp(item, settings.load().settings);
        if (outcome.status !== "stamped") throw new Error(`Stamp ${i} of ${label} ended ${outcome.status}: ${outcome.reason}`);
        const stamp = { token: outcome.token, designator: outcome.designator, subject: model.getState().draft?.subject ?? "", ...(outcome.warning !== undefined ? { warning: outcome.warning } : {}) };
        stamps.push(stamp);
        report?.(stamp);
      }
      return stamps;
    },
    async reserveLeft(user) {
      const opening = await openCounterStore();
      if (!opening.available) throw new Error(opening.reason);
      try {
        const stored = (await opening.store.exclusiveRecord(reserveRecordName(user), (record) => record.read())) as { ranges?: { from: number; to: number }[] } | null;
        return (stored?.ranges ?? []).reduce((n, r) => n + r.to - r.from + 1, 0);
      } finally {
        opening.store.close();
      }
    },
    recheck: () => monitor.recheck(),
    async state() {
      await idle();
      const current = monitor.current();
      return { status: current.status, pending: current.pending, ...(current.status === "offline" ? { reason: current.reason } : {}), ...(current.syncProblem !== undefined ? { syncProblem: current.syncProblem } : {}) };
    },
    async offlineCounter(user) {
      const opening = await openCounterStore();
      if (!opening.available) throw new Error(opening.reason);
      try {
        return await opening.store.peek(`offline:${user}`);
      } finally {
        opening.store.close();
      }
    },
  };
}

declare global {
  interface Window {
    __stampHarness?: Promise<StampHarness>;
  }
}

window.__stampHarness = createHarness();
