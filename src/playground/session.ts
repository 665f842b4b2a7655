/**
 * Who is signed in to the playground, and the tracking service it uses. Both come from the page's
 * URL when it names them (`?user=sam&service=http://127.0.0.1:3002`: `npm start` and the browser
 * tests open it so) and are remembered for later visits. Changing either reloads the page, as
 * signing in as someone else reloads Outlook: the panes read the user and settings when they load.
 */
import { numberingMode } from "../core";
import { STORAGE_PREFIX, type KeyValueStorage } from "./model/userStorage";
import { COLLEAGUE_INBOX, COLLEAGUE_ROAMING_SETTINGS, PLAYGROUND_USER, PLAYGROUND_USERS, SAMPLE_INBOX, SAMPLE_SENT, SEEDED_ROAMING_SETTINGS } from "./model/samples";
import type { MailboxModelOptions } from "./model/mailboxModel";
import { PLAYGROUND_DEVICES } from "./model/types";
import type { PlaygroundDevice, UserProfile } from "./model/types";

const USER_KEY = `${STORAGE_PREFIX}signed-in`;
const SERVICE_KEY = `${STORAGE_PREFIX}service`;
const SERVICE_ON_KEY = `${STORAGE_PREFIX}service-on`;
const DEVICE_KEY = `${STORAGE_PREFIX}device`;

export type PlaygroundSession = {
  readonly user: UserProfile;
  /** The tracking service the playground knows of; "" when none. */
  readonly serviceUrl: string;
  /** Whether the users' settings point at it ("Tracking service" switch). */
  readonly serviceOn: boolean;
  /** The device the panes run on ("Device" switch, ?device=phone): each has its own IndexedDB. */
  readonly device: PlaygroundDevice;
};

/** A short name for the URL: "pat", "sam". */
export const userSlug = (user: UserProfile): string => user.emailAddress.split(/[.@]/)[0] ?? user.emailAddress;

export function readSession(location: Pick<Location, "search">, storage: KeyValueStorage): PlaygroundSession {
  const params = new URLSearchParams(location.search);
  const wanted = params.get("user") ?? storage.getItem(USER_KEY) ?? "";
  const user = PLAYGROUND_USERS.find((u) => userSlug(u) === wanted || u.emailAddress === wanted) ?? PLAYGROUND_USER;
  storage.setItem(USER_KEY, userSlug(user));
  const named = params.get("service");
  if (named !== null) storage.setItem(SERVICE_KEY, named.replace(/\/+$/, ""));
  const serviceUrl = storage.getItem(SERVICE_KEY) ?? "";
  const wantedDevice = params.get("device") ?? storage.getItem(DEVICE_KEY) ?? "laptop";
  const device = PLAYGROUND_DEVICES.find((d) => d === wantedDevice) ?? "laptop";
  storage.setItem(DEVICE_KEY, device);
  return { user, serviceUrl, serviceOn: numberingMode(serviceUrl).kind === "service" && storage.getItem(SERVICE_ON_KEY) !== "0", device };
}

/** What the mailbox model of `session.user` starts from: their samples, colleagues, and sign-in to the service. */
export function modelOptionsFor(session: PlaygroundSession, storage: KeyValueStorage, fetch: typeof globalThis.fetch): MailboxModelOptions {
  const mode = numberingMode(session.serviceUrl);
  const pat = session.user.emailAddress === PLAYGROUND_USER.emailAddress;
  return {
    storage,
    user: session.user,
    inbox: pat ? SAMPLE_INBOX : COLLEAGUE_INBOX,
    sent: pat ? SAMPLE_SENT : [],
    seedRoaming: pat ? SEEDED_ROAMING_SETTINGS : COLLEAGUE_ROAMING_SETTINGS,
    device: session.device,
    colleagues: PLAYGROUND_USERS.filter((u) => u.emailAddress !== session.user.emailAddress),
    ...(mode.kind === "service" ? { accessTokens: devTokens(mode.url, fetch) } : {}),
  };
}

/**
 * Sign-in in the playground: the service's development tokens (POST /v1/dev/token, only on a
 * service started with development auth), where Outlook would use Microsoft Entra ID.
 */
export function devTokens(serviceUrl: string, fetch: typeof globalThis.fetch): (user: UserProfile) => Promise<string> {
  return async (user) => {
    const response = await fetch(`${serviceUrl}/v1/dev/token`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ mailbox: user.emailAddress, name: user.displayName }),
    });
    if (!response.ok) throw new Error(`The tracking service gave no development token (${response.status}): is it running with development sign-in?`);
    const { accessToken } = (await response.json()) as { accessToken?: unknown };
    if (typeof accessToken !== "string") throw new Error("The tracking service's development token answer has no accessToken.");
    return accessToken;
  };
}

/** Signs in as `user`: the page reloads with them. */
export function switchUser(win: Pick<Window, "location" | "localStorage">, user: UserProfile): void {
  win.localStorage.setItem(USER_KEY, userSlug(user));
  const url = new URL(win.location.href);
  url.searchParams.set("user", userSlug(user));
  win.location.assign(url.toString());
}

/** Moves to the user's other device: the page reloads, and the panes open on that device's storage. */
export function switchDevice(win: Pick<Window, "location" | "localStorage">, device: PlaygroundDevice): void {
  win.localStorage.setItem(DEVICE_KEY, device);
  const url = new URL(win.location.href);
  url.searchParams.set("device", device);
  win.location.assign(url.toString());
}

/** Turns the tracking service on or off for the playground's users; the page reloads. */
export function setServiceOn(win: Pick<Window, "location" | "localStorage">, on: boolean): void {
  win.localStorage.setItem(SERVICE_ON_KEY, on ? "1" : "0");
  win.location.reload();
}

