/** Builds the Office-backed ports a pane needs, from the Office global (after Office.onReady). */
import { createMailbox } from "./mailbox";
import type { OfficeLike } from "./officeTypes";
import type { MailboxPort, RoamingStore, SettingsPort } from "./ports";
import { createRoamingStore } from "./roamingStore";
import { browserSettingsChannel } from "./settingsChannel";
import { createSettingsPort, DEPLOYMENT_KEY, SETTINGS_KEY } from "./settingsPort";

export type OfficePorts = {
  readonly mailbox: MailboxPort;
  readonly roaming: RoamingStore;
  readonly settings: SettingsPort;
};

/** Keys this add-in keeps in roaming settings; the size check counts them even before they are read. */
export const ROAMING_KEYS = [SETTINGS_KEY, DEPLOYMENT_KEY, "service:user", "counter:online", "counter:offline-hwm"] as const;

export function createOfficePorts(office: OfficeLike = globalThis.Office): OfficePorts {
  const roaming = createRoamingStore(office.context.roamingSettings, { knownKeys: ROAMING_KEYS });
  const mailbox = createMailbox(office);
  return { mailbox, roaming, settings: createSettingsPort(roaming, { channel: browserSettingsChannel(mailbox.userEmail) }) };
}
