/**
 * The add-in's settings in memory (SettingsPort): what load() gives is what the test stored, or
 * saved, with the service's deployment in place once one is adopted; subscribers hear every change,
 * as a pane hears its own saves, the service's deployment and other panes' saves.
 */
import { DEFAULT_SETTINGS, deploymentApplies, withDeployment } from "../../src/core";
import type { KnownDeployment, Settings } from "../../src/core";
import type { LoadedSettings, SettingsPort } from "../../src/office/ports";

export class FakeSettingsPort implements SettingsPort {
  stored: Settings;
  problems: LoadedSettings["problems"] = [];
  readonly saved: Settings[] = [];
  /** The deployment last adopted, as the real port keeps it under its own roaming key. */
  deployment: KnownDeployment | undefined;
  /** When set, save rejects with it and keeps what was stored. */
  saveError: Error | null = null;
  /** When set, load throws it (unreadable roaming settings). */
  loadError: Error | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(overrides: Partial<Settings> = {}) {
    this.stored = { ...DEFAULT_SETTINGS, ...overrides };
  }

  load(): LoadedSettings {
    if (this.loadError !== null) throw this.loadError;
    if (!deploymentApplies(this.stored, this.deployment)) return { settings: this.stored, problems: this.problems };
    const managed = withDeployment(this.stored, this.deployment);
    return { settings: managed.settings, problems: [...this.problems, ...managed.problems], managedBy: this.stored.serviceUrl };
  }

  async save(settings: Settings): Promise<void> {
    if (this.saveError !== null) throw this.saveError;
    this.saved.push(settings);
    this.stored = settings;
    this.changed();
  }

  async adoptDeployment(known: KnownDeployment): Promise<void> {
    this.deployment = { ...known, ordinal: known.ordinal ?? this.deployment?.ordinal ?? null };
    this.changed();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Another pane saved `settings` (it reached this one over the settings channel). */
  savedElsewhere(settings: Settings): void {
    this.stored = settings;
    this.changed();
  }

  private changed(): void {
    for (const listener of [...this.listeners]) listener();
  }
}
