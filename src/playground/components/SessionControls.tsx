/** Who is signed in, the tracking service switch, and the customer's reply: what shows a team sharing the service. */
import { Button, Label, makeStyles, Select, Switch, tokens, Tooltip, useId } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { numberingMode } from "../../core";
import { useAddinServer } from "../addinServer";
import type { MailboxModel } from "../model/mailboxModel";
import { PLAYGROUND_USERS } from "../model/samples";
import type { HostSignInPath, MailMessage, NestedAppAuthBehaviour } from "../model/types";
import { NESTED_APP_AUTH_BEHAVIOURS, PLAYGROUND_DEVICES } from "../model/types";
import { setServiceOn, switchDevice, switchUser, userSlug } from "../session";
import type { PlaygroundSession } from "../session";

const useStyles = makeStyles({
  signedIn: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, marginLeft: "auto" },
  device: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  label: { color: tokens.colorNeutralForegroundOnBrand },
  path: { color: tokens.colorNeutralForegroundOnBrand, whiteSpace: "nowrap" },
});

/** A small labelled select in the header, on the brand's colour; `after` follows the select. */
function HeaderSelect({ label, value, onChange, className, children, after }: { label: string; value: string; onChange: (value: string) => void; className: string; children: ReactNode; after?: ReactNode }) {
  const styles = useStyles();
  const id = useId("header-select");
  return (
    <div className={className}>
      <Label htmlFor={id} size="small" className={styles.label}>
        {label}
      </Label>
      <Select id={id} size="small" value={value} onChange={(_, data) => onChange(data.value)}>
        {children}
      </Select>
      {after}
    </div>
  );
}

/** "Signed in as": switching reloads the playground as the other user, with their mailbox and settings. */
export function SignedInAs({ session }: { session: PlaygroundSession }) {
  const styles = useStyles();
  const signIn = (slug: string) => {
    const user = PLAYGROUND_USERS.find((u) => userSlug(u) === slug);
    if (user) switchUser(window, user);
  };
  return (
    <HeaderSelect label="Signed in as" value={userSlug(session.user)} onChange={signIn} className={styles.signedIn}>
      {PLAYGROUND_USERS.map((user) => (
        <option key={user.emailAddress} value={userSlug(user)}>
          {user.displayName} · {user.emailAddress}
        </option>
      ))}
    </HeaderSelect>
  );
}

/** "Device": the same user on a laptop or a phone, each with its own local storage (docs/NUMBERING.md). */
export function DeviceSwitch({ session }: { session: PlaygroundSession }) {
  const styles = useStyles();
  const switchTo = (value: string) => {
    const device = PLAYGROUND_DEVICES.find((d) => d === value);
    if (device) switchDevice(window, device);
  };
  return (
    <HeaderSelect label="Device" value={session.device} onChange={switchTo} className={styles.device}>
      {PLAYGROUND_DEVICES.map((device) => (
        <option key={device} value={device}>
          {device === "laptop" ? "Laptop" : "Phone"}
        </option>
      ))}
    </HeaderSelect>
  );
}

const NAA_LABELS: Readonly<Record<NestedAppAuthBehaviour, string>> = {
  answers: "NAA: signs in",
  "interaction-required": "NAA: needs a popup",
  "popup-blocked": "NAA: popup blocked (Office dialog)",
  "consent-refused": "NAA: consent refused",
  unsupported: "NAA unsupported (legacy SSO)",
};

/**
 * How the host answers the panes' sign-in (src/playground/outlookHost/naaBridge.ts), and which way
 * the last token came: NAA silently, NAA after a popup, the Office dialog, or Office's legacy SSO.
 */
export function SignInControls({ model, behaviour, path }: { model: MailboxModel; behaviour: NestedAppAuthBehaviour; path: HostSignInPath | null }) {
  const styles = useStyles();
  const status = (
    <span role="status" aria-label="Sign-in path" className={styles.path}>
      {path === null ? "No sign-in yet" : `Signed in via ${path}`}
    </span>
  );
  return (
    <HeaderSelect label="Host sign-in" value={behaviour} onChange={(value) => model.simulator.setOptions({ nestedAppAuth: NESTED_APP_AUTH_BEHAVIOURS.find((b) => b === value) ?? "answers" })} className={styles.device} after={status}>
      {NESTED_APP_AUTH_BEHAVIOURS.map((b) => (
        <option key={b} value={b}>
          {NAA_LABELS[b]}
        </option>
      ))}
    </HeaderSelect>
  );
}

/** Points the users' settings at the tracking service `npm start` runs (or not); the panes reload. */
export function ServiceSwitch({ session }: { session: PlaygroundSession }) {
  const mode = numberingMode(session.serviceUrl);
  const available = mode.kind === "service";
  const label = mode.kind === "service" ? `Tracking service (${mode.url})` : "Tracking service (none running)";
  return (
    <Tooltip
      content={available ? "On: the panes number tokens and look up colleagues' activities with the tracking service" : "Start the playground with `npm start` to run the tracking service beside it"}
      relationship="description"
    >
      <Switch label={label} checked={session.serviceOn} disabled={!available} onChange={(_, data) => setServiceOn(window, data.checked)} />
    </Tooltip>
  );
}

/**
 * The customer answers a sent message (reply all): the reply reaches this user and every colleague
 * it names. Not called "…reply": the toolbar's Reply button must stay the only one of that name.
 */
export function SimulateReplyButton({ model, selected, disabled }: { model: MailboxModel; selected: MailMessage | null; disabled: boolean }) {
  const usable = selected?.folder === "sent" && !disabled;
  return (
    <Tooltip content="Select a message in Sent: its recipient replies to all, so colleagues in Cc get the reply too" relationship="description">
      <Button onClick={() => selected && model.mail.simulateCustomerReply(selected.id)} disabled={!usable}>
        Simulate customer answer
      </Button>
    </Tooltip>
  );
}

/** The same answer with the token dropped from the subject (some clients do): only smart matching can pair it. */
export function SimulateAnswerWithoutTokenButton({ model, selected, disabled }: { model: MailboxModel; selected: MailMessage | null; disabled: boolean }) {
  const usable = selected?.folder === "sent" && !disabled;
  return (
    <Tooltip content="Select a message in Sent: its recipient replies to all, but their client drops the token from the subject" relationship="description">
      <Button onClick={() => selected && model.mail.simulateCustomerReply(selected.id, { dropToken: true })} disabled={!usable}>
        Simulate answer without the token
      </Button>
    </Tooltip>
  );
}

/** Beside Work offline: the add-in's web server stops answering, so panes that open come from their offline copy. */
export function AddinServerSwitch() {
  const { state, setReachable } = useAddinServer();
  const usable = state.status === "ready";
  return (
    <Tooltip
      content={usable ? "On: the server that serves the panes drops every request for them; a pane opened before opens from the copy its service worker kept" : "Needs the server of `npm start` (or the browser tests); webpack-dev-server has no such switch"}
      relationship="description"
    >
      <Switch label="Add-in server unreachable" checked={usable && !state.reachable} disabled={!usable} onChange={(_, data) => void setReachable(!data.checked)} />
    </Tooltip>
  );
}
