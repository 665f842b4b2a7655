/**
 * The compose pane's settings: the form, with Clear history under it. A chunk of its own (its
 * inputs are most of the pane's controls, and most opens never show them): ComposePane loads it
 * when Settings opens, or on the first run, which asks for the user number. Renders only.
 */
import type { Settings } from "../../core/types";
import type { ActivityLog } from "../../storage/ports";
import { ClearHistory } from "../shared/ClearHistory";
import { SettingsForm } from "../shared/SettingsForm";

export type ComposeSettingsProps = {
  /** The settings as saved now. */
  saved: Settings;
  /** The tracking service whose deployment sets the service-owned fields; undefined when the user sets them. */
  managedBy: string | undefined;
  /** Saves valid settings (SettingsPort.save). */
  save: (settings: Settings) => Promise<void>;
  /** Called after a successful save. */
  onSaved: (settings: Settings) => void;
  /** Called after Cancel; none on the first run, where the form stays until the user number is saved. @default undefined */
  onCancel?: (() => void) | undefined;
  /** The first run focuses Your user number. @default false */
  firstRun?: boolean;
  /** The log Clear history empties; null when this device keeps none (then there is no Clear history). */
  activityLog: ActivityLog | null;
  /** Offline activities not yet synced, for Clear history's warning. */
  pendingOffline: number;
};

export function ComposeSettings({ saved, managedBy, save, onSaved, onCancel, firstRun = false, activityLog, pendingOffline }: ComposeSettingsProps) {
  return (
    <SettingsForm
      saved={saved}
      {...(managedBy === undefined ? {} : { managedBy })}
      save={save}
      onSaved={onSaved}
      {...(firstRun ? { focusField: "userOrdinal" as const } : {})}
      {...(onCancel === undefined ? {} : { onCancel })}
    >
      {activityLog !== null && <ClearHistory activityLog={activityLog} pendingOffline={pendingOffline} />}
    </SettingsForm>
  );
}
