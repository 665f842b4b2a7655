import { OfficeError } from "../../src/office/asyncResult";
import type { DialogHost, DialogNotice } from "../../src/office/officeDialog";

/** What the dialog does once open: the page's answer (a DialogAnswer) or an Office event code. */
export type FakeDialogScript = { readonly openFails: number } | { readonly answer: object | string } | { readonly event: number };

/** Office's dialog, scripted: fails to open with an Office code, or opens and sends one notice. Records what ran. */
export class FakeDialogHost implements DialogHost {
  readonly opened: string[] = [];
  closed = 0;
  constructor(private readonly script: FakeDialogScript) {}

  async open(url: string, onNotice: (notice: DialogNotice) => void): Promise<{ close(): void }> {
    this.opened.push(url);
    if ("openFails" in this.script) throw new OfficeError("The dialog could not open.", this.script.openFails, "Dialog");
    const notice: DialogNotice =
      "event" in this.script
        ? { kind: "event", code: this.script.event }
        : { kind: "message", message: typeof this.script.answer === "string" ? this.script.answer : JSON.stringify(this.script.answer) };
    // Office delivers dialog messages from its own task, after the open callback.
    setTimeout(() => onNotice(notice), 0);
    return { close: () => void this.closed++ };
  }
}
